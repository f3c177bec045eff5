package app

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"
	"github.com/optimplay/optimplay/app/i18n"
	"github.com/optimplay/optimplay/optimizers"
	"github.com/optimplay/optimplay/optimizers/scene"
)

// DataEditor gives linreg a data set of the reader's: rows "x,y" pasted
// or read from a CSV file, checked by the core's reader; any bad row is
// listed with its line number and nothing changes. It downloads the
// points as CSV (a data set the link cannot hold, beyond its limit, is
// kept so), and goes back to the article's data.
type DataEditor struct {
	app.Compo

	Lang   i18n.Lang
	Given  bool // the scene has a data set of its own
	Locked bool

	problems []scene.RowError // the rows of the text last used that the core refused
	fileKiB  int              // the size of a file too large to read, or 0
}

// Render draws the editor, a native disclosure.
func (d *DataEditor) Render() app.UI {
	msgs := i18n.For(d.Lang)
	var items []app.UI
	if d.fileKiB > 0 {
		items = append(items, app.Li().Text(msgs.T(i18n.DataTooLarge, d.fileKiB, scene.MaxCSVBytes>>10)))
	}
	for _, p := range d.problems { // said in the page's language, which may change
		items = append(items, app.Li().Text(explain(msgs, p)))
	}
	return app.Details().ID("data-editor").Class("data-editor").Body(
		app.Summary().Text(msgs.T(i18n.DataLabel)),
		app.P().ID("data-hint").Class("hint").Text(msgs.T(i18n.DataHint, optimizers.MaxDataPoints)),
		app.Label().For("data-csv").Class("visually-hidden").Text(msgs.T(i18n.DataLabel)),
		app.Textarea().ID("data-csv").Rows(5).Disabled(d.Locked).Aria("describedby", "data-hint data-problems").
			Attr("placeholder", "x,y\n0.1,0.8\n0.5,2.1"),
		app.Div().Class("row").Body(
			app.Button().Type("button").ID("data-apply").Disabled(d.Locked).Text(msgs.T(i18n.DataApply)).OnClick(d.onApply),
			app.Label().For("data-file").Text(msgs.T(i18n.DataFile)),
			app.Input().Type("file").ID("data-file").Accept(".csv,text/csv,text/plain").Disabled(d.Locked).OnChange(d.onFile),
			app.Button().Type("button").ID("data-download").Text(msgs.T(i18n.DataDownload)).
				OnClick(func(ctx app.Context, e app.Event) { ctx.NewActionWithValue(actionExport, "points") }),
			app.If(d.Given, app.Button().Type("button").ID("data-reset").Disabled(d.Locked).Text(msgs.T(i18n.DataReset)).
				OnClick(func(ctx app.Context, e app.Event) { ctx.NewActionWithValue(actionData, [][2]float64(nil)) })),
		),
		app.Ul().ID("data-problems").Class("formula-error").Aria("live", "assertive").Body(items...),
	)
}

// onApply reads the rows typed: any problem is listed and nothing
// changes; otherwise the points become the data set.
func (d *DataEditor) onApply(ctx app.Context, e app.Event) {
	d.use(ctx, app.Window().GetElementByID("data-csv").Get("value").String())
}

// use reads text as CSV rows and sends the points, or lists the problems.
func (d *DataEditor) use(ctx app.Context, text string) {
	x, y, problems := scene.ParseCSV(text)
	d.problems, d.fileKiB = problems, 0
	if len(problems) > 0 {
		return
	}
	points := make([][2]float64, len(x))
	for i := range x {
		points[i] = [2]float64{x[i], y[i]}
	}
	ctx.NewActionWithValue(actionData, points)
}

// onFile reads the file chosen into the text area, and uses it.
func (d *DataEditor) onFile(ctx app.Context, e app.Event) {
	files := ctx.JSSrc().Get("files")
	if !files.Truthy() || files.Length() == 0 {
		return
	}
	if size := files.Index(0).Get("size").Int(); size > scene.MaxCSVBytes { // not read at all
		d.problems, d.fileKiB = nil, (size+1023)>>10
		return
	}
	var read app.Func
	read = app.FuncOf(func(this app.Value, args []app.Value) any {
		defer read.Release()
		text := args[0].String()
		app.Window().GetElementByID("data-csv").Set("value", text)
		ctx.Dispatch(func(ctx app.Context) { d.use(ctx, text) })
		return nil
	})
	files.Index(0).Call("text").Call("then", read)
}
