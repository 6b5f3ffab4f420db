package app

import (
	"strconv"
	"unicode"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// splitPoint is a place a sentence can be split: before a word.
type splitPoint struct {
	At   int    // code points into the document's text
	Word string // the word the second part starts with
}

// boundaryDialog lets the reader fix the sentence boundaries of their own
// document (boundary_commands.go): for the sentence at the cursor, join it
// with the next one or split it before a word; re-segment the whole text;
// undo the last change. It is a modal dialog (dialog#boundary-dialog).
type boundaryDialog struct {
	app.Compo

	Open     bool
	ID       string // the sentence's id
	Text     string
	Position int // 1-based
	Total    int
	CanJoin  bool
	Splits   []splitPoint
	CanUndo  bool
	Index    int // the sentence, into the document's sentences
	s        *session
}

// newBoundaryDialog builds the dialog's props from the session.
func newBoundaryDialog(s *session) *boundaryDialog {
	d := &boundaryDialog{Open: s.overlay == overlayBoundaries, Total: len(s.doc.Sentences), CanUndo: s.canUndoBoundaries(), s: s}
	if !d.Open || d.Total == 0 {
		return d
	}
	i := s.boundaryFocus()
	st := s.doc.Sentences[i]
	d.Index, d.ID, d.Text, d.Position = i, st.ID, st.Text, i+1
	d.CanJoin = i+1 < len(s.doc.Sentences) && s.doc.Sentences[i+1].Paragraph == st.Paragraph
	d.Splits = splitPoints(st.Text, st.Start)
	return d
}

// splitPoints returns the start of every word of text but the first, as
// code points from start.
func splitPoints(text string, start int) []splitPoint {
	var out []splitPoint
	runes := []rune(text)
	for i := 1; i < len(runes); i++ {
		if unicode.IsSpace(runes[i-1]) && !unicode.IsSpace(runes[i]) {
			j := i
			for j < len(runes) && !unicode.IsSpace(runes[j]) {
				j++
			}
			out = append(out, splitPoint{At: start + i, Word: string(runes[i:j])})
		}
	}
	return out
}

func (d *boundaryDialog) Render() app.UI {
	body := []app.UI{
		app.H2().ID("boundary-title").Text("Sentences"),
		app.P().Text("Fix where sentences begin and end before you tag: every highlight is moved by its text, and any that cannot be placed is listed under Highlights. Exports and assignments made from this document carry these sentences."),
	}
	if d.Open && d.Total > 0 {
		body = append(body,
			app.P().ID("boundary-where").Text("Sentence "+strconv.Itoa(d.Position)+" of "+strconv.Itoa(d.Total)+" ("+d.ID+"):"),
			app.Blockquote().ID("boundary-sentence").Text(d.Text),
			app.Div().Class("boundary-nav").Body(
				app.Button().ID("boundary-prev").Disabled(d.Position <= 1).Text("Previous sentence").OnClick(d.onPrev),
				app.Button().ID("boundary-next").Disabled(d.Position >= d.Total).Text("Next sentence").OnClick(d.onNext),
				app.Button().ID("boundary-join").Disabled(!d.CanJoin).Title("Make this sentence and the next one a single sentence").Text("Join with the next sentence").OnClick(d.onJoin),
			),
			app.H3().ID("boundary-split-title").Text("Split it before a word"),
			app.If(len(d.Splits) == 0, func() app.UI {
				return app.P().Text("This sentence is one word: it cannot be split.")
			}),
			app.Ul().Class("boundary-splits").Aria("labelledby", "boundary-split-title").Body(
				app.Range(d.Splits).Slice(func(i int) app.UI {
					sp := d.Splits[i]
					return app.Li().Body(app.Button().Class("boundary-split").DataSet("at", sp.At).
						Aria("label", "Split before “"+sp.Word+"”").Text("| " + sp.Word).OnClick(d.onSplit(sp.At)))
				}),
			),
		)
	}
	body = append(body,
		app.Div().Class("boundary-actions").Body(
			app.Button().ID("boundary-resegment").Title("Split the whole text again with this version's segmenter").Text("Re-segment the whole text").OnClick(d.onResegment),
			app.Button().ID("boundary-undo").Disabled(!d.CanUndo).Text("Undo the last change of sentences").OnClick(d.onUndo),
			app.Button().ID("boundary-close").Text("Close").OnClick(d.onClose),
		),
	)
	return app.Dialog().ID("boundary-dialog").Aria("labelledby", "boundary-title").On("close", d.onClosed).Body(body...)
}

func (d *boundaryDialog) onPrev(ctx app.Context, e app.Event) { d.s.boundaryMove(-1) }
func (d *boundaryDialog) onNext(ctx app.Context, e app.Event) { d.s.boundaryMove(1) }
func (d *boundaryDialog) onJoin(ctx app.Context, e app.Event) { d.s.joinSentence(d.Index) }

func (d *boundaryDialog) onSplit(at int) app.EventHandler {
	return func(ctx app.Context, e app.Event) { d.s.splitSentence(d.Index, at) }
}

func (d *boundaryDialog) onResegment(ctx app.Context, e app.Event) { d.s.resegment() }
func (d *boundaryDialog) onUndo(ctx app.Context, e app.Event)      { d.s.undoBoundaries() }
func (d *boundaryDialog) onClose(ctx app.Context, e app.Event)     { d.s.showBoundaries(false) }

// onClosed follows the dialog closing by itself (Esc).
func (d *boundaryDialog) onClosed(ctx app.Context, e app.Event) { d.s.showBoundaries(false) }
