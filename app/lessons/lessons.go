// Package lessons is the guided lessons of the playground: each a preset
// scene, a few paragraphs (in the message catalog, package i18n) and one
// or two tasks that the page checks from the live state of the runs. It
// is pure Go: the page and the tests check tasks the same way.
package lessons

import (
	"math"
	"net/url"
	"slices"
	"strconv"

	"github.com/optimplay/optimplay/optimizers"
	"github.com/optimplay/optimplay/optimizers/scene"
)

// Count is the number of lessons, numbered from 1.
const Count = 8

// State is what a task is checked against: the scene, its surface and
// its runs, in the order of the scene's optimizers.
type State struct {
	Scene   scene.Scene
	Surface optimizers.Surface
	Runs    []*optimizers.Trajectory
}

// Task is a task of a lesson, met when Check reports true. Its words (the
// task, the feedback once it is met, and the answer) are in the message
// catalog.
type Task struct {
	Check func(State) bool
}

// Lesson is a lesson: its number, the permalink query of its preset
// scene, its number of paragraphs in the catalog, and its tasks.
type Lesson struct {
	N          int
	Preset     string
	Paragraphs int
	Tasks      []Task
}

// Get returns lesson n, 1 ≤ n ≤ Count.
func Get(n int) (Lesson, bool) {
	if n < 1 || n > len(all) {
		return Lesson{}, false
	}
	return all[n-1], true
}

// Key is the permalink key that opens a lesson.
const Key = "lesson"

// Open returns the query that a link opens: with lesson=N and none of the
// scene's keys, lesson N's preset with the link's other keys (the view's:
// lang, step, embed…), so that lesson=3 alone opens lesson 3; any other
// link as it is, so that a lesson's scene, changed and shared, comes back
// as it was shared. n is the lesson the link names, 0 for none or one
// that does not exist.
func Open(rawQuery string) (query string, n int) {
	q, err := url.ParseQuery(rawQuery)
	if err != nil {
		return rawQuery, 0
	}
	raw, ok := scene.Last(q, Key)
	if !ok {
		return rawQuery, 0
	}
	n, err = strconv.Atoi(raw)
	l, exists := Get(n)
	if err != nil || !exists {
		return rawQuery, 0
	}
	for k := range q {
		if k != Key && scene.IsKey(k) {
			return rawQuery, n
		}
	}
	preset, _ := url.ParseQuery(l.Preset)
	for k, v := range q {
		preset[k] = v
	}
	return preset.Encode(), n
}

// runs returns the indexes of the runs of optimizer opt.
func (s State) runs(opt string) []int {
	var is []int
	for i, r := range s.Scene.Runs {
		if r.Opt == opt && i < len(s.Runs) {
			is = append(is, i)
		}
	}
	return is
}

// run returns the index of the first run of opt, and whether there is one.
func (s State) run(opt string) (int, bool) {
	is := s.runs(opt)
	if len(is) == 0 {
		return 0, false
	}
	return is[0], true
}

// hyper returns run i's hyperparameter key.
func (s State) hyper(i int, key string) float64 { return s.Scene.Runs[i].Hyper[key] }

// finished reports whether run i took every step without diverging.
func (s State) finished(i int) bool { return s.Runs[i].Status.Code == optimizers.Done }

// final returns run i's last loss and point.
func (s State) final(i int) (float64, [2]float64) {
	t := s.Runs[i]
	return t.Loss[len(t.Loss)-1], t.Points[len(t.Points)-1]
}

// fStar returns the surface's lowest known minimum value.
func (s State) fStar() (float64, bool) {
	best, ok := math.Inf(1), false
	for _, m := range s.Surface.Minima() {
		if m.Kind == optimizers.GlobalMin {
			best, ok = math.Min(best, m.F), true
		}
	}
	return best, ok
}

// firstBelow returns the first step at which run i's loss is below
// level, or -1.
func (s State) firstBelow(i int, level float64) int {
	return slices.IndexFunc(s.Runs[i].Loss, func(f float64) bool { return f < level })
}

// near reports whether p is within r of q.
func near(p, q [2]float64, r float64) bool { return math.Hypot(p[0]-q[0], p[1]-q[1]) <= r }

// sameLR reports whether runs i and j have the same learning rate and
// schedule.
func (s State) sameLR(i, j int) bool {
	return s.hyper(i, "lr") == s.hyper(j, "lr") && s.Scene.Runs[i].Sched == s.Scene.Runs[j].Sched
}
