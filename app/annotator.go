package app

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"stancemark/annotations"
	"stancemark/articles"
)

// Annotator is the page: the article with its label palette, note field,
// highlight list, progress and save status. Its state lives in a session;
// the sentences' dynamic state is written by the session's painter.
type Annotator struct {
	app.Compo

	s       *session
	failure string // why the article could not be opened
	keydown app.Func
	// drops of files anywhere on the page
	dragover, drop app.Func
	storage        app.Func // saves made by other tabs
	pagehide       app.Func
	hashchange     app.Func // an assignment link pasted into this tab
	updates        app.Func // a new build took over
	unlistenActive func()   // the inputs and visibility that count active time
	beforeunload   app.Func // warns before leaving with work not stored
	unmeasure      func()   // stops measuring the sticky bars
	online         app.Func // back online: send queued submissions
}

// OnInit opens the bundled article, on the server (prerender) and in the browser.
func (a *Annotator) OnInit() {
	doc, err := bundledDocument()
	if err != nil {
		a.failure = "Opening the bundled article failed: " + err.Error()
		return
	}
	a.s = newSession(doc, articles.BundledTarget, newMemoryStore(), &recordingPainter{})
}

// OnPreRender runs on the server and in native tests: changes re-render.
func (a *Annotator) OnPreRender(ctx app.Context) {
	if a.s != nil {
		a.s.update = func() { ctx.Dispatch(nil) }
	}
}

// OnMount connects the session to the browser: saved work, the painter, the
// keyboard. The article becomes interactive (data-ready) here.
func (a *Annotator) OnMount(ctx app.Context) {
	if a.s == nil {
		return
	}
	s := a.s
	s.store = newBrowserStore()
	s.files = newBrowserFiles()
	s.painter = newPainter()
	s.update = func() { ctx.Dispatch(nil) }
	s.dispatch = func(f func()) { ctx.Dispatch(func(app.Context) { f() }) }
	s.afterRender = func(f func()) { ctx.Defer(func(app.Context) { f() }) }
	s.later = func(f func()) { afterPaint(func() { ctx.Dispatch(func(app.Context) { f() }) }) }
	s.restore()
	s.loadLibrary()
	s.openCurrent()
	s.reopenDashboard()    // classroom: a reload keeps the class dashboard
	s.reopenAdjudication() // back to the Adjudicate view when it was open
	a.keydown = listenKeys(ctx, s)
	warmUp() // the first tag's code, compiled while the browser is idle
	a.dragover, a.drop = listenDrops(func(n int) {
		s.dispatch(func() { s.dropped(n) })
	}, func(name string, data []byte, err error) {
		s.dispatch(func() { s.droppedFile(name, data, err) })
	})
	a.pagehide = listenPageHide(func() {
		s.flush()           // a save still pending when the tab closes
		s.activityStopped() // and the active time counting on a project's task
	})
	a.unlistenActive = listenActivity(s.activityInput, s.activityStopped)
	a.beforeunload = listenBeforeUnload(s.unsavedOnLeave)
	ctx.Defer(func(app.Context) { a.unmeasure = measureStickyBars() }) // once the bars are in the page
	a.updates = listenUpdates(func() {
		s.dispatch(func() {
			s.offerUpdate()
			s.refresh()
		})
	})
	a.storage = listenStorage(func(key, value string) {
		s.dispatch(func() { s.otherTabSaved(key, value) })
	})
	a.hashchange = listenHashChange(func(fragment string) {
		if data, ok := strings.CutPrefix(fragment, "a="); ok {
			s.dispatch(func() { s.openAssignmentLink(data) })
		}
		if data, ok := strings.CutPrefix(fragment, "f="); ok { // classroom: a teacher's feedback
			s.dispatch(func() { s.openFeedbackLink(data) })
		}
	})
	u := ctx.Page().URL()
	s.annotatorParam = u.Query().Get("annotator")
	a.online = listenOnline(func() { s.dispatch(func() { s.flushQueue(nil) }) }) // collect_mode.go
	s.flushQueue(nil)                                                            // submissions queued offline earlier
	if data, ok := strings.CutPrefix(u.Fragment, "a="); ok {
		s.openAssignmentLink(data)
	} else if data, ok := strings.CutPrefix(u.Fragment, "f="); ok {
		s.openFeedbackLink(data)
	} else if code := u.Query().Get("collect"); code != "" {
		s.openCollection(code, u.Query())
	} else if src := u.Query().Get("src"); src != "" {
		s.openURL(src)
	}
	s.docChanged()
}

// OnAppUpdate is called when a new build has been downloaded by the
// service worker: the reader is offered a reload into it.
func (a *Annotator) OnAppUpdate(ctx app.Context) {
	if a.s != nil && ctx.AppUpdateAvailable() {
		a.s.offerUpdate()
	}
}

// OnDismount removes the keyboard listener.
func (a *Annotator) OnDismount() {
	unlistenKeys(a.keydown)
	unlisten("dragover", a.dragover)
	unlisten("drop", a.drop)
	unlisten("storage", a.storage)
	unlisten("pagehide", a.pagehide)
	unlisten("hashchange", a.hashchange)
	unlisten("beforeunload", a.beforeunload)
	if a.unmeasure != nil {
		a.unmeasure()
	}
	if a.unlistenActive != nil {
		a.unlistenActive()
	}
	unlisten("online", a.online)
}

// Render lays out the page. It is cheap: the article itself is a child
// component that re-renders only when the document changes.
func (a *Annotator) Render() app.UI {
	if a.s == nil {
		return app.Main().Body(app.P().Role("alert").Text(a.failure))
	}
	s := a.s
	sc := s.ws.Scheme()
	hl, hasHL := s.highlight()
	labelName := ""
	if l, ok := sc.Label(hl.Label); ok {
		labelName = l.Name
	}
	return app.Div().ID("stancemark").Body(
		&toolbar{
			Schemes:      schemeChoices(s.ws.Schemes()),
			Active:       sc.ID,
			Annotator:    s.annotator,
			CanUndo:      s.ws.CanUndo(),
			CanRedo:      s.ws.CanRedo(),
			Save:         s.save,
			Format:       s.format,
			Assignment:   s.assignment != nil,
			MenuOpen:     s.menuOpen,
			Boundaries:   s.boundaryRefusal() == "",
			Project:      s.project != nil,
			ProjectNamed: s.project != nil && len(s.project.p.Annotators) > 0,
			s:            s,
		},
		&messageView{Msg: s.msg, s: s},
		&liveRegion{Text: s.said, N: s.saidN},
		&hintView{Show: s.hint && s.assignment == nil && s.mode != modeAdjudicate && s.mode != modeDashboard, s: s},
		&updateBanner{Show: s.updateReady},
		a.page(labelName, hl, hasHL),
		&helpDialog{s: s},
		newBoundaryDialog(s),
		&libraryDialog{Entries: s.sortedEntries(), Current: s.doc.ID, Confirm: s.library.confirm, Usage: s.library.usage, s: s},
		&studentDialog{Name: s.student, s: s},
		newProjectDialogOf(s),  // project_new_dialog.go
		newAssignmentDialog(s), // assignment_dialog.go
	)
}

// page is the main area: the dashboard, or the article with its panel.
func (a *Annotator) page(labelName string, hl annotations.Annotation, hasHL bool) app.UI {
	s := a.s
	if s.mode == modeAdjudicate {
		return s.adjudicatePage() // adjudicate_view.go
	}
	if s.mode == modeDashboard {
		return &dashboardView{Report: s.class.report, Reading: s.class.reading, Read: s.class.read,
			Student: s.class.student, Link: s.class.feedbackLink, Made: s.made(), Live: s.collectLiveKey(), s: s}
	}
	sc := s.ws.Scheme()
	var assignment app.UI = app.Div().ID("assignment-panel").Hidden(true)
	var tray app.UI = app.Div().Class("codebook-none").Hidden(true) // go-app needs a node in its place
	var defs map[string]string
	if as := s.assignment; as != nil {
		p := &assignmentPanel{Title: as.Title, Instructions: as.Instructions, Student: s.student, Feedback: s.feedback, Labels: sc.Labels,
			Practice: as.Practice(), s: s}
		if s.feedback != nil { // the feedback quotes the sentences
			p.Sentences, p.IDs = s.sentenceTexts(), s.sentenceIDs()
		}
		assignment = p
	}
	if pm := s.project; pm != nil {
		items, done := projectItems(s)
		assignment = &projectPanel{Title: pm.p.Title, Annotators: pm.p.Annotators, Annotator: pm.annotator,
			Position: pm.current + 1, Total: len(pm.tasks), DoneCount: done, Done: pm.done[pm.task().ID], Tasks: items, OnlyOpen: pm.onlyOpen,
			HasPrev: pm.step(pm.current, -1) >= 0, HasNext: pm.step(pm.current, 1) >= 0,
			AskOverall: pm.p.Options.OverallStance, Overall: pm.overall[pm.task().ID], Labels: pm.p.Scheme.Labels, s: s}
		defs = labelDefinitions(pm.p.Scheme.Labels, pm.p.Codebook.Labels)
		if cb := pm.p.Codebook; cb.Guidelines != "" || len(cb.Labels) > 0 {
			tray = &codebookTray{Labels: pm.p.Scheme.Labels, Guidelines: cb.Guidelines, Guides: cb.Labels}
		}
	}
	return app.Div().Class("layout").Body(
		app.Main().ID("main").Body(
			assignment,
			&targetView{Target: sc.Target, SchemeID: sc.ID, Locked: s.project != nil || s.assignment != nil, s: s}, // a student cannot edit the claim
			&articleView{Doc: s.doc, Ready: s.interactive(), s: s},
		),
		app.Aside().ID("panel").Aria("label", "Labels, note and highlights").Body(
			&palette{Labels: sc.Labels, SchemeName: sc.Name, Extend: s.extend, Defs: defs, s: s},
			tray,
			&noteEditor{AnnotationID: hl.ID, Note: hl.Note, LabelName: labelName, Enabled: hasHL, s: s},
			&progressView{Tagged: tagged(s), Total: len(s.doc.Sentences), Counts: labelCounts(s)},
			&sideList{Count: len(s.highlightList()), s: s},
			&orphanList{Items: orphanItems(s), s: s},
		),
	)
}
