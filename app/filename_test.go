package app

import "testing"

func TestExportFileName(t *testing.T) {
	tests := []struct{ title, want string }{
		{"Could U.S., Iran Work Together In Iraq? Maybe, Officials Say", "could-u-s-iran-work-together-in-iraq-maybe-officials-say.stancemark.json"},
		{"  Élection 2024 : résultats  ", "élection-2024-résultats.stancemark.json"},
		{"<script>alert(1)</script>", "script-alert-1-script.stancemark.json"},
		{"???", "document.stancemark.json"},
	}
	for _, tt := range tests {
		t.Run(tt.title, func(t *testing.T) {
			if got := exportFileName(tt.title); got != tt.want {
				t.Errorf("exportFileName(%q) = %q, want %q", tt.title, got, tt.want)
			}
		})
	}
}
