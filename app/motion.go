package app

import "github.com/maxence-charriere/go-app/v9/pkg/app"

// prefersReducedMotion reports whether the reader asked the system for
// less motion (prefers-reduced-motion: reduce): the page then does not
// start its animation by itself, and its styles drop transitions.
func prefersReducedMotion() bool {
	if !app.IsClient {
		return false
	}
	return app.Window().Call("matchMedia", "(prefers-reduced-motion: reduce)").Get("matches").Bool()
}
