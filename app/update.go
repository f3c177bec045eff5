package app

import "github.com/maxence-charriere/go-app/v9/pkg/app"

// reloadedKey is the session-storage key that names the build the page
// last reloaded itself for, so that it never reloads twice for one build.
const reloadedKey = "optimplay.reloaded-for"

// watchForUpdate learns when a new deployment has taken over this page.
// The service worker (worker.js) installs a new build in the background
// and takes control of the open pages as soon as it has every file; the
// page asks the worker that controls it which build it holds, now and
// whenever another takes control, and a build other than its own means
// the page is out of date. Asking covers both orders: a worker that took
// over before the Go code started answers the first question, one that
// takes over later fires controllerchange. It returns a function that
// stops watching.
func (p *Playground) watchForUpdate(ctx app.Context) func() {
	workers := app.Window().Get("navigator").Get("serviceWorker")
	if !workers.Truthy() || p.version == "" {
		return func() {}
	}
	ask := func() {
		if c := workers.Get("controller"); c.Truthy() {
			c.Call("postMessage", "version?")
		}
	}
	onMessage := app.FuncOf(func(this app.Value, args []app.Value) any {
		if len(args) == 0 {
			return nil
		}
		data := args[0].Get("data")
		if data.Type() != app.TypeObject || !data.Truthy() || data.Get("appVersion").Type() != app.TypeString {
			return nil
		}
		if v := data.Get("appVersion").String(); v != p.version {
			ctx.Dispatch(func(ctx app.Context) { p.onUpdate(ctx, v) })
		}
		return nil
	})
	onControllerChange := app.FuncOf(func(this app.Value, args []app.Value) any {
		ask()
		return nil
	})
	workers.Call("addEventListener", "message", onMessage)
	workers.Call("addEventListener", "controllerchange", onControllerChange)
	workers.Call("startMessages")
	ask()
	return func() {
		workers.Call("removeEventListener", "message", onMessage)
		workers.Call("removeEventListener", "controllerchange", onControllerChange)
		onMessage.Release()
		onControllerChange.Release()
	}
}

// onUpdate reloads the page on the worker's build, with the scene in its
// address, unless the user has begun to work on this page, or the page
// has reloaded for that build already (and still runs another: its files
// must have come from elsewhere than the worker): then it says that a new
// version is ready and offers to reload.
func (p *Playground) onUpdate(ctx app.Context, build string) {
	storage := sessionStorage()
	reloaded := storage.Truthy() && storage.Call("getItem", reloadedKey).String() == build
	if p.touched || reloaded {
		p.updateReady = true
		return
	}
	if storage.Truthy() {
		storage.Call("setItem", reloadedKey, build)
	}
	p.reload(ctx)
}

// reload loads the page again, with the scene in its address.
func (p *Playground) reload(ctx app.Context) {
	p.flushURL(ctx)
	ctx.Reload()
}

// sessionStorage returns the page's session storage, or undefined where
// the browser refuses it (storage blocked: reading it throws).
func sessionStorage() (storage app.Value) {
	defer func() {
		if recover() != nil {
			storage = app.Undefined()
		}
	}()
	return app.Window().Get("sessionStorage")
}
