package main

// cli is never reached in the browser: app.RunWhenOnBrowser blocks. The
// server and the commands live in !wasm files so they are not linked into
// app.wasm.
func cli() int { return 0 }
