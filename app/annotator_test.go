package app

import (
	"regexp"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

func TestAnnotatorRendersTheBundledArticle(t *testing.T) {
	e := app.NewTestEngine()
	a := &Annotator{}
	if err := e.Load(a); err != nil {
		t.Fatal(err)
	}
	e.ConsumeAll()
	doc, _ := bundledDocument()
	html := app.HTMLString(a)
	if !strings.Contains(html, `<article `) || !strings.Contains(html, `id="document"`) || !strings.Contains(html, `data-doc-id="`+doc.ID+`"`) {
		t.Errorf("no article with the document id in %.300s", html)
	}
	if strings.Contains(html, `data-ready`) {
		t.Error("the server-rendered article claims to be interactive (data-ready)")
	}
	if got := strings.Count(html, `role="option"`); got != 23 {
		t.Errorf("%d sentence elements, want 23", got)
	}
	if got := strings.Count(html, `class="para"`); got != 20 {
		t.Errorf("%d paragraphs, want 20", got)
	}
	for _, s := range doc.Sentences {
		if !strings.Contains(html, `data-sid="`+s.ID+`"`) {
			t.Errorf("sentence %s is missing", s.ID)
		}
	}
	if !strings.Contains(html, `id="doc-title">Could U.S., Iran Work Together In Iraq? Maybe, Officials Say</h1>`) {
		t.Error("the headline is not the heading")
	}
	if !strings.Contains(html, `value="The United States and Iran could cooperate in Iraq."`) {
		t.Error("the target claim is not shown")
	}
	for _, attr := range []string{"selected", "open", "disabled", "hidden", "checked", "readonly"} {
		if strings.Contains(html, " "+attr+`="false"`) {
			t.Errorf(`%s="false" is rendered, which browsers read as %s`, attr, attr)
		}
	}
}

func TestAnnotatorPaletteFollowsTheScheme(t *testing.T) {
	e := app.NewTestEngine()
	a := &Annotator{}
	if err := e.Load(a); err != nil {
		t.Fatal(err)
	}
	e.ConsumeAll()
	a.s.selectScheme("semeval2016")
	e.ConsumeAll()
	html := app.HTMLString(a)
	for _, id := range []string{"favor", "against", "none"} {
		if !strings.Contains(html, `data-label-id="`+id+`"`) {
			t.Errorf("the SemEval palette lacks %s", id)
		}
	}
	if strings.Contains(html, `data-label-id="supports"`) {
		t.Error("the default labels are still in the palette")
	}
}

func TestAnnotatorSideListAndProgress(t *testing.T) {
	e := app.NewTestEngine()
	a := &Annotator{}
	if err := e.Load(a); err != nil {
		t.Fatal(err)
	}
	e.ConsumeAll()
	a.s.selectRun(5, 6)
	a.s.run(cmdTag, false, "2")
	a.s.clickSentence(0, false)
	a.s.run(cmdTag, false, "1")
	e.ConsumeAll()
	html := app.HTMLString(a)
	if !strings.Contains(html, "3 of 23 sentences tagged") {
		t.Errorf("progress missing in %s", html)
	}
	// go-app renders the list's frame; the painter writes its entries
	if i := strings.Index(html, `<ol id="highlights"`); i < 0 || strings.Contains(html[i:i+40], "hidden") {
		t.Errorf("the side list is missing or hidden in %s", html)
	}
	// go-app writes attributes in no fixed order: look at the notice's tag
	notice := regexp.MustCompile(`<p [^>]*class="empty"[^>]*>`).FindString(html)
	if !regexp.MustCompile(`\shidden[\s>=]`).MatchString(notice) {
		t.Errorf("the empty-list notice %q is shown with highlights in %s", notice, html)
	}
	list := sideListHTML(a.s.painter.(*recordingPainter).items)
	first := strings.Index(list, `class="hl-label">Supports`)
	second := strings.Index(list, `class="hl-label">Opposes`)
	if first < 0 || second < 0 || first > second {
		t.Errorf("side list not in document order (Supports at %d, Opposes at %d)", first, second)
	}
}
