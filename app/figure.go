package app

import "github.com/maxence-charriere/go-app/v9/pkg/app"

// LayeredFigure shows a figure of package plots: the background as an
// image, and above it overlay elements that the painter fills, bottom
// first. Clicks on a clickable figure set the start point.
type LayeredFigure struct {
	app.Compo

	ID        string
	Layers    []string // ids of the overlay elements
	Caption   string
	Src       string // the background's image source
	Width     int    // the figure's size in CSS pixels, which the page
	Height    int    // reserves before the background has loaded
	Alt       string
	Clickable bool
	Hint      string // shown under a clickable figure
	// Editable figures take presses and drags instead of clicks: each
	// gesture is sent as actionDataEdit, its press and release as
	// fractions of the figure.
	Editable bool

	pressed [2]float64 // where the gesture under way began
}

// Render draws the figure.
func (f *LayeredFigure) Render() app.UI {
	layers := make([]app.UI, 0, 1+len(f.Layers))
	layers = append(layers, app.Img().Class("background").Src(f.Src).Width(f.Width).Height(f.Height).Alt(f.Alt))
	for _, id := range f.Layers {
		layers = append(layers, app.Div().Class("overlay").ID(id).Aria("hidden", "true"))
	}
	stack := app.Div().Class("layers").Body(layers...)
	switch {
	case f.Editable:
		stack = stack.Class("clickable editable").On("pointerdown", f.onPress).On("pointerup", f.onRelease)
	case f.Clickable:
		stack = stack.Class("clickable").OnClick(f.onClick)
	}
	return app.Figure().ID(f.ID).Class("figure").Body(
		stack,
		app.FigCaption().Body(
			app.Text(f.Caption),
			app.If((f.Clickable || f.Editable) && f.Hint != "", app.Span().Class("hint").Text(" "+f.Hint)),
		),
	)
}

// onClick reports where the figure was clicked, as fractions of its size,
// wherever in it the click landed (on a vector drawn above it too).
func (f *LayeredFigure) onClick(ctx app.Context, e app.Event) {
	if at, ok := clickFraction(ctx, e); ok {
		ctx.NewActionWithValue(actionStartAt, at)
	}
}

// onPress begins a gesture on an editable figure, which follows the
// pointer until it is released.
func (f *LayeredFigure) onPress(ctx app.Context, e app.Event) {
	if at, ok := clickFraction(ctx, e); ok {
		f.pressed = at
		ctx.JSSrc().Call("setPointerCapture", e.Get("pointerId"))
	}
}

// onRelease sends the gesture begun by onPress.
func (f *LayeredFigure) onRelease(ctx app.Context, e app.Event) {
	if at, ok := clickFraction(ctx, e); ok {
		ctx.NewActionWithValue(actionDataEdit, [2][2]float64{f.pressed, at})
	}
}

// clickFraction is where the click e landed in the element handling it,
// as fractions of its width and height from its top-left corner.
func clickFraction(ctx app.Context, e app.Event) ([2]float64, bool) {
	r := ctx.JSSrc().Call("getBoundingClientRect")
	w, h := r.Get("width").Float(), r.Get("height").Float()
	if w <= 0 || h <= 0 {
		return [2]float64{}, false
	}
	return [2]float64{
		(e.Get("clientX").Float() - r.Get("left").Float()) / w,
		(e.Get("clientY").Float() - r.Get("top").Float()) / h,
	}, true
}
