package scene

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/optimplay/optimplay/optimizers"
)

// TestLessonKey: lesson is a whole number in [1, 8], written last in the
// canonical query when set.
func TestLessonKey(t *testing.T) {
	for _, c := range []struct {
		query  string
		lesson int
		kind   NoticeKind // with key "lesson"; -1 for none
	}{
		{"", 0, -1},
		{"lesson=8", 8, -1},
		{"lesson=3", 3, -1},
		{"lesson=1", 1, -1},
		{"lesson=0", 1, Clamped},
		{"lesson=-2", 1, Clamped},
		{"lesson=9", 8, Clamped},
		{"lesson=1e99", 8, Clamped},
		{"lesson=2.5", 0, NotInteger},
		{"lesson=eight", 0, NotNumber},
		{"lesson=NaN", 0, NotNumber},
		{"lesson=", 0, NotNumber},
	} {
		s, notices := Parse(c.query)
		ok := s.Lesson == c.lesson
		if c.kind < 0 {
			ok = ok && len(notices) == 0
		} else {
			ok = ok && len(notices) == 1 && notices[0].Kind == c.kind && notices[0].Key == "lesson"
		}
		if !ok {
			t.Errorf("%q: lesson %d with %v, want %d", c.query, s.Lesson, notices, c.lesson)
		}
		q := Encode(s)
		if has := strings.HasSuffix(q, "&lesson="+strconv.Itoa(c.lesson)); has != (c.lesson != 0) || c.lesson == 0 && strings.Contains(q, "lesson") {
			t.Errorf("%q encodes to %q", c.query, q)
		}
		if again, n := Parse(q); len(n) > 0 || !reflect.DeepEqual(again, s) {
			t.Errorf("%q → %q → %+v with %v", c.query, q, again, n)
		}
	}
}

// TestMistakesNeedLesson8: the WRONG variants are unknown optimizers
// outside lesson 8, known in it, and left out on surfaces without data
// when they need them.
func TestMistakesNeedLesson8(t *testing.T) {
	runs := func(s Scene) []string {
		var names []string
		for _, r := range s.Runs {
			names = append(names, r.Opt)
		}
		return names
	}
	for _, c := range []struct {
		query   string
		runs    []string
		notices []Notice
	}{
		{"fn=linreg&opt=sgd,wrong-sgd-first&batch=1", []string{"sgd"},
			[]Notice{{Kind: UnknownOptimizer, Key: "opt", Given: "wrong-sgd-first"}}},
		{"fn=linreg&lesson=7&opt=sgd,wrong-sgd-first&batch=1", []string{"sgd"},
			[]Notice{{Kind: UnknownOptimizer, Key: "opt", Given: "wrong-sgd-first"}}},
		{"opt=wrong-adam-nobias", []string{"adam"},
			[]Notice{{Kind: UnknownOptimizer, Key: "opt", Given: "wrong-adam-nobias"}}},
		{"lesson=8.5&opt=adam,wrong-adam-denom", []string{"adam"},
			[]Notice{{Kind: NotInteger, Key: "lesson", Given: "8.5", Used: "0"},
				{Kind: UnknownOptimizer, Key: "opt", Given: "wrong-adam-denom"}}},
		{"fn=linreg&lesson=8&opt=sgd,wrong-sgd-first&batch=1", []string{"sgd", "wrong-sgd-first"}, nil},
		{"lesson=8&opt=adam,wrong-adam-nobias,wrong-adam-denom,wrong-adam-epsin",
			[]string{"adam", "wrong-adam-nobias", "wrong-adam-denom", "wrong-adam-epsin"}, nil},
		{"lesson=9&opt=adam,wrong-adam-epsin", []string{"adam", "wrong-adam-epsin"},
			[]Notice{{Kind: Clamped, Key: "lesson", Given: "9", Used: "8"}}},
		// The gradient mistakes need linreg's data.
		{"fn=booth&lesson=8&opt=adam,wrong-sgd-first,wrong-adam-nobias,wrong-sgd-sum,wrong-adam-residual",
			[]string{"adam", "wrong-adam-nobias"},
			[]Notice{{Kind: NotApplicable, Key: "opt", Given: "wrong-sgd-first"},
				{Kind: NotApplicable, Key: "opt", Given: "wrong-sgd-sum"},
				{Kind: NotApplicable, Key: "opt", Given: "wrong-adam-residual"}}},
		{"fn=quadratic&lesson=8&opt=wrong-sgd-sum", []string{"adam"},
			[]Notice{{Kind: NotApplicable, Key: "opt", Given: "wrong-sgd-sum"}}},
		{"fn=linreg&lesson=8&opt=wrong-adam-residual,wrong-adam-residual", []string{"wrong-adam-residual"},
			[]Notice{{Kind: Duplicate, Key: "opt", Given: "wrong-adam-residual"}}},
	} {
		s, notices := Parse(c.query)
		if !slices.Equal(runs(s), c.runs) || !reflect.DeepEqual(notices, c.notices) {
			t.Errorf("%q: runs %v with %+v, want %v with %+v", c.query, runs(s), notices, c.runs, c.notices)
		}
		for _, n := range notices {
			if n.Key == "opt" && !strings.Contains(n.String(), n.Given) {
				t.Errorf("%q: %q does not name %q", c.query, n.String(), n.Given)
			}
		}
		checkScene(t, s)
		q := Encode(s)
		if again, n := Parse(q); len(n) > 0 || !reflect.DeepEqual(again, s) {
			t.Errorf("%q → %q → %+v with %v", c.query, q, again, n)
		}
	}
}

// TestMistakeKeys: the mistakes take the keys of the rule they mirror,
// shared or prefixed by their name, in the canonical form written by hand.
func TestMistakeKeys(t *testing.T) {
	s, notices := Parse("fn=linreg&lesson=8&opt=adam,wrong-adam-epsin,wrong-sgd-sum&eps=0.1&lr=0.02" +
		"&wrong-adam-epsin.lr=0.05&wrong-sgd-sum.wd=0.5&wrong-adam-epsin.bias=0&wrong-sgd-sum.b1=0.5")
	want := []Notice{
		{Kind: NotApplicable, Key: "wrong-adam-epsin.bias", Given: "0"},
		{Kind: NotApplicable, Key: "wrong-sgd-sum.b1", Given: "0.5"},
	}
	if !reflect.DeepEqual(notices, want) {
		t.Errorf("notices %+v, want %+v", notices, want)
	}
	hyper := map[string]optimizers.Hyper{
		"adam":             {"lr": 0.02, "b1": 0.9, "b2": 0.999, "eps": 0.1, "wd": 0, "amsgrad": 0, "bias": 1},
		"wrong-adam-epsin": {"lr": 0.05, "b1": 0.9, "b2": 0.999, "eps": 0.1, "wd": 0},
		"wrong-sgd-sum":    {"lr": 0.02, "wd": 0.5},
	}
	for _, r := range s.Runs {
		if !reflect.DeepEqual(r.Hyper, hyper[r.Opt]) {
			t.Errorf("%s: %v, want %v", r.Opt, r.Hyper, hyper[r.Opt])
		}
	}
	wantQ := "fn=linreg&n=100&x0=-0.5,3&opt=adam,wrong-adam-epsin,wrong-sgd-sum" +
		"&b1=0.9&b2=0.999&eps=0.1&amsgrad=0&bias=1" +
		"&adam.lr=0.02&adam.wd=0&wrong-adam-epsin.lr=0.05&wrong-adam-epsin.wd=0&wrong-sgd-sum.lr=0.02&wrong-sgd-sum.wd=0.5" +
		"&steps=100&noise=0&batch=0&seed=1&lesson=8"
	if got := Encode(s); got != wantQ {
		t.Errorf("Encode =\n%s\nwant\n%s", got, wantQ)
	}
	lin, _ := Parse("fn=linreg&lesson=8&opt=sgd,wrong-sgd-first&batch=1")
	if got, want := Encode(lin), "fn=linreg&n=100&x0=-0.5,3&opt=sgd,wrong-sgd-first&lr=0.001&wd=0&steps=100&noise=0&batch=1&seed=1&lesson=8"; got != want {
		t.Errorf("Encode =\n%s\nwant\n%s", got, want)
	}
}

// TestLesson8Scene runs every mistake next to the correct rules on linreg
// with minibatches of 10 (with minibatches of one, the sum is the mean).
func TestLesson8Scene(t *testing.T) {
	s, notices := Parse("fn=linreg&lesson=8&opt=sgd,adam,wrong-sgd-first,wrong-sgd-sum,wrong-adam-nobias," +
		"wrong-adam-denom,wrong-adam-epsin,wrong-adam-residual&batch=10&lr=0.02&eps=0.001&steps=200")
	if len(notices) > 0 || len(s.Runs) != MaxRuns {
		t.Fatalf("%v, %d runs", notices, len(s.Runs))
	}
	surf, trajs, err := s.Run()
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]*optimizers.Trajectory{}
	for i, r := range s.Runs {
		byName[r.Opt] = trajs[i]
	}
	for _, spec := range optimizers.Mistakes() {
		tr, right := byName[spec.Name], byName[spec.Mirrors]
		if tr.Gradient != spec.Gradient || reflect.DeepEqual(tr.Points, right.Points) || tr.Status.Code == optimizers.Running {
			t.Errorf("%s: fed %v, status %v, same path as %s: %v", spec.Name, tr.Gradient, tr.Status,
				spec.Mirrors, reflect.DeepEqual(tr.Points, right.Points))
		}
		for step := 1; step <= tr.Steps(); step++ {
			b := tr.Batch(step)
			switch {
			case spec.Gradient == optimizers.FirstSamples:
				if !slices.Equal(b, []int32{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}) {
					t.Fatalf("%s: step %d used %v", spec.Name, step, b)
				}
			case !slices.Equal(b, byName["sgd"].Batch(step)):
				t.Fatalf("%s: step %d used %v, sgd %v", spec.Name, step, b, byName["sgd"].Batch(step))
			}
		}
	}
	tr := NewTrace(s, surf, trajs)
	if !strings.HasSuffix(tr.Query, "&lesson=8") || len(tr.Runs) != MaxRuns || len(tr.Runs[2].Batches) != len(tr.Runs[2].Points)-1 {
		t.Errorf("trace %q, %d runs", tr.Query, len(tr.Runs))
	}
	// The sweep runs the mistakes too.
	sw, err := Sweep(s, []float64{0.001, 0.01})
	if err != nil || len(sw) != MaxRuns {
		t.Errorf("sweep: %v, %v", sw, err)
	}
}

// TestRoundTripLessons: Decode(Encode(s)) = s without notices for random
// valid scenes with lessons, and mistakes in lesson 8.
func TestRoundTripLessons(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 8))
	for range 1000 {
		s := randomScene(rng)
		s.Lesson = rng.IntN(MaxLesson + 1)
		if s.Lesson == MistakesLesson {
			surf, _ := s.Surface()
			for _, spec := range optimizers.Mistakes() {
				if len(s.Runs) == MaxRuns || rng.IntN(2) == 0 || !spec.Gradient.Supports(surf.Objective) {
					continue
				}
				h := optimizers.Hyper{}
				for _, k := range spec.Keys {
					p, _ := optimizers.LookupParam(k)
					h[k] = p.Min + rng.Float64()*(p.Max-p.Min)
				}
				s.Runs = append(s.Runs, Run{Opt: spec.Name, Hyper: h})
			}
		}
		q := Encode(s)
		got, notices := Parse(q)
		if len(notices) > 0 || !reflect.DeepEqual(got, s) {
			t.Fatalf("%s\ndecodes to %+v with %v\nwant %+v", q, got, notices, s)
		}
		checkScene(t, got)
	}
}
