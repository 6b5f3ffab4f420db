package app

import (
	"bytes"
	"errors"
	"fmt"

	"stancemark/annotations"
)

// Where a project file lives in the browser. A project is megabytes (an
// FNC-1-sized one, 900 articles × 900 claims in 25,000 tasks, is 5 to
// 11 MB), more than localStorage's ~5 MB, so it goes to the fileStore
// (IndexedDB), under projectKey(id), as the bytes of its file. The
// annotator's place (+ "/state") and each task's work stay in
// localStorage: they are small, saved synchronously at every change (also
// when the tab closes) and merged between tabs through the storage event.
//
// Builds before this one kept the file in localStorage under the same key;
// reading finds it there, copies it to the fileStore and, once that is
// done, removes it from localStorage. Where IndexedDB is not available a
// project small enough still goes to localStorage, as before.

// onUI runs f on the UI goroutine (at once outside the browser).
func (s *session) onUI(f func()) {
	if s.dispatch == nil {
		f()
		return
	}
	s.dispatch(f)
}

// storeProject keeps a project opened here: the bytes of the file it was
// opened from (s.projectFile) when they are of p, else p written again.
// done gets nil once it is kept, on the UI goroutine.
func (s *session) storeProject(p *annotations.Project, done func(error)) {
	data := s.projectFile
	s.projectFile = nil
	if data == nil {
		var buf bytes.Buffer
		if err := annotations.WriteProject(&buf, p); err != nil {
			done(err)
			return
		}
		data = buf.Bytes()
	}
	key := projectKey(p.ID)
	s.files.put(key, data, func(err error) {
		s.onUI(func() {
			if err == nil {
				s.store.remove(key) // a copy an earlier build kept
				done(nil)
				return
			}
			// No IndexedDB, or it is full: localStorage, if the file fits.
			if lerr := s.store.set(key, string(data)); lerr != nil {
				done(keepError(err, lerr))
				return
			}
			done(nil)
		})
	})
}

// keepError says why a project could be kept neither in IndexedDB nor in
// localStorage.
func keepError(files, local error) error {
	switch {
	case errors.Is(files, errQuota):
		return errQuota
	case errors.Is(local, errQuota):
		return fmt.Errorf("%v, and the file does not fit in localStorage", files)
	}
	return fmt.Errorf("%v; localStorage: %v", files, local)
}

// storedProject reads a project kept here (the one open is not read again)
// and gives it to done on the UI goroutine. A project an earlier build
// kept in localStorage is moved to the fileStore on the way.
func (s *session) storedProject(id string, done func(*annotations.Project, error)) {
	if s.project != nil && s.project.p.ID == id {
		done(s.project.p, nil)
		return
	}
	key := projectKey(id)
	s.files.get(key, func(data []byte, ok bool, ferr error) {
		s.onUI(func() {
			if ok {
				done(annotations.ReadProject(bytes.NewReader(data)))
				return
			}
			local, lok, lerr := s.store.get(key)
			switch {
			case lerr != nil:
				done(nil, lerr)
				return
			case !lok && ferr != nil:
				done(nil, fmt.Errorf("the project %s could not be read from this browser's storage (%v): open its file again", id, ferr))
				return
			case !lok:
				done(nil, fmt.Errorf("the project %s is not kept in this browser: open its file again", id))
				return
			}
			p, err := annotations.ReadProject(bytes.NewReader([]byte(local)))
			if err == nil && ferr == nil {
				s.migrateProject(key, []byte(local))
			}
			done(p, err)
		})
	})
}

// migrateProject moves a project file from localStorage (where earlier
// builds kept it) to the fileStore; it is removed from localStorage only
// once the fileStore has it.
func (s *session) migrateProject(key string, data []byte) {
	s.files.put(key, data, func(err error) {
		if err == nil {
			s.onUI(func() { s.store.remove(key) })
		}
	})
}
