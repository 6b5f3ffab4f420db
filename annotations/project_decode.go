package annotations

import (
	"encoding/json"
	"maps"
	"slices"
)

// The strict reader of "stancemark-project/v1": every field by hand with the
// helpers of format_decode.go, so that every error names its JSON path.

// decodeProject reads the fields of a project strictly. data is valid
// JSON. It does not validate the project.
func decodeProject(data []byte) (*Project, error) {
	o, _, err := decodeFile(data, "project", checkProjectFormat, "a project", projectFields)
	if err != nil {
		return nil, err
	}
	return decodeProjectFields(o, nil)
}

// decodeProjectFields reads the fields of the project object o; the
// documents, claims and tasks come from lists when fastDecodeProject has
// read them.
func decodeProjectFields(o *jsonObject, lists *projectLists) (*Project, error) {
	p := &Project{}
	var err error
	for _, f := range []struct {
		name     string
		required bool
		dst      *string
	}{{"id", true, &p.ID}, {"title", false, &p.Title}, {"hash", true, &p.Hash}} {
		if err := o.str(f.name, f.required, f.dst); err != nil {
			return nil, err
		}
	}
	so, err := o.object("scheme", true)
	if err != nil {
		return nil, err
	}
	if err := so.only("the scheme", "id", "name", "labels"); err != nil {
		return nil, err
	}
	if p.Scheme, err = decodeScheme(so); err != nil {
		return nil, err
	}
	if p.Codebook, err = decodeCodebook(o); err != nil {
		return nil, err
	}
	if lists != nil {
		p.Documents, p.Claims, p.Tasks = lists.documents, lists.claims, lists.tasks
	} else {
		if p.Documents, err = decodeProjectDocuments(o); err != nil {
			return nil, err
		}
		if p.Claims, err = decodeClaims(o); err != nil {
			return nil, err
		}
		if p.Tasks, err = decodeTasks(o); err != nil {
			return nil, err
		}
	}
	if p.Annotators, err = decodeStrings(o, "annotators"); err != nil {
		return nil, err
	}
	if err := o.int("overlap", false, &p.Overlap); err != nil {
		return nil, err
	}
	if p.Options, err = decodeProjectOptions(o); err != nil {
		return nil, err
	}
	return p, nil
}

// decodeStrings reads the optional list of texts name of o (nil when empty).
func decodeStrings(o *jsonObject, name string) ([]string, error) {
	items, err := o.list(name, false)
	if err != nil || len(items) == 0 {
		return nil, err
	}
	out := make([]string, len(items))
	for i, item := range items {
		if kindOf(item) != "text" {
			return nil, typeErr(elemPath(fieldPath(o.path, name), i), "text", item)
		}
		if err := json.Unmarshal(item, &out[i]); err != nil {
			return nil, fieldErr(elemPath(fieldPath(o.path, name), i), because("invalid JSON: "+err.Error(), ErrSyntax))
		}
	}
	return out, nil
}

// objects reads the list name of o as objects with only the given fields,
// calling each with every object and its index.
func objects(o *jsonObject, name string, required bool, what string, fields []string, each func(int, *jsonObject) error) (int, error) {
	items, err := o.list(name, required)
	if err != nil {
		return 0, err
	}
	for i, item := range items {
		eo, err := decodeObject(item, elemPath(fieldPath(o.path, name), i))
		if err != nil {
			return 0, err
		}
		if err := eo.only(what, fields...); err != nil {
			return 0, err
		}
		if err := each(i, eo); err != nil {
			return 0, err
		}
	}
	return len(items), nil
}

func decodeCodebook(o *jsonObject) (Codebook, error) {
	var cb Codebook
	co, err := o.object("codebook", false)
	if err != nil || co == nil {
		return cb, err
	}
	if err := co.only("the codebook", "guidelines", "labels"); err != nil {
		return cb, err
	}
	if err := co.str("guidelines", false, &cb.Guidelines); err != nil {
		return cb, err
	}
	_, err = objects(co, "labels", false, "a label's guidance", []string{"label", "definition", "examples"}, func(_ int, lo *jsonObject) error {
		var g LabelGuide
		if err := lo.str("label", true, &g.Label); err != nil {
			return err
		}
		if err := lo.str("definition", false, &g.Definition); err != nil {
			return err
		}
		var err error
		g.Examples, err = decodeStrings(lo, "examples")
		cb.Labels = append(cb.Labels, g)
		return err
	})
	return cb, err
}

func decodeProjectDocuments(o *jsonObject) ([]ProjectDocument, error) {
	var docs []ProjectDocument
	n, err := objects(o, "documents", true, "a document", []string{"id", "title", "text", "sentences", "source", "meta"}, func(_ int, do *jsonObject) error {
		var d ProjectDocument
		for _, f := range []struct {
			name     string
			required bool
			dst      *string
		}{{"id", true, &d.ID}, {"title", false, &d.Title}, {"text", true, &d.Text}, {"source", false, &d.Source}} {
			if err := do.str(f.name, f.required, f.dst); err != nil {
				return err
			}
		}
		var err error
		if d.Sentences, err = decodeSentences(do); err != nil {
			return err
		}
		if d.Meta, err = decodeMeta(do); err != nil {
			return err
		}
		docs = append(docs, d)
		return nil
	})
	if err == nil && n == 0 {
		docs = nil
	}
	return docs, err
}

// decodeMeta reads a document's optional "meta": an object of texts (nil
// when empty).
func decodeMeta(o *jsonObject) (map[string]string, error) {
	mo, err := o.object("meta", false)
	if err != nil || mo == nil || len(mo.fields) == 0 {
		return nil, err
	}
	meta := make(map[string]string, len(mo.fields))
	for _, k := range slices.Sorted(maps.Keys(mo.fields)) {
		var v string
		if err := mo.str(k, true, &v); err != nil {
			return nil, err
		}
		meta[k] = v
	}
	return meta, nil
}

func decodeClaims(o *jsonObject) ([]Claim, error) {
	var claims []Claim
	_, err := objects(o, "claims", true, "a claim", []string{"id", "text"}, func(_ int, co *jsonObject) error {
		var c Claim
		if err := co.str("id", true, &c.ID); err != nil {
			return err
		}
		if err := co.str("text", true, &c.Text); err != nil {
			return err
		}
		claims = append(claims, c)
		return nil
	})
	return claims, err
}

func decodeTasks(o *jsonObject) ([]Task, error) {
	var tasks []Task
	_, err := objects(o, "tasks", true, "a task", []string{"id", "document", "claim", "reference"}, func(_ int, to *jsonObject) error {
		var t Task
		for _, f := range []struct {
			name     string
			required bool
			dst      *string
		}{{"id", true, &t.ID}, {"document", true, &t.Document}, {"claim", true, &t.Claim}, {"reference", false, &t.Reference}} {
			if err := to.str(f.name, f.required, f.dst); err != nil {
				return err
			}
		}
		tasks = append(tasks, t)
		return nil
	})
	return tasks, err
}

func decodeProjectOptions(o *jsonObject) (ProjectOptions, error) {
	var opts ProjectOptions
	oo, err := o.object("options", false)
	if err != nil || oo == nil {
		return opts, err
	}
	if err := oo.only("options", "overallStance", "showReference", "idleSeconds"); err != nil {
		return opts, err
	}
	if err := decodeBool(oo, "overallStance", &opts.OverallStance); err != nil {
		return opts, err
	}
	if err := decodeBool(oo, "showReference", &opts.ShowReference); err != nil {
		return opts, err
	}
	return opts, oo.int("idleSeconds", false, &opts.IdleSeconds)
}
