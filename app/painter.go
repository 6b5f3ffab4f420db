package app

// cell is the dynamic state of one sentence element that the painter owns:
// go-app never renders these attributes, so there is one writer for each.
type cell struct {
	Label    string // data-label: the label id, "" when untagged
	Name     string // data-label-name: the label's name, on a highlight's first sentence only
	Color    string // --label-color
	Selected bool   // aria-selected
	Focus    bool   // data-focus: the keyboard cursor
	Verdict  string // data-verdict: agrees/differs/missed/extra after a submission with the key revealed
}

// painter writes cells into the article's sentence elements.
type painter interface {
	// attach forgets what was painted and finds the sentence elements again;
	// call it whenever the article's text has been (re)mounted.
	attach()
	// paint brings every sentence element to the given state, touching only
	// the elements whose cell changed since the last paint.
	paint(cells []cell)
	// paintList brings the side list's entries (ol#highlights) to items,
	// touching only the entries that changed since the last paint (all of
	// them when the list element is new).
	paintList(items []highlightItem)
}

// paintCache remembers the last painted cells so a paint writes only what
// changed: a tag on a 5,000-sentence document touches a handful of elements.
type paintCache struct {
	last []cell
}

// reset forgets everything painted, so the next diff repaints all n cells.
func (c *paintCache) reset() { c.last = nil }

// update compares next with the last paint, calls write for every index
// whose cell changed (old is nil when nothing is known about the element, as
// after reset), and records next as painted. It returns the number of writes.
func (c *paintCache) update(next []cell, write func(i int, old *cell, c cell)) int {
	n := 0
	if len(c.last) != len(next) {
		c.last = make([]cell, len(next))
		for i := range next {
			write(i, nil, next[i])
			n++
		}
	} else {
		for i := range next {
			if next[i] != c.last[i] {
				old := c.last[i]
				write(i, &old, next[i])
				n++
			}
		}
	}
	copy(c.last, next)
	return n
}

// recordingPainter is the painter outside the browser: it keeps the last
// painted cells so tests can read what the user would see.
type recordingPainter struct {
	cache  paintCache
	cells  []cell
	writes int // elements written, summed over paints

	items       []highlightItem // the side list as painted
	listWrites  int             // side-list entries removed or written, summed over paints
	listRemount bool            // the next paintList writes the whole list (a new list element)
}

func (p *recordingPainter) attach() { p.cache.reset() }

func (p *recordingPainter) paintList(items []highlightItem) {
	if p.listRemount {
		p.listRemount = false
		p.listWrites += len(items)
	} else {
		from, oldEnd, newEnd := listDiff(p.items, items)
		p.listWrites += oldEnd - from + newEnd - from
	}
	p.items = append(p.items[:0], items...)
}

func (p *recordingPainter) paint(cells []cell) {
	p.writes += p.cache.update(cells, func(int, *cell, cell) {})
	p.cells = append(p.cells[:0], cells...)
}

// labelDescID is the id of the hidden element naming a label, which tagged
// sentences reference with aria-describedby; "" for no label.
func labelDescID(label string) string {
	if label == "" {
		return ""
	}
	return "label-desc-" + label
}
