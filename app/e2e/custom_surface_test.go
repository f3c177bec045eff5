//go:build !js

package e2e

import (
	"fmt"
	"math"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/optimplay/optimplay/optimizers/scene"
)

// bowl is f = x² + 10y², plotted over [-2, 2]²: its Hessian is diag(2, 20),
// so gradient descent diverges exactly above lr = 2/20.
const bowl = "fn=custom&f=" + "x%5E2%2B10*y%5E2" + "&xr=-2,2&yr=-2,2"

// TestFormulaMessagesInChinese: on a Chinese page the refusals of a typed
// formula, of a range and of pasted rows are in Chinese; switched to
// English, the rows' problems are said again in English.
func TestFormulaMessagesInChinese(t *testing.T) {
	ctx := page(t, bowl+"&opt=adam&lang=zh")
	link := eval[string](t, ctx, `document.getElementById('share-link').value`)
	for _, c := range []struct{ f, xr, want string }{
		{"sinh(x) + y^2", "-2, 2", "第 1 列：未知函数“sinh”；你是想写“sin”吗？"},
		{"(x + y", "-2, 2", "第 1 列的“(”缺少对应的“)”"},
		{"2x + y", "-2, 2", "第 2 列：“2”后面缺少运算符；请写成 2*x"},
		{"log(x) + y", "-2, 2", "f 在绘图区域的 50% 上不是有限值"},
		{"x^2", "2, -2", "xr：范围必须由小到大"},
	} {
		typeFormula(t, ctx, c.f, c.xr, "-2, 2")
		waitJS(t, ctx, fmt.Sprintf(`document.getElementById('formula-error').textContent === %q`, c.want))
		if got := eval[string](t, ctx, `document.getElementById('share-link').value`); got != link {
			t.Errorf("%s changed the scene: %s", c.f, got)
		}
	}

	ctx = page(t, "fn=linreg&opt=gd&lang=zh")
	eval[bool](t, ctx, `(document.getElementById('data-editor').open = true, true)`)
	do(t, ctx, chromedp.SetValue(chromedp.ID("data-csv"), "x,y\n0,1\n1,abc\n2;5\n3,1e9"), chromedp.Click(chromedp.ID("data-apply")))
	problems := `Array.from(document.querySelectorAll('#data-problems li'), li => li.textContent).join('\n')`
	waitJS(t, ctx, fmt.Sprintf(`%s === %q`, problems, "第 3 行：“abc”不是数字\n第 4 行：应有 2 列，实有 1 列\n第 5 行：1e+09 超出了 ±1e+06"))
	do(t, ctx,
		chromedp.SetValue(chromedp.ID("lang-select"), "en"),
		chromedp.Evaluate[chromedp.Void](`document.getElementById('lang-select').dispatchEvent(new Event('change', {bubbles: true}))`),
	)
	waitJS(t, ctx, fmt.Sprintf(`%s === %q`, problems, "line 3: 'abc' is not a number\nline 4: want 2 columns, got 1\nline 5: 1e+09 is beyond ±1e+06"))
}

// TestUploadData reads a CSV file chosen in the data editor: its rows
// become the data set, in the text area and the link; a file with a bad
// row changes nothing and lists the row; a file over 64 KiB is not read.
func TestUploadData(t *testing.T) {
	ctx := page(t, "fn=linreg&opt=gd&lr=0.1&steps=200")
	link := eval[string](t, ctx, `document.getElementById('share-link').value`)
	eval[bool](t, ctx, `(document.getElementById('data-editor').open = true, true)`)
	dir := t.TempDir()
	upload := func(name, content string) {
		t.Helper()
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		do(t, ctx, chromedp.SetUploadFiles(chromedp.ID("data-file"), []string{path}))
	}
	upload("bad.csv", "x;y\n0;1\n1;2,5\n")
	waitJS(t, ctx, `document.getElementById('data-problems').textContent === "line 3: '2,5' is not a number: write decimals with a point, as 2.5"`)
	if got := eval[string](t, ctx, `document.getElementById('share-link').value`); got != link {
		t.Errorf("a bad file changed the scene: %s", got)
	}
	big := strings.Repeat("0.5,1.5\n", scene.MaxCSVBytes/8+1)
	upload("big.csv", big)
	waitJS(t, ctx, fmt.Sprintf(`document.getElementById('data-problems').textContent === 'The file is %d KiB: at most 64 KiB are read.'`, (len(big)+1023)>>10))

	const rows = "# a spreadsheet's export\nx,y\n0,1\n1,3\n2,5\n"
	upload("points.csv", rows)
	waitJS(t, ctx, `new URL(document.getElementById('share-link').value).searchParams.get('data') === '0,1,1,3,2,5'`)
	if got := eval[string](t, ctx, `document.getElementById('data-csv').value`); got != rows {
		t.Errorf("the text area holds %q, want the file's text", got)
	}
	if got := eval[string](t, ctx, `document.getElementById('data-problems').textContent`); got != "" {
		t.Errorf("problems left: %q", got)
	}
}

// TestSweepOnFormula sweeps gradient descent's learning rate on a typed
// formula, x² + 10y²: the divergence edge is within one grid cell above
// the theoretical 2/λmax = 2/20.
func TestSweepOnFormula(t *testing.T) {
	ctx := page(t, bowl+"&opt=gd&lr=0.01&steps=100")
	openSweep(t, ctx)
	line := text(t, ctx, "sweep-run0")
	m := sweepEdgeRe.FindStringSubmatch(line)
	if m == nil {
		t.Fatalf("%q names no divergence edge", line)
	}
	got, _ := strconv.ParseFloat(strings.TrimSuffix(m[1], "."), 64)
	if edge, cell := 0.1, math.Pow(10, 5.0/39); !(got >= edge && got <= edge*cell*1.001) {
		t.Errorf("the edge is at %v, want within one grid cell above %v", got, edge)
	}
}

// TestEmbedOnFormula embeds a typed formula: the surface is drawn, the
// run plays to its end, and "open in the playground" keeps the formula
// and its ranges.
func TestEmbedOnFormula(t *testing.T) {
	ctx := page(t, bowl+"&opt=gd&lr=0.04&steps=40&embed=1")
	if !eval[bool](t, ctx, `document.querySelector('#surface img.background') !== null`) {
		t.Error("no surface figure")
	}
	do(t, ctx, chromedp.Click(chromedp.ID("play")))
	waitJS(t, ctx, `document.getElementById('step-counter').textContent === 'step 40 of 40'`)
	u, err := url.Parse(eval[string](t, ctx, `document.querySelector('.open-full').href`))
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	if q.Get("fn") != "custom" || q.Get("f") != "x^2+10*y^2" || q.Get("xr") != "-2,2" || q.Get("yr") != "-2,2" || q.Has("embed") {
		t.Errorf("the full playground's link %s lost the formula or kept the embed", u)
	}
}

// TestStartAtAPole opens a formula whose default start would be its pole,
// 1/(x+3) on x = -3: the page runs from the nearest sample off the pole;
// a start typed on the pole is refused with the reason, the start kept.
func TestStartAtAPole(t *testing.T) {
	ctx := page(t, "fn=custom&f="+url.QueryEscape("1/(x+3) + y^2")+"&opt=gd&lang=zh")
	if f := query(t, ctx).Get("f"); f != "1/(x+3) + y^2" {
		t.Fatalf("the page fell back to another scene: f = %q", f)
	}
	if got := text(t, ctx, "ro-0-point"); got != "(-3.1, 3)" {
		t.Errorf("the run starts at %s, want (-3.1, 3)", got)
	}
	do(t, ctx,
		chromedp.SetValue(chromedp.ID("start-x"), "-3"),
		chromedp.Evaluate[chromedp.Void](`document.getElementById('start-x').dispatchEvent(new Event('change', {bubbles: true}))`),
	)
	waitJS(t, ctx, `(document.getElementById('notices') || {textContent: ''}).textContent.includes('f 或 ∇f 在 (-3, 3) 处不是有限值')`)
	if x0 := query(t, ctx).Get("x0"); x0 != "" {
		t.Errorf("the start moved to %s", x0)
	}
}
