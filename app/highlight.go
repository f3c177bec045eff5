package app

import "github.com/maxence-charriere/go-app/v9/pkg/app"

// highlighter links the terms of the Math panel and the vectors on the
// surface that show the same quantity, which carry the same data-vec
// label: pointing at or focusing one highlights every element of its
// label (class "hl"). It works on the page's elements directly, with
// plain listeners, outside go-app's rendering: a pointer crossing the
// page does not re-render it.
type highlighter struct {
	label string // the label highlighted, or ""
	funcs []app.Func
	stops []func()
}

// watch starts listening on the document.
func (h *highlighter) watch() {
	doc := app.Window().Get("document")
	listen := func(event string, enter bool) {
		f := app.FuncOf(func(this app.Value, args []app.Value) any {
			if len(args) > 0 {
				h.on(args[0], enter)
			}
			return nil
		})
		doc.Call("addEventListener", event, f)
		h.funcs = append(h.funcs, f)
		h.stops = append(h.stops, func() { doc.Call("removeEventListener", event, f) })
	}
	listen("mouseover", true)
	listen("focusin", true)
	listen("mouseout", false)
	listen("focusout", false)
}

// stop stops listening.
func (h *highlighter) stop() {
	for _, s := range h.stops {
		s()
	}
	for _, f := range h.funcs {
		f.Release()
	}
	h.stops, h.funcs = nil, nil
}

// on handles the event e: entering an element with a label highlights
// it; leaving it for an element without the same label clears it.
func (h *highlighter) on(e app.Value, enter bool) {
	label := labelOf(e.Get("target"))
	if !enter {
		if labelOf(e.Get("relatedTarget")) == h.label {
			return
		}
		label = ""
	}
	if label != h.label {
		h.mark(h.label, false)
		h.label = label
		h.mark(label, true)
	}
}

// reapply highlights the label again, after the painter replaced the
// elements that carried it.
func (h *highlighter) reapply() { h.mark(h.label, true) }

// labelOf returns the data-vec label of the element or its nearest
// labelled ancestor, or "".
func labelOf(el app.Value) string {
	if !el.Truthy() || el.Get("closest").Type() != app.TypeFunction {
		return ""
	}
	if l := el.Call("closest", "[data-vec]"); l.Truthy() {
		return l.Call("getAttribute", "data-vec").String()
	}
	return ""
}

// mark adds or removes the class "hl" on every element labelled label.
func (h *highlighter) mark(label string, on bool) {
	if label == "" {
		return
	}
	els := app.Window().Get("document").Call("querySelectorAll", `[data-vec="`+label+`"]`)
	method := "remove"
	if on {
		method = "add"
	}
	for i := range els.Length() {
		els.Index(i).Get("classList").Call(method, "hl")
	}
}
