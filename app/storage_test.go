package app

import "testing"

func TestStoredBytesCountsUTF16(t *testing.T) {
	tests := []struct {
		key, value string
		want       int
	}{
		{"stancemark/x", "", 24},
		{"k", "é", 4}, // one BMP character is one unit
		{"k", "😀", 6}, // outside the BMP: two units
		{"k", "東京", 6},
	}
	for _, tt := range tests {
		if got := storedBytes(tt.key, tt.value); got != tt.want {
			t.Errorf("storedBytes(%q, %q) = %d, want %d", tt.key, tt.value, got, tt.want)
		}
	}
	m := newMemoryStore()
	m.items["other/key"] = "ignored"
	m.items["stancemark/v1/a"] = "😀"
	if got := m.usage(); got != storedBytes("stancemark/v1/a", "😀") {
		t.Errorf("usage = %d: only Stancemark's keys count", got)
	}
}
