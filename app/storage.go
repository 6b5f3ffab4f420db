package app

import (
	"errors"
	"strings"
	"time"
)

// Keys of what Stancemark keeps in the browser's localStorage. Every key
// starts with "stancemark/" and carries the version of what it holds.
const (
	keyPrefix        = "stancemark/"
	keyAnnotator     = "stancemark/v1/annotator"
	keyHintDismissed = "stancemark/v1/hint-dismissed"
)

// workKey is where the annotations of one document are saved.
func workKey(docID string) string { return "stancemark/v1/work/" + docID }

// backupKey is where unreadable saved work is moved, never overwritten.
func backupKey(docID string, at time.Time) string {
	return "stancemark/backup/" + at.UTC().Format("20060102T150405.000Z") + "/" + docID
}

// errQuota is returned by store.set when the browser's storage is full.
var errQuota = errors.New("the browser's storage for this site is full")

// store is the browser's localStorage, or a map outside the browser.
type store interface {
	get(key string) (value string, ok bool, err error)
	set(key, value string) error // errQuota when full
	remove(key string)
	// usage is how many bytes Stancemark's keys take (UTF-16, as browsers count).
	usage() int
}

// memoryStore is the store outside the browser and in tests.
type memoryStore struct {
	items map[string]string
	full  bool // when true, set fails as a full browser storage does
}

func newMemoryStore() *memoryStore { return &memoryStore{items: map[string]string{}} }

func (m *memoryStore) get(key string) (string, bool, error) {
	v, ok := m.items[key]
	return v, ok, nil
}

func (m *memoryStore) set(key, value string) error {
	if m.full {
		return errQuota
	}
	m.items[key] = value
	return nil
}

func (m *memoryStore) remove(key string) { delete(m.items, key) }

func (m *memoryStore) usage() int {
	n := 0
	for k, v := range m.items {
		if strings.HasPrefix(k, keyPrefix) {
			n += 2 * (len(k) + len(v))
		}
	}
	return n
}
