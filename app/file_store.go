package app

import "errors"

// errNoFileStore is returned by a fileStore the browser does not provide
// (IndexedDB missing or refused, as in some private modes).
var errNoFileStore = errors.New("this browser does not let the site keep files (IndexedDB is not available)")

// fileStore keeps what grows with a corpus (project files, megabytes each)
// where localStorage's ~5 MB does not bind it: IndexedDB in the browser, a
// map outside it. Its calls answer later: done runs once, off the UI
// goroutine in the browser (the session's onUI brings it back).
type fileStore interface {
	put(key string, data []byte, done func(error)) // errQuota when full
	get(key string, done func(data []byte, ok bool, err error))
	remove(key string, done func(error))
}

// memoryFiles is the fileStore outside the browser and in tests; it
// answers at once.
type memoryFiles struct {
	items       map[string][]byte
	full        bool // put fails as a full browser storage does
	unavailable bool // every call fails as a browser without IndexedDB does
}

func newMemoryFiles() *memoryFiles { return &memoryFiles{items: map[string][]byte{}} }

// memoryFilesOf is the memory fileStore that goes with st: a session made
// again on the same memory store (a reload, in tests) finds the same files,
// as a browser profile has both its localStorage and its IndexedDB.
func memoryFilesOf(st store) *memoryFiles {
	m, ok := st.(*memoryStore)
	if !ok {
		return newMemoryFiles()
	}
	if m.files == nil {
		m.files = newMemoryFiles()
	}
	return m.files
}

func (m *memoryFiles) put(key string, data []byte, done func(error)) {
	switch {
	case m.unavailable:
		done(errNoFileStore)
	case m.full:
		done(errQuota)
	default:
		m.items[key] = append([]byte(nil), data...)
		done(nil)
	}
}

func (m *memoryFiles) get(key string, done func([]byte, bool, error)) {
	if m.unavailable {
		done(nil, false, errNoFileStore)
		return
	}
	data, ok := m.items[key]
	done(data, ok, nil)
}

func (m *memoryFiles) remove(key string, done func(error)) {
	if m.unavailable {
		done(errNoFileStore)
		return
	}
	delete(m.items, key)
	done(nil)
}
