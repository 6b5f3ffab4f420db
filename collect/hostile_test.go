package collect

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"stancemark/annotations"
)

// payloads are SQL and script injections put into every field.
var payloads = []string{
	`'); DROP TABLE submissions; --`,
	`" OR 1=1 --`,
	`<script>alert(1)</script>`,
	`<img src=x onerror=alert(1)>`,
}

// Hostile requests are refused with a clear status and message, and
// nothing is stored; payloads that are only data (a name, a note) are
// stored as text and never run.
func TestHostileInput(t *testing.T) {
	eachDatabase(t, func(t *testing.T, dsn string) {
		a, ab := bundledAssignment(t)
		s, srv := newAPI(t, dsn, Options{})
		code, secret := newCollection(t, s, ab, CollectionOptions{})
		good := studentBodies(t, a, 1)[0]
		post := func(path string, body []byte, h map[string]string) response {
			return mustDo(t, "POST", srv.URL+path, body, h)
		}
		sub := "/api/collections/" + code + "/submissions"
		type refusal struct {
			name   string
			r      response
			status int
			says   string
		}
		var cases []refusal
		big := append([]byte(`{"format":"stancemark/v1","x":"`), bytes.Repeat([]byte("a"), MaxBodyBytes)...)
		cases = append(cases,
			refusal{"oversize", post(sub, append(big, '"', '}'), nil), 413, "20 MB"},
			refusal{"empty", post(sub, nil, nil), 400, "empty"},
			refusal{"not JSON", post(sub, []byte("{not json"), nil), 400, "not stored"},
			refusal{"wrong code", post("/api/collections/zzzzzzzz/submissions", good, nil), 404, "no collection"},
			refusal{"code with SQL", post("/api/collections/"+strings.ReplaceAll("x' OR '1'='1", " ", "%20")+"/submissions", good, nil), 404, "no collection"},
			refusal{"assignment file as submission", post(sub, ab, nil), 400, "assignment"},
			refusal{"idempotency key with a space", post(sub, good, map[string]string{"Idempotency-Key": "a b"}), 400, "Idempotency-Key"},
			refusal{"submitter too long", post(sub, good, map[string]string{"Stancemark-Submitter": strings.Repeat("x", 65)}), 400, "Stancemark-Submitter"},
			refusal{"create from an export", post("/api/collections", good, nil), 400, "no collection made"},
			refusal{"create oversize", post("/api/collections", append(big, '"', '}'), nil), 413, "20 MB"},
		)
		// A payload in every field of the submission that must match the
		// assignment: each is refused by the same checks as a file import.
		var e map[string]any
		json.Unmarshal(good, &e)
		fields := []func(m map[string]any, p string){
			func(m map[string]any, p string) { m["format"] = p },
			func(m map[string]any, p string) { m["assignment"] = p },
			func(m map[string]any, p string) { m["exported"] = p },
			func(m map[string]any, p string) { m["document"].(map[string]any)["id"] = p },
			func(m map[string]any, p string) { m["document"].(map[string]any)["text"] = p },
			func(m map[string]any, p string) { m["scheme"].(map[string]any)["id"] = p },
			func(m map[string]any, p string) {
				m["annotations"] = []any{map[string]any{"id": p, "sentences": []string{p}, "label": p, "note": "", "created": p, "modified": p}}
			},
			func(m map[string]any, p string) { m["annotator"] = map[string]any{"name": p + "\x00"} },
			func(m map[string]any, p string) { m[p] = p },
		}
		for fi, f := range fields {
			for _, p := range payloads {
				var m map[string]any
				json.Unmarshal(good, &m)
				f(m, p)
				b, _ := json.Marshal(m)
				r := post(sub, b, nil)
				cases = append(cases, refusal{"payload in field " + string(rune('a'+fi)) + ": " + p, r, 400, "not stored"})
			}
		}
		for _, c := range cases {
			if c.r.status != c.status || !strings.Contains(c.r.errorText(), c.says) {
				t.Errorf("%s: %d %q, want %d saying %q", c.name, c.r.status, c.r.errorText(), c.status, c.says)
			}
			if strings.Contains(c.r.header.Get("Content-Type"), "html") {
				t.Errorf("%s: answered as %s", c.name, c.r.header.Get("Content-Type"))
			}
		}
		if n := countRows(t, s); n != 0 {
			t.Fatalf("%d submissions stored from hostile input, want 0", n)
		}
		if r := mustDo(t, "GET", srv.URL+"/api/collections/"+code+"/submissions", nil, map[string]string{"Authorization": "Bearer " + payloads[0]}); r.status != 403 {
			t.Errorf("forged secret: %d", r.status)
		}

		// Payloads that are only data are stored as sent, and run nowhere:
		// the tables are intact and the listing escapes them in JSON.
		ex, _ := annotations.ReadExport(bytes.NewReader(good))
		ex.Annotator.Name = payloads[0] + " " + payloads[2]
		if len(ex.Annotations) > 0 {
			ex.Annotations[0].Note = payloads[1] + payloads[3]
		}
		var b bytes.Buffer
		annotations.WriteExport(&b, ex)
		r := post(sub, b.Bytes(), map[string]string{"Idempotency-Key": payloads[1][:2] + "x"})
		if r.status != 400 { // '"' is not allowed in a key
			t.Errorf("a key with a quote: %d", r.status)
		}
		if r := post(sub, b.Bytes(), nil); r.status != 201 {
			t.Fatalf("a name with SQL and script in it: %d %s", r.status, r.body)
		}
		l := mustDo(t, "GET", srv.URL+sub, nil, map[string]string{"Authorization": "Bearer " + secret})
		if l.status != 200 || strings.Contains(string(l.body), "<script>") || !strings.Contains(string(l.body), `\u003cscript\u003e`) {
			t.Errorf("listing: %d %s", l.status, l.body)
		}
		var got listed
		l.decode(t, &got)
		if len(got.Submissions) != 1 || got.Submissions[0].Annotator != payloads[0]+" "+payloads[2] || countRows(t, s) != 1 {
			t.Errorf("stored %+v", got.Submissions)
		}
	})
}
