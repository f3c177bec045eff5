package lessons

import (
	"net/url"
	"strconv"
	"testing"

	"github.com/optimplay/optimplay/app/i18n"
	"github.com/optimplay/optimplay/optimizers/scene"
)

// state runs the scene of query, which must be free of notices.
func state(t *testing.T, query string) State {
	t.Helper()
	sc, notices := scene.Parse(query)
	if len(notices) > 0 {
		t.Fatalf("%q: %v", query, notices)
	}
	surf, runs, err := sc.Run()
	if err != nil {
		t.Fatalf("%q: %v", query, err)
	}
	return State{Scene: sc, Surface: surf, Runs: runs}
}

// TestTasks: each task rejects its lesson's preset and the wrong answers
// listed, and accepts the right ones (among them the answer the lesson
// reveals). The numbers in the comments come from the closed forms the
// lessons' texts give.
func TestTasks(t *testing.T) {
	for _, c := range []struct {
		lesson, task int
		right, wrong []string
	}{
		// 2/λmax ≈ 0.78 on the data; the slow direction (λmin ≈ 0.139)
		// needs γ·λmin·steps large enough.
		{1, 1, []string{"fn=linreg&opt=gd&lr=0.7&steps=100", "fn=linreg&opt=gd,adam&lr=0.5&steps=100"},
			[]string{"fn=linreg&opt=gd&lr=0.7&steps=40", "fn=linreg&opt=gd&lr=0.7&steps=150", "fn=linreg&opt=gd&lr=0.8&steps=100",
				"fn=linreg&opt=adam&lr=0.5&steps=100"}},
		// 2/λmax = 0.2 for κ = 10, 0.1 for κ = 20.
		{2, 1, []string{"fn=quadratic&kappa=10&opt=gd&lr=0.19&steps=50", "fn=quadratic&kappa=10&opt=gd&lr=0.181&steps=50",
			"fn=quadratic&kappa=20&opt=gd&lr=0.095&steps=50"},
			[]string{"fn=quadratic&kappa=10&opt=gd&lr=0.1&steps=50", "fn=quadratic&kappa=10&opt=gd&lr=0.2&steps=50",
				"fn=quadratic&kappa=10&opt=gd&lr=0.21&steps=50", "fn=quadratic&kappa=20&opt=gd&lr=0.19&steps=50",
				"fn=rosenbrock&opt=gd&lr=0.001"}},
		{2, 2, []string{"fn=quadratic&kappa=10&opt=gd&lr=0.25&steps=50"},
			[]string{"fn=quadratic&kappa=10&opt=gd&lr=0.19&steps=50", "fn=quadratic&kappa=10&opt=adam&lr=0.25&steps=50"}},
		{3, 1, []string{"fn=linreg&opt=gd,sgd&lr=0.05&batch=1&steps=500", "fn=linreg&opt=gd,sgd&lr=0.1&batch=1&steps=300"},
			[]string{"fn=linreg&opt=gd,sgd&lr=0.05&batch=10&steps=500", "fn=linreg&opt=gd,sgd&lr=0.2&batch=1&steps=300"}},
		{3, 2, []string{"fn=linreg&opt=gd,sgd&lr=0.5&batch=100&steps=200", "fn=linreg&opt=gd,sgd&lr=0.5&steps=200"},
			[]string{"fn=linreg&opt=gd,sgd&lr=0.5&batch=99&steps=200", "fn=linreg&opt=gd,sgd&gd.lr=0.5&sgd.lr=0.4&steps=200"}},
		// GD needs 224 steps to f < 1e-6 at γ = 0.035, κ = 50.
		{4, 1, []string{"fn=quadratic&kappa=50&opt=gd,momentum&lr=0.035&momentum.mom=0.8&steps=300"},
			[]string{"fn=quadratic&kappa=50&opt=gd,momentum&lr=0.035&momentum.mom=0.2&steps=300",
				"fn=quadratic&kappa=50&opt=gd,momentum&gd.lr=0.01&momentum.lr=0.035&momentum.mom=0.8&steps=300"}},
		// Nesterov's limit at μ = 0.5, λmax = 50: 2·1.5/(2·50) = 0.03;
		// the heavy ball's 2·1.5/50 = 0.06.
		{4, 2, []string{"fn=quadratic&kappa=50&opt=momentum,nesterov&lr=0.035&mom=0.5&steps=300"},
			[]string{"fn=quadratic&kappa=50&opt=momentum,nesterov&lr=0.025&mom=0.5&steps=300",
				"fn=quadratic&kappa=50&opt=momentum,nesterov&lr=0.07&mom=0.5&steps=300",
				"fn=quadratic&kappa=50&opt=momentum,nesterov&lr=0.035&momentum.mom=0.9&nesterov.mom=0.5&steps=300"}},
		// (1 − β1)/√(1 − β2) = 1 for β1 = 0.9, β2 = 0.99.
		{5, 1, []string{"fn=quadratic&kappa=50&opt=adagrad,rmsprop,adam&lr=0.1&adam.bias=0&adam.b2=0.99&steps=100",
			"fn=quadratic&kappa=50&opt=adam&lr=0.1&bias=0&b1=0.8&b2=0.96&steps=100"},
			[]string{"fn=quadratic&kappa=50&opt=adam&lr=0.1&bias=0&steps=100",
				"fn=quadratic&kappa=50&opt=adam&lr=0.1&bias=1&b2=0.99&steps=100"}},
		{6, 1, []string{"fn=booth&opt=adam,adamw&lr=0.1&wd=0.1&steps=300"},
			[]string{"fn=booth&opt=adam,adamw&lr=0.1&adam.wd=0.1&adamw.wd=0.2&steps=300", "fn=booth&opt=adam,adamw&lr=0.1&wd=0.01&steps=300"}},
		{7, 1, []string{"fn=twowell&opt=gd&lr=0.05&steps=200&x0=-1.5,1"},
			[]string{"fn=twowell&opt=gd&lr=0.05&steps=200&x0=1.5,-1"}},
		{7, 2, []string{"fn=saddle&opt=gd,sgd&lr=0.05&steps=200&x0=-1.5,0&noise=0.1", "fn=saddle&opt=sgd&lr=0.05&steps=200&x0=-1.5,0&noise=0.01"},
			[]string{"fn=saddle&opt=gd,sgd&lr=0.05&steps=200&x0=-1.5,0", "fn=saddle&opt=gd,adam&lr=0.05&steps=200&x0=-1.5,0&noise=0.1",
				"fn=saddle&opt=gd,sgd&lr=0.05&steps=200&x0=-1.5,0.001&noise=0.1"}},
		{8, 1, []string{lesson8.Preset + "&batch=1"},
			[]string{lesson8.Preset + "&batch=1&lr=0.3", "fn=linreg&lesson=8&opt=sgd&batch=1&lr=0.1&steps=300",
				"fn=linreg&lesson=8&opt=sgd,wrong-sgd-first&batch=1&sgd.lr=0.1&wrong-sgd-first.lr=0.05&steps=300"}},
		{8, 2, []string{lesson8.Preset + "&lr=0.05", "fn=linreg&lesson=8&opt=adam,wrong-adam-residual&batch=10&lr=0.05&steps=300"},
			[]string{"fn=linreg&lesson=8&opt=adam,wrong-adam-nobias&batch=10&lr=0.05&steps=300",
				"fn=linreg&lesson=8&opt=adam,wrong-adam-residual&batch=10&adam.lr=0.05&wrong-adam-residual.lr=0.1&steps=300"}},
	} {
		l, _ := Get(c.lesson)
		check := l.Tasks[c.task-1].Check
		for _, q := range append([]string{l.Preset}, c.wrong...) {
			if check(state(t, q)) {
				t.Errorf("lesson %d task %d accepts %q", c.lesson, c.task, q)
			}
		}
		for _, q := range c.right {
			if !check(state(t, q)) {
				t.Errorf("lesson %d task %d rejects %q", c.lesson, c.task, q)
			}
		}
	}
}

// TestLessonTexts: every lesson has its title, paragraphs, tasks,
// feedback and answers in every language, and a preset without notices.
func TestLessonTexts(t *testing.T) {
	for n := 1; n <= Count; n++ {
		l, ok := Get(n)
		if !ok || l.N != n || len(l.Tasks) == 0 || len(l.Tasks) > 2 {
			t.Fatalf("lesson %d: %+v, %v", n, l, ok)
		}
		state(t, l.Preset)
		keys := []i18n.Key{i18n.LessonTitle(n)}
		for k := 1; k <= l.Paragraphs; k++ {
			keys = append(keys, i18n.LessonParagraph(n, k))
		}
		for k := range l.Tasks {
			keys = append(keys, i18n.LessonTask(n, k+1), i18n.LessonTaskFeedback(n, k+1), i18n.LessonTaskAnswer(n, k+1))
		}
		for _, lang := range []i18n.Lang{i18n.English, i18n.Chinese} {
			for _, k := range keys {
				if i18n.For(lang).T(k) == string(k) {
					t.Errorf("%s: no message %s", lang, k)
				}
			}
		}
		// One more paragraph or task would go unshown.
		if i18n.For(i18n.English).Has(i18n.LessonParagraph(n, l.Paragraphs+1)) ||
			i18n.For(i18n.English).Has(i18n.LessonTask(n, len(l.Tasks)+1)) {
			t.Errorf("lesson %d: the catalog has more paragraphs or tasks than the lesson shows", n)
		}
	}
	if _, ok := Get(0); ok {
		t.Error("lesson 0")
	}
	if _, ok := Get(Count + 1); ok {
		t.Error("lesson past the last")
	}
}

// TestOpen: lesson=N alone opens the preset, with the page's keys kept;
// with scene keys, the link is the scene; a lesson that does not exist
// opens nothing.
func TestOpen(t *testing.T) {
	l3, _ := Get(3)
	preset, _ := url.ParseQuery(l3.Preset)
	for _, c := range []struct {
		query string
		n     int
		scene bool // the preset's scene keys, with the link's others
		keep  []string
	}{
		{"lesson=3", 3, true, []string{"lesson"}},
		{"lesson=3&lang=zh&step=4", 3, true, []string{"lesson", "lang", "step"}},
		{"lesson=3&fn=booth&opt=adam", 3, false, nil},
		{"lesson=3&adam.lr=0.1", 3, false, nil},
		{"lesson=9", 0, false, nil},
		{"lesson=x&lang=zh", 0, false, nil},
		{"fn=booth", 0, false, nil},
		{"lesson=%zz", 0, false, nil},
	} {
		got, n := Open(c.query)
		if n != c.n {
			t.Errorf("%q: lesson %d, want %d", c.query, n, c.n)
		}
		if !c.scene {
			if got != c.query {
				t.Errorf("%q became %q", c.query, got)
			}
			continue
		}
		q, err := url.ParseQuery(got)
		if err != nil {
			t.Fatal(err)
		}
		orig, _ := url.ParseQuery(c.query)
		for k, v := range preset {
			if q.Get(k) != v[0] {
				t.Errorf("%q → %q: %s=%q, want the preset's %q", c.query, got, k, q.Get(k), v[0])
			}
		}
		for _, k := range c.keep {
			if q.Get(k) != orig.Get(k) {
				t.Errorf("%q → %q lost %s", c.query, got, k)
			}
		}
		if q.Get("lesson") != strconv.Itoa(c.n) {
			t.Errorf("%q → %q", c.query, got)
		}
	}
}
