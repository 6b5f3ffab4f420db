// Command stancemark is Stancemark in one binary: in the browser (wasm) it
// runs the annotator; natively it serves the app and runs the research
// command line. See "stancemark -h".
package main

import (
	"os"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	stanceapp "stancemark/app"
)

func main() {
	stanceapp.Routes()
	app.RunWhenOnBrowser() // in the browser this never returns
	os.Exit(cli())         // natively: serve and the commands, in !wasm files
}
