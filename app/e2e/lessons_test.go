//go:build !js

package e2e

import (
	"context"
	"fmt"
	"net/url"
	"strconv"
	"testing"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/optimplay/optimplay/app/i18n"
	"github.com/optimplay/optimplay/app/lessons"
	"github.com/optimplay/optimplay/optimizers/scene"
)

// lessonWalk is, per lesson, a scene that meets each task and one that
// does not (the lesson's key is added). The unit tests of package
// lessons check many more; here the page must agree.
var lessonWalk = []struct {
	n            int
	right, wrong []string // per task
}{
	{1, []string{"fn=linreg&opt=gd&lr=0.7&steps=100"}, []string{"fn=linreg&opt=gd&lr=0.7&steps=40"}},
	{2, []string{"fn=quadratic&kappa=10&opt=gd&lr=0.19&steps=50", "fn=quadratic&kappa=10&opt=gd&lr=0.25&steps=50"},
		[]string{"fn=quadratic&kappa=10&opt=gd&lr=0.21&steps=50", "fn=quadratic&kappa=10&opt=gd&lr=0.19&steps=50"}},
	{3, []string{"fn=linreg&opt=gd,sgd&lr=0.05&batch=1&steps=500", "fn=linreg&opt=gd,sgd&lr=0.5&steps=200"},
		[]string{"fn=linreg&opt=gd,sgd&lr=0.05&batch=10&steps=500", "fn=linreg&opt=gd,sgd&lr=0.5&batch=99&steps=200"}},
	{4, []string{"fn=quadratic&kappa=50&opt=gd,momentum&lr=0.035&momentum.mom=0.8&steps=300",
		"fn=quadratic&kappa=50&opt=momentum,nesterov&lr=0.035&mom=0.5&steps=300"},
		[]string{"fn=quadratic&kappa=50&opt=gd,momentum&lr=0.035&momentum.mom=0.2&steps=300",
			"fn=quadratic&kappa=50&opt=momentum,nesterov&lr=0.025&mom=0.5&steps=300"}},
	{5, []string{"fn=quadratic&kappa=50&opt=adagrad,rmsprop,adam&lr=0.1&adam.bias=0&adam.b2=0.99&steps=100"},
		[]string{"fn=quadratic&kappa=50&opt=adagrad,rmsprop,adam&lr=0.1&adam.bias=0&steps=100"}},
	{6, []string{"fn=booth&opt=adam,adamw&lr=0.1&wd=0.1&steps=300"}, []string{"fn=booth&opt=adam,adamw&lr=0.1&wd=0.01&steps=300"}},
	{7, []string{"fn=twowell&opt=gd&lr=0.05&steps=200&x0=-1.5,1", "fn=saddle&opt=gd,sgd&lr=0.05&steps=200&x0=-1.5,0&noise=0.1"},
		[]string{"fn=twowell&opt=gd&lr=0.05&steps=200&x0=1.5,-1", "fn=saddle&opt=gd,sgd&lr=0.05&steps=200&x0=-1.5,0"}},
	{8, []string{
		"fn=linreg&opt=sgd,wrong-sgd-first,adam,wrong-adam-residual&batch=1&lr=0.1&steps=300",
		"fn=linreg&opt=sgd,wrong-sgd-first,adam,wrong-adam-residual&batch=10&lr=0.05&steps=300"},
		[]string{
			"fn=linreg&opt=sgd,wrong-sgd-first,adam,wrong-adam-residual&batch=10&lr=0.1&steps=300",
			"fn=linreg&opt=sgd,wrong-sgd-first,adam,wrong-adam-residual&batch=10&lr=0.1&steps=300"}},
}

// navigate follows a link to query within the page, as the lesson's own
// links do (go-app handles it without reloading), and waits for the
// runs of that query to be drawn.
func navigate(t *testing.T, ctx context.Context, query string) {
	t.Helper()
	eval[bool](t, ctx, fmt.Sprintf(`(() => {
		const a = document.createElement('a');
		a.href = '/?' + %q;
		document.body.appendChild(a);
		a.click();
		a.remove();
		return true;
	})()`, query))
	waitCanonical(t, ctx, query)
}

func mustQuery(t *testing.T, query string) url.Values {
	t.Helper()
	q, err := url.ParseQuery(query)
	if err != nil {
		t.Fatal(err)
	}
	return q
}

// waitCanonical waits until the page shows the scene of query, drawn: its
// permalink (the Share panel's) begins with the scene's canonical query.
func waitCanonical(t *testing.T, ctx context.Context, query string) {
	t.Helper()
	q, _ := lessons.Open(query)
	sc, notices := scene.Parse(q)
	if len(notices) > 0 {
		t.Fatalf("%s: %v", query, notices)
	}
	waitJS(t, ctx, fmt.Sprintf(`new URL(document.getElementById('share-link').value).search.startsWith(%q) && document.querySelector('#surface-head svg') !== null`,
		"?"+scene.Encode(sc)))
}

// waitTask waits until task k of the lesson shown is met or not.
func waitTask(t *testing.T, ctx context.Context, k int, met bool) {
	t.Helper()
	waitJS(t, ctx, fmt.Sprintf(`(document.getElementById('lesson-task%d') || {dataset: {}}).dataset.met === '%t'`, k, met))
}

// TestLessons walks every lesson in both languages: lesson=N opens its
// preset, with the lesson's text, and no task met; then each task's check
// accepts a right scene and rejects a wrong one, with the lesson's
// feedback.
func TestLessons(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.English, i18n.Chinese} {
		msgs := i18n.For(lang)
		t.Run(string(lang), func(t *testing.T) {
			ctx := page(t, "lesson=1&lang="+string(lang))
			for _, w := range lessonWalk {
				l, _ := lessons.Get(w.n)
				if w.n > 1 { // by the lesson's own link
					do(t, ctx, chromedp.Click(chromedp.ID("lesson-next")))
				}
				waitCanonical(t, ctx, fmt.Sprintf("lesson=%d&lang=%s", w.n, lang))
				if got, want := text(t, ctx, "lesson-title"), msgs.T(i18n.LessonTitle(w.n)); got != want {
					t.Fatalf("lesson %d: title %q, want %q", w.n, got, want)
				}
				preset := mustQuery(t, l.Preset)
				if got := eval[string](t, ctx, `document.getElementById('surface-select').value`); got != preset.Get("fn") {
					t.Errorf("lesson %d: surface %s, want the preset's %s", w.n, got, preset.Get("fn"))
				}
				for k := range l.Tasks {
					waitTask(t, ctx, k+1, false)
				}
				for k := range l.Tasks {
					extra := "&lesson=" + strconv.Itoa(w.n) + "&lang=" + string(lang)
					navigate(t, ctx, w.right[k]+extra)
					waitTask(t, ctx, k+1, true)
					feedback := eval[string](t, ctx, fmt.Sprintf(`document.querySelector('#lesson-task%d .feedback').textContent`, k+1))
					if want := msgs.T(i18n.LessonTaskFeedback(w.n, k+1)); feedback != want {
						t.Errorf("lesson %d task %d: feedback %q, want %q", w.n, k+1, feedback, want)
					}
					navigate(t, ctx, w.wrong[k]+extra)
					waitTask(t, ctx, k+1, false)
				}
				do(t, ctx, chromedp.Click(chromedp.ID("lesson-preset")))
				waitCanonical(t, ctx, fmt.Sprintf("lesson=%d&lang=%s", w.n, lang))
			}
		})
	}
}

// TestLessonTaskByHand: a task is checked live, as the learner changes
// the scene with the controls.
func TestLessonTaskByHand(t *testing.T) {
	ctx := page(t, "lesson=2")
	waitTask(t, ctx, 1, false)
	eval[bool](t, ctx, `(() => { const e = document.getElementById('run0-lr-exact'); e.scrollIntoView({block: 'center'}); e.focus(); e.select(); return true })()`)
	if _, err := chromedp.Call(ctx, input.InsertText, input.InsertTextParams{Text: "0.19"}); err != nil {
		t.Fatal(err)
	}
	do(t, ctx, chromedp.KeyEvent(kb.Enter))
	waitTask(t, ctx, 1, true)
	if q := settledQuery(t, ctx); q.Get("lesson") != "2" || q.Get("lr") != "0.19" {
		t.Errorf("the address %v lost the lesson or the learning rate", q)
	}
}
