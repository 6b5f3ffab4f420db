package collect

import (
	"bytes"
	"fmt"
	"net/url"
	"strings"
	"testing"

	"stancemark/annotations"
)

// The owner's listing with ?ids= gives only those submissions (a live
// view fetching what is new), with their bodies; ids that are not
// submission ids are refused, and ids of another collection give nothing.
func TestListOnlyTheIDsAsked(t *testing.T) {
	eachDatabase(t, func(t *testing.T, dsn string) {
		a, ab := bundledAssignment(t)
		s, srv := newAPI(t, dsn, Options{})
		code, secret := newCollection(t, s, ab, CollectionOptions{})
		other, _ := newCollection(t, s, ab, CollectionOptions{})
		var ids []string
		for i, e := range annotations.GenerateSubmissions(a, 3, 5) {
			var b bytes.Buffer
			annotations.WriteExport(&b, e)
			c := code
			if i == 2 {
				c = other
			}
			r := mustDo(t, "POST", srv.URL+"/api/collections/"+c+"/submissions", b.Bytes(), map[string]string{"Stancemark-Submitter": fmt.Sprint("b", i)})
			var rc Receipt
			r.decode(t, &rc)
			if r.status != 201 {
				t.Fatalf("submission %d: %d %s", i, r.status, r.body)
			}
			ids = append(ids, rc.ID)
		}
		auth := map[string]string{"Authorization": "Bearer " + secret}
		get := func(q string) (int, listed, string) {
			r := mustDo(t, "GET", srv.URL+"/api/collections/"+code+"/submissions?"+q, nil, auth)
			var l listed
			if r.status == 200 {
				r.decode(t, &l)
			}
			return r.status, l, string(r.body)
		}
		status, l, _ := get("bodies=1&ids=" + ids[1])
		if status != 200 || len(l.Submissions) != 1 || l.Submissions[0].ID != ids[1] || len(l.Submissions[0].Body) == 0 {
			t.Fatalf("ids=%s: %d %+v", ids[1], status, l.Submissions)
		}
		if status, l, _ = get("bodies=1&ids=" + ids[0] + "," + ids[1] + "," + ids[2]); status != 200 || len(l.Submissions) != 2 {
			t.Errorf("two of this collection and one of another: %d, %d listed, want 2", status, len(l.Submissions))
		}
		for _, bad := range []string{"x", ids[0] + ",' OR 1=1 --", strings.Repeat(ids[0]+",", 100) + ids[0], ids[0] + ","} {
			if status, _, body := get("ids=" + url.QueryEscape(bad)); status != 400 || !strings.Contains(body, "ids:") {
				t.Errorf("ids=%.40q: %d %s, want 400 naming ids", bad, status, body)
			}
		}
	})
}
