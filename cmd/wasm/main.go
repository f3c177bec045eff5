// Command wasm is the playground's browser entry point, built with
// GOOS=js GOARCH=wasm to web/app.wasm (make wasm).
package main

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"
	ui "github.com/optimplay/optimplay/app"
)

func main() {
	ui.Register()
	ui.Preload()
	app.RunWhenOnBrowser()
}
