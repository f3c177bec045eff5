package app

import (
	"encoding/base64"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// Handing the reader what the page made: a file to download, text on the
// clipboard.

// download offers data to the reader as a file of that name and type,
// by a link the page clicks (no script from elsewhere, no server).
func download(name, mime string, data []byte) {
	doc := app.Window().Get("document")
	link := doc.Call("createElement", "a")
	link.Set("href", "data:"+mime+";base64,"+base64.StdEncoding.EncodeToString(data))
	link.Set("download", name)
	doc.Get("body").Call("appendChild", link)
	link.Call("click")
	link.Call("remove")
}

// copyText puts text on the clipboard, then calls done with whether the
// browser took it (it refuses on a page not served over https), in an
// update of the component of ctx.
func copyText(ctx app.Context, text string, done func(ok bool)) {
	clip := app.Window().Get("navigator").Get("clipboard")
	if !clip.Truthy() {
		ctx.Dispatch(func(app.Context) { done(false) })
		return
	}
	settle := func(ok bool) app.Func {
		return app.FuncOf(func(this app.Value, args []app.Value) any {
			ctx.Dispatch(func(app.Context) { done(ok) })
			return nil
		})
	}
	clip.Call("writeText", text).Call("then", settle(true), settle(false))
}
