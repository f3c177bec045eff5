package app

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"
	"github.com/optimplay/optimplay/app/session"
	"github.com/optimplay/optimplay/optimizers/scene"
)

// preloaded is the session Preload built, for the query it was built
// from; the page's first load takes it.
var preloaded struct {
	query   string
	sess    *session.Session
	notices []scene.Notice
}

// Preload builds the session of the address the browser opened before
// go-app renders the page (call it before app.RunWhenOnBrowser), in a task
// of its own: the browser paints and answers input between the program's
// start (package initialisation), this, and go-app's first rendering,
// rather than being blocked by one long task. The prerendered page shows
// meanwhile. A query the session refuses is left to the page, which says
// why.
func Preload() {
	yield()
	q := app.Window().URL().RawQuery
	if sess, notices, err := session.New(q); err == nil {
		sess.Backgrounds() // drawn here if they are not published
		preloaded.query, preloaded.sess, preloaded.notices = q, sess, notices
	}
	yield()
}

// yield lets the browser run its other tasks, and paint, before the
// program goes on: it waits for a timer of the browser's. (A sleep would
// not always do: while a garbage collection is under way, Go spends the
// time of a short sleep marking, without returning to the browser.)
func yield() {
	done := make(chan struct{})
	resume := app.FuncOf(func(app.Value, []app.Value) any {
		close(done)
		return nil
	})
	app.Window().Call("setTimeout", resume, 0)
	<-done
	resume.Release()
}

// newSession starts a session from query: the preloaded one the first
// time, if it was built from the same query.
func newSession(query string) (*session.Session, []scene.Notice, error) {
	if preloaded.sess != nil && preloaded.query == query {
		sess, notices := preloaded.sess, preloaded.notices
		preloaded.sess = nil
		return sess, notices, nil
	}
	return session.New(query)
}
