package app

import (
	"encoding/json"
	"slices"
)

// The adjudications kept in localStorage, one per project or document
// (adjudicate_state.go is what each holds).

// adjListed is an adjudication kept here, as the Adjudicate view lists them.
type adjListed struct {
	Scope string `json:"scope"`
	Title string `json:"title"`
}

// storeAdjudication keeps an adjudication and lists it (newest last).
func (s *session) storeAdjudication(r *adjRecord) error {
	data, err := r.marshal()
	if err == nil {
		err = s.store.set(adjudicationKey(r.scope()), data)
	}
	if err != nil {
		return err
	}
	list := slices.DeleteFunc(s.adjudicationsKept(), func(l adjListed) bool { return l.Scope == r.scope() })
	list = append(list, adjListed{Scope: r.scope(), Title: r.Title})
	b, _ := json.Marshal(list)
	return s.store.set(keyAdjudications, string(b))
}

// storedAdjudication reads a kept adjudication (nil, nil when there is none).
func (s *session) storedAdjudication(scope string) (*adjRecord, error) {
	data, ok, err := s.store.get(adjudicationKey(scope))
	if err != nil || !ok {
		return nil, err
	}
	return readAdjRecord(data)
}

// adjudicationsKept lists the adjudications kept here, oldest first.
func (s *session) adjudicationsKept() []adjListed {
	var list []adjListed
	if data, ok, _ := s.store.get(keyAdjudications); ok {
		_ = json.Unmarshal([]byte(data), &list) // an unreadable list is rebuilt as adjudications are saved; they stay kept
	}
	return list
}
