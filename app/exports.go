package app

import (
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
	"github.com/optimplay/optimplay/app/i18n"
	"github.com/optimplay/optimplay/app/session"
	"github.com/optimplay/optimplay/optimizers/scene"
)

// Exports downloads what the page shows: the runs (JSON, CSV), each
// figure at the shown step (SVG, and PNG at twice the screen's
// resolution, for slides and print), and the scene as a runnable PyTorch
// script, which it can also copy.
type Exports struct {
	app.Compo

	Lang    i18n.Lang
	Query   string // the scene's query
	HasData bool   // the data figure exists

	script string // the PyTorch script, once asked for
	status string
}

// figureNames are the keys of each figure's name, by session.ExportFigures.
var figureNames = map[string]i18n.Key{
	"surface": i18n.SurfaceFig, "loss": i18n.LossFig, "data": i18n.DataFig, "sweep": i18n.SweepFig,
}

// Render draws the buttons.
func (x *Exports) Render() app.UI {
	msgs := i18n.For(x.Lang)
	var figures []app.UI
	for _, fig := range session.ExportFigures {
		if fig == "data" && !x.HasData || fig == "sweep" { // the Sweep panel offers its own
			continue
		}
		row := append([]app.UI{app.Span().Class("figure-name").Text(msgs.T(figureNames[fig]))}, figureButtons(msgs, fig)...)
		figures = append(figures, app.Li().Body(row...))
	}
	return app.Div().Class("exports").Body(
		app.Button().Type("button").ID("export-json").Text(msgs.T(i18n.ExportJSON)).
			OnClick(func(ctx app.Context, e app.Event) { ctx.NewActionWithValue(actionExport, "json") }),
		app.Button().Type("button").ID("export-csv").Text(msgs.T(i18n.ExportCSV)).
			OnClick(func(ctx app.Context, e app.Event) { ctx.NewActionWithValue(actionExport, "csv") }),
		app.P().Class("hint").Text(msgs.T(i18n.ExportFiguresHint)),
		app.Ul().Class("figure-exports").Body(figures...),
		app.Div().Class("pytorch").Body(
			app.Button().Type("button").ID("copy-pytorch").Text(msgs.T(i18n.CopyPyTorch)).OnClick(x.onCopy),
			app.Button().Type("button").ID("export-pytorch").Text(msgs.T(i18n.DownloadPyTorch)).OnClick(x.onDownload),
			app.P().Class("hint").Text(msgs.T(i18n.PyTorchHint)),
			app.If(x.script != "",
				app.Label().For("pytorch-code").Class("visually-hidden").Text(msgs.T(i18n.CopyPyTorch)),
				app.Textarea().ID("pytorch-code").ReadOnly(true).Rows(8).Text(x.script),
			),
			app.Output().ID("pytorch-status").Aria("live", "polite").Text(x.status),
		),
	)
}

// figureButtons download figure fig in each format.
func figureButtons(msgs i18n.Catalog, fig string) []app.UI {
	buttons := make([]app.UI, len(session.ExportFormats))
	for i, format := range session.ExportFormats {
		kind := fig + "." + format
		buttons[i] = app.Button().Type("button").ID("export-"+fig+"-"+format).
			Aria("label", msgs.T(i18n.ExportFigure, strings.ToUpper(format), msgs.T(figureNames[fig]))).
			Text(strings.ToUpper(format)).
			OnClick(func(ctx app.Context, e app.Event) { ctx.NewActionWithValue(actionExport, kind) })
	}
	return buttons
}

// pytorch writes the scene's script, or says why it cannot.
func (x *Exports) pytorch() (string, bool) {
	sc, _ := scene.Parse(x.Query)
	var b strings.Builder
	if err := scene.WritePyTorch(&b, sc); err != nil {
		x.status = errorMessage(i18n.For(x.Lang), err)
		return "", false
	}
	return b.String(), true
}

func (x *Exports) onDownload(ctx app.Context, e app.Event) {
	if script, ok := x.pytorch(); ok {
		sc, _ := scene.Parse(x.Query)
		download("optimizer-playground-"+sc.Fn+".py", "text/x-python", []byte(script))
	}
}

// onCopy shows the script and puts it on the clipboard; where the
// browser refuses, the script stays selected for the reader to copy.
func (x *Exports) onCopy(ctx app.Context, e app.Event) {
	script, ok := x.pytorch()
	if !ok {
		return
	}
	x.script = script
	msgs := i18n.For(x.Lang)
	ctx.Defer(func(ctx app.Context) {
		if el := app.Window().GetElementByID("pytorch-code"); el.Truthy() {
			el.Set("value", script) // whole: go-app drops the text's last newline
			el.Call("select")
		}
		copyText(ctx, script, func(ok bool) {
			x.status = msgs.T(i18n.CopyByHand)
			if ok {
				x.status = msgs.T(i18n.Copied)
			}
		})
	})
}
