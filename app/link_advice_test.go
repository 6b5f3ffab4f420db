package app

import (
	"strings"
	"testing"
)

func TestAdviseLink(t *testing.T) {
	for _, tc := range []struct {
		url       string
		n         int
		reachable bool
		why, long string
	}{
		{"http://127.0.0.1:8000/", 500, false, "stancemark serve -addr 0.0.0.0:8000", ""},
		{"http://localhost:9000/", 500, false, "0.0.0.0:9000", ""},
		{"http://[::1]:8000/", 500, false, "this computer's own address", ""},
		{"file:///home/t/site/index.html", 500, false, "stancemark build -out site", ""},
		{"https://class.example.org/stancemark/", 500, true, "", ""},
		{"http://192.168.1.20:8000/", 13913, true, "", "13913 characters"},
	} {
		a := adviseLink(tc.url, tc.n)
		if a.Reachable != tc.reachable || !strings.Contains(a.Why, tc.why) || (tc.long == "") != (a.TooLong == "") || !strings.Contains(a.TooLong, tc.long) {
			t.Errorf("%s (%d): %+v", tc.url, tc.n, a)
		}
		if !strings.Contains(a.Where, tc.url) {
			t.Errorf("%s: Where %q", tc.url, a.Where)
		}
	}
	if a := adviseLink("https://x.org/", 13913); !strings.Contains(a.TooLong, "https://x.org/?src=") {
		t.Errorf("long link advice %q does not show ?src=", a.TooLong)
	}
}
