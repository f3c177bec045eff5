// Package app is the playground's user interface, built with go-app: one
// component per file, and Register, which both the browser entry point and
// the server call so they agree on the routes.
//
// The components hold no math: package session computes the runs and
// draws the frames (with package plots), and the components show them.
package app

import "github.com/maxence-charriere/go-app/v9/pkg/app"

// Register registers the routes of the app.
func Register() {
	app.RouteFunc("/", func() app.Composer { return &Playground{} })
}
