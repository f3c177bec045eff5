//go:build !js

package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/optimplay/optimplay/optimizers/scene"
)

// typeFormula types a formula and its ranges into the form and presses
// Enter.
func typeFormula(t *testing.T, ctx context.Context, f, xr, yr string) {
	t.Helper()
	for id, v := range map[string]string{"formula": f, "formula-xr": xr, "formula-yr": yr} {
		do(t, ctx, chromedp.SetValue(chromedp.ID(id), v))
	}
	do(t, ctx, chromedp.Focus(chromedp.ID("formula")), chromedp.KeyEvent(kb.Enter))
}

// TestCustomFormula picks "your formula", types Rosenbrock's function and
// runs Adam on it: the page computes exactly the trace command's numbers
// for the link it then shows. Broken formulas are refused under the field
// with the core's message, and the scene stays as it was.
func TestCustomFormula(t *testing.T) {
	ctx := page(t, "fn=booth&opt=adam&lr=0.05&steps=60")
	do(t, ctx,
		chromedp.SetValue(chromedp.ID("surface-select"), scene.CustomFn),
		chromedp.Evaluate[chromedp.Void](`document.getElementById('surface-select').dispatchEvent(new Event('change', {bubbles: true}))`),
	)
	waitJS(t, ctx, `document.getElementById('formula') !== null`)
	typeFormula(t, ctx, "(1-x)^2 + 100*(y-x^2)^2", "-2, 2", "-1, 3")
	waitJS(t, ctx, `new URL(document.getElementById('share-link').value).searchParams.get('f') === '(1-x)^2 + 100*(y-x^2)^2'`)
	link := eval[string](t, ctx, `document.getElementById('share-link').value`)
	q := link[strings.Index(link, "?")+1:]
	var page scene.Trace
	if err := json.Unmarshal(download(t, ctx, "export-json"), &page); err != nil {
		t.Fatal(err)
	}
	want := traceOf(t, q)
	if len(page.Runs) != 1 || len(want.Runs) != 1 || len(page.Runs[0].Points) != 61 {
		t.Fatalf("page %d runs, trace %d", len(page.Runs), len(want.Runs))
	}
	for k, p := range want.Runs[0].Points {
		if page.Runs[0].Points[k] != p {
			t.Fatalf("step %d: page %v, trace %v", k, page.Runs[0].Points[k], p)
		}
	}
	// The minimum, found by the page, scales the loss plot: f − f*.
	if eval[bool](t, ctx, `document.getElementById('formula-no-minimum') !== null`) {
		t.Error("Rosenbrock's minimum was not found")
	}
	for _, c := range []struct{ f, want string }{
		{"(1-x)^2 + 100*(y-x^2))", "unexpected ')' at column 22"},
		{"sinh(x) + y^2", "did you mean 'sin'"},
		{"log(x) + y", "not finite on 50%"},
	} {
		typeFormula(t, ctx, c.f, "-2, 2", "-1, 3")
		waitJS(t, ctx, fmt.Sprintf(`document.getElementById('formula-error').textContent.includes(%q)`, c.want))
		if eval[string](t, ctx, `document.getElementById('formula').getAttribute('aria-invalid')`) != "true" {
			t.Errorf("%s: the field is not marked invalid", c.f)
		}
		if got := eval[string](t, ctx, `document.getElementById('share-link').value`); got != link {
			t.Errorf("%s changed the scene: %s", c.f, got)
		}
	}
}

// TestDataPermalink opens a link with its own data set: the page runs on
// those points (the trace command's numbers, the least-squares line
// y = 2x + 1 through them), and draws them.
func TestDataPermalink(t *testing.T) {
	const q = "fn=linreg&data=0,1,1,3,2,5&opt=gd&lr=0.1&steps=200"
	ctx := page(t, q)
	var page scene.Trace
	if err := json.Unmarshal(download(t, ctx, "export-json"), &page); err != nil {
		t.Fatal(err)
	}
	want := traceOf(t, q)
	for k, p := range want.Runs[0].Points {
		if page.Runs[0].Points[k] != p {
			t.Fatalf("step %d: page %v, trace %v", k, page.Runs[0].Points[k], p)
		}
	}
	end := want.Runs[0].Points[len(want.Runs[0].Points)-1]
	if math.Abs(end[0]-2) > 1e-3 || math.Abs(end[1]-1) > 1e-3 {
		t.Errorf("GD ends at %v, want the least-squares fit (2, 1)", end)
	}
	if n := eval[int](t, ctx, `document.querySelector('#data img.background') ? 1 : 0`); n != 1 {
		t.Error("no data figure")
	}
	if got := query(t, ctx).Get("data"); got != "" && got != "0,1,1,3,2,5" {
		t.Errorf("the link's data became %q", got)
	}
}

// TestPasteData pastes rows into the data editor: a bad row is listed
// with its line and nothing changes; good rows become the data set, in
// the link, the runs on them; the article's data comes back.
func TestPasteData(t *testing.T) {
	ctx := page(t, "fn=linreg&opt=gd&lr=0.1&steps=200")
	link := eval[string](t, ctx, `document.getElementById('share-link').value`)
	eval[bool](t, ctx, `(document.getElementById('data-editor').open = true, true)`)
	paste := func(text string) {
		do(t, ctx, chromedp.SetValue(chromedp.ID("data-csv"), text), chromedp.Click(chromedp.ID("data-apply")))
	}
	paste("x,y\n0,1\n1,abc\n2,5")
	waitJS(t, ctx, `document.getElementById('data-problems').textContent.includes('line 3')`)
	if got := eval[string](t, ctx, `document.getElementById('share-link').value`); got != link {
		t.Errorf("a bad row changed the scene: %s", got)
	}
	paste("x,y\n0,1\n1,3\n2,5")
	waitJS(t, ctx, `new URL(document.getElementById('share-link').value).searchParams.get('data') === '0,1,1,3,2,5'`)
	if got := eval[string](t, ctx, `document.getElementById('data-problems').textContent`); got != "" {
		t.Errorf("problems left: %q", got)
	}
	if got := string(download(t, ctx, "data-download")); got != "x,y\n0,1\n1,3\n2,5\n" {
		t.Errorf("the points downloaded: %q", got)
	}
	// GD on y = 2x + 1 through three points: the fit (2, 1).
	waitJS(t, ctx, `document.getElementById('ro-0-step').textContent === '0'`)
	do(t, ctx, chromedp.Evaluate[chromedp.Void](`document.activeElement && document.activeElement.blur()`), chromedp.KeyEvent(kb.End))
	waitJS(t, ctx, `document.getElementById('ro-0-step').textContent === '200'`)
	if got := text(t, ctx, "ro-0-point"); got != "(2, 1)" {
		t.Errorf("GD ends at %s, want (2, 1)", got)
	}
	do(t, ctx, chromedp.Click(chromedp.ID("data-reset")))
	waitJS(t, ctx, `new URL(document.getElementById('share-link').value).searchParams.get('data') === null`)
}

// TestEditDataByHand adds a point with a click on the data figure, drags
// it, and removes it with a click: the link's data follows.
func TestEditDataByHand(t *testing.T) {
	ctx := page(t, "fn=linreg&n=20&opt=gd&lr=0.1")
	dataParam := `new URL(document.getElementById('share-link').value).searchParams.get('data')`
	at := func(fx, fy float64) (float64, float64) {
		r := eval[[]float64](t, ctx, `(() => { const e = document.querySelector('#data .layers'); e.scrollIntoView({block: 'center'}); const r = e.getBoundingClientRect(); return [r.left, r.top, r.width, r.height] })()`)
		return r[0] + fx*r[2], r[1] + fy*r[3]
	}
	pairs := func() int {
		d := eval[string](t, ctx, `(`+dataParam+` || '')`)
		if d == "" {
			return 0
		}
		return (strings.Count(d, ",") + 1) / 2
	}
	x, y := at(0.5, 0.5)
	do(t, ctx, chromedp.MouseClickXY(x, y))
	waitJS(t, ctx, dataParam+` !== null`)
	if n := pairs(); n != 21 {
		t.Fatalf("%d points after a click, want 21", n)
	}
	before := eval[string](t, ctx, dataParam)
	loss := text(t, ctx, "ro-0-loss") // at the start: the mean over the data
	x2, y2 := at(0.8, 0.25)
	do(t, ctx, chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, x, y), chromedp.MouseEvent(input.DispatchMouseEventTypeMousePressed, x, y, chromedp.ButtonLeft),
		chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, (x+x2)/2, (y+y2)/2, chromedp.ButtonLeft),
		chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, x2, y2, chromedp.ButtonLeft), chromedp.MouseEvent(input.DispatchMouseEventTypeMouseReleased, x2, y2, chromedp.ButtonLeft))
	waitJS(t, ctx, fmt.Sprintf(`%s !== %q`, dataParam, before))
	if n := pairs(); n != 21 {
		t.Errorf("%d points after a drag, want 21", n)
	}
	waitJS(t, ctx, fmt.Sprintf(`document.getElementById('ro-0-loss').textContent !== %q`, loss)) // the runs follow
	do(t, ctx, chromedp.MouseClickXY(x2, y2))
	waitJS(t, ctx, fmt.Sprintf(`(%s || '').split(',').length === 40`, dataParam))
}

// TestDataLimit: a link holds at most 200 points; a click that would add
// the 201st says so and offers the CSV download, and nothing changes.
func TestDataLimit(t *testing.T) {
	pairs := make([]string, 200)
	for i := range pairs {
		pairs[i] = fmt.Sprintf("%g,%g", float64(i)/200, 3*float64(i)/200+float64(i%7)/7)
	}
	ctx := page(t, "fn=linreg&opt=gd&data="+strings.Join(pairs, ","))
	link := eval[string](t, ctx, `document.getElementById('share-link').value`)
	r := eval[[]float64](t, ctx, `(() => { const e = document.querySelector('#data .layers'); e.scrollIntoView({block: 'center'}); const r = e.getBoundingClientRect(); return [r.left, r.top, r.width, r.height] })()`)
	do(t, ctx, chromedp.MouseClickXY(r[0]+0.15*r[2], r[1]+0.2*r[3]))
	waitJS(t, ctx, `(document.getElementById('notices') || {textContent: ''}).textContent.includes('at most 200 points')`)
	if got := eval[string](t, ctx, `document.getElementById('share-link').value`); got != link {
		t.Error("the 201st point changed the scene")
	}
	if !eval[bool](t, ctx, `document.getElementById('data-download') !== null`) {
		t.Error("no CSV download offered")
	}
}
