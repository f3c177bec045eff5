package app

import (
	"encoding/base64"
	"errors"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// rasterize draws an SVG image on a canvas at scale times its size and
// hands its PNG to done, in an update of the component of ctx: the
// browser's own rasterizer, so that the page needs none of its own.
func rasterize(ctx app.Context, svg []byte, scale float64, done func(png []byte, err error)) {
	doc := app.Window().Get("document")
	img := doc.Call("createElement", "img")
	var onload, onerror app.Func
	release := func() { onload.Release(); onerror.Release() }
	onload = app.FuncOf(func(app.Value, []app.Value) any {
		defer release()
		png, err := canvasPNG(doc, img, scale)
		ctx.Dispatch(func(app.Context) { done(png, err) })
		return nil
	})
	onerror = app.FuncOf(func(app.Value, []app.Value) any {
		defer release()
		ctx.Dispatch(func(app.Context) { done(nil, errors.New("the browser could not draw the figure")) })
		return nil
	})
	img.Set("onload", onload)
	img.Set("onerror", onerror)
	img.Set("src", "data:image/svg+xml;base64,"+base64.StdEncoding.EncodeToString(svg))
}

// canvasPNG draws the loaded img at scale on a white canvas and returns
// it as PNG.
func canvasPNG(doc, img app.Value, scale float64) (png []byte, err error) {
	defer func() { // a canvas the browser refuses to read throws
		if r := recover(); r != nil {
			png, err = nil, errors.New("the browser refused to export the figure")
		}
	}()
	w, h := img.Get("naturalWidth").Float()*scale, img.Get("naturalHeight").Float()*scale
	canvas := doc.Call("createElement", "canvas")
	canvas.Set("width", int(w+0.5))
	canvas.Set("height", int(h+0.5))
	g := canvas.Call("getContext", "2d")
	g.Set("fillStyle", "#fff")
	g.Call("fillRect", 0, 0, w, h)
	g.Call("drawImage", img, 0, 0, w, h)
	url := canvas.Call("toDataURL", "image/png").String()
	_, data, _ := strings.Cut(url, ",")
	return base64.StdEncoding.DecodeString(data)
}
