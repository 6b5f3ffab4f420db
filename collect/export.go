package collect

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"stancemark/annotations"
)

// ExportResult counts what Export wrote.
type ExportResult struct {
	Latest  int // one file per submitter: the latest version
	Earlier int // the earlier versions, under earlier/
}

// Export writes the collection with code (secret must be its owner
// secret) into dir as files: the assignment or project itself (with its
// key or references), each submitter's latest submission beside it (the
// files "class", "agree", "convert" and "project stats" read), and every
// earlier version under dir/earlier/. Files are named by the collection's
// title and the annotator (annotations.SubmissionFileName), with "-2", "-3"
// for two submitters of one name.
func (s *Store) Export(ctx context.Context, code, secret, dir string) (ExportResult, error) {
	var res ExportResult
	c, err := s.Authorize(ctx, code, secret)
	if err != nil {
		return res, err
	}
	subs, err := s.Submissions(ctx, code, true)
	if err != nil {
		return res, err
	}
	if err := os.MkdirAll(filepath.Join(dir, "earlier"), 0o755); err != nil {
		return res, err
	}
	itemName := annotations.Slug(c.Title, 48, 0, c.Kind) + "." + c.Kind + ".json"
	if err := os.WriteFile(filepath.Join(dir, itemName), c.Body, 0o644); err != nil {
		return res, err
	}
	latest := map[string]int{} // submitter → index of the latest version
	for i, x := range subs {
		if j, ok := latest[x.Submitter]; !ok || x.Version > subs[j].Version {
			latest[x.Submitter] = i
		}
	}
	used := map[string]bool{itemName: true}
	name := func(annotator, suffix string) string {
		base := strings.TrimSuffix(annotations.SubmissionFileName(c.Title, annotator), ".stancemark.json")
		ext := ".stancemark.json"
		if c.Kind == KindProject {
			ext = ".submission.json"
		}
		n := base + suffix + ext
		for k := 2; used[n]; k++ {
			n = fmt.Sprintf("%s%s-%d%s", base, suffix, k, ext)
		}
		used[n] = true
		return n
	}
	for i, x := range subs {
		path := filepath.Join(dir, name(x.Annotator, ""))
		if latest[x.Submitter] != i {
			path = filepath.Join(dir, "earlier", name(x.Annotator, fmt.Sprintf("-v%d", x.Version)))
			res.Earlier++
		} else {
			res.Latest++
		}
		if err := os.WriteFile(path, x.Body, 0o644); err != nil {
			return res, err
		}
	}
	return res, nil
}
