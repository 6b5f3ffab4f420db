package app

import (
	"errors"
	"strings"
	"unicode/utf16"
)

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
	full  bool         // when true, set fails as a full browser storage does
	files *memoryFiles // the fileStore of the same "profile" (memoryFilesOf)
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
			n += storedBytes(k, v)
		}
	}
	return n
}

// storedBytes is what a key and its value take in localStorage: two bytes
// per UTF-16 unit, as browsers count (a character outside the BMP is two
// units).
func storedBytes(key, value string) int {
	units := 0
	for _, r := range key + value {
		units += utf16.RuneLen(r)
	}
	return 2 * units
}
