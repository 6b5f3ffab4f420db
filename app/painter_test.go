package app

import (
	"slices"
	"testing"
)

// diff runs update and returns the written indexes.
func (c *paintCache) diff(next []cell) []int {
	var got []int
	c.update(next, func(i int, _ *cell, _ cell) { got = append(got, i) })
	return got
}

func TestPaintCacheUpdate(t *testing.T) {
	var c paintCache
	first := []cell{{}, {}, {}}
	if got := c.diff(first); !slices.Equal(got, []int{0, 1, 2}) {
		t.Fatalf("first paint touched %v, want every sentence", got)
	}
	if got := c.diff([]cell{{}, {}, {}}); len(got) != 0 {
		t.Fatalf("an unchanged state touched %v", got)
	}
	tagged := []cell{{}, {Label: "supports", Name: "Supports", Color: "#009E73", Selected: true, Focus: true}, {}}
	if got := c.diff(tagged); !slices.Equal(got, []int{1}) {
		t.Fatalf("tagging sentence 1 touched %v, want [1]", got)
	}
	moved := []cell{{}, {Label: "supports", Name: "Supports", Color: "#009E73"}, {Selected: true, Focus: true}}
	if got := c.diff(moved); !slices.Equal(got, []int{1, 2}) {
		t.Fatalf("moving the cursor touched %v, want [1 2]", got)
	}
	c.reset()
	if got := c.diff(moved); len(got) != 3 {
		t.Fatalf("after reset the paint touched %v, want all 3", got)
	}
}
