package app

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// Routes registers every page of the app, in the browser and on the server.
func Routes() {
	app.Route("/", func() app.Composer { return &Annotator{} })
}
