package app

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// Routes registers every page of the app, in the browser and on the server.
// Every path shows the annotator, so deep links (a static host's 404.html,
// an offline service worker answering with the app page) open the app.
func Routes() {
	newAnnotator := func() app.Composer { return &Annotator{} }
	app.Route("/", newAnnotator)
	app.RouteWithRegexp("^/.*", newAnnotator)
}
