package lessons

import (
	"math"

	"github.com/optimplay/optimplay/optimizers"
)

// all are the lessons, in order. Their presets and thresholds are tested
// (lessons_test.go): each preset leaves its tasks unmet, and the answer
// the catalog reveals meets them.
var all = []Lesson{
	{N: 1, Preset: "fn=linreg&opt=gd&lr=0.05&steps=100", Paragraphs: 3, Tasks: []Task{
		{Check: func(s State) bool { // GD within 1e-4 of f* in at most 100 steps
			fStar, ok := s.fStar()
			return anyRun(s, "gd", func(i int) bool {
				f, _ := s.final(i)
				return ok && s.finished(i) && s.Scene.Steps <= 100 && f-fStar < 1e-4
			})
		}},
	}},
	{N: 2, Preset: "fn=quadratic&kappa=10&opt=gd&lr=0.02&steps=50", Paragraphs: 3, Tasks: []Task{
		{Check: func(s State) bool { // the largest stable learning rate, within 10 %
			if s.Surface.Curvature == nil || !(s.Surface.Curvature.Max > 0) {
				return false
			}
			edge := 2 / s.Surface.Curvature.Max
			return anyRun(s, "gd", func(i int) bool {
				lr := s.hyper(i, "lr")
				return s.finished(i) && s.Scene.Runs[i].Sched.Name == "" && lr >= 0.9*edge && lr < edge
			})
		}},
		{Check: func(s State) bool {
			return anyRun(s, "gd", func(i int) bool { return s.Runs[i].Status.Code == optimizers.Diverged })
		}},
	}},
	{N: 3, Preset: "fn=linreg&opt=gd,sgd&lr=0.5&batch=1&steps=200", Paragraphs: 3, Tasks: []Task{
		{Check: func(s State) bool { // SGD with batch 1 below 0.095
			return s.Scene.Fn == "linreg" && s.Scene.Batch == 1 && anyRun(s, "sgd", func(i int) bool {
				f, _ := s.final(i)
				return s.finished(i) && f < 0.095
			})
		}},
		{Check: func(s State) bool { // full-batch SGD is GD
			g, okG := s.run("gd")
			return s.Scene.Fn == "linreg" && s.Scene.Batch == 0 && okG && anyRun(s, "sgd", func(i int) bool {
				_, pg := s.final(g)
				_, ps := s.final(i)
				return s.sameLR(g, i) && s.Scene.Steps > 0 && pg == ps
			})
		}},
	}},
	{N: 4, Preset: "fn=quadratic&kappa=50&opt=gd,momentum&lr=0.035&momentum.mom=0&steps=300", Paragraphs: 3, Tasks: []Task{
		{Check: func(s State) bool { // momentum in at most half GD's steps
			g, ok := s.run("gd")
			if !ok {
				return false
			}
			gFirst := s.firstBelow(g, 1e-6)
			if gFirst < 0 {
				gFirst = s.Scene.Steps + 1
			}
			return anyRun(s, "momentum", func(i int) bool {
				m := s.firstBelow(i, 1e-6)
				return s.sameLR(g, i) && s.finished(i) && m >= 0 && 2*m <= gFirst
			})
		}},
		{Check: func(s State) bool { // Nesterov diverges where the heavy ball does not
			m, ok := s.run("momentum")
			return ok && s.finished(m) && anyRun(s, "nesterov", func(i int) bool {
				return s.sameLR(m, i) && s.hyper(m, "mom") == s.hyper(i, "mom") &&
					s.Runs[i].Status.Code == optimizers.Diverged
			})
		}},
	}},
	{N: 5, Preset: "fn=quadratic&kappa=50&opt=adagrad,rmsprop,adam&lr=0.1&steps=100", Paragraphs: 3, Tasks: []Task{
		{Check: func(s State) bool { // no bias correction, first step γ per coordinate
			return anyRun(s, "adam", func(i int) bool {
				t := s.Runs[i]
				if s.hyper(i, "bias") != 0 || len(t.Points) < 2 {
					return false
				}
				step := s.hyper(i, "lr")
				for c := range 2 {
					d := math.Abs(t.Points[1][c] - t.Points[0][c])
					if t.Grads[0][c] == 0 || d < 0.95*step || d > 1.05*step {
						return false
					}
				}
				return true
			})
		}},
	}},
	{N: 6, Preset: "fn=booth&opt=adam,adamw&lr=0.1&wd=0&steps=300", Paragraphs: 3, Tasks: []Task{
		{Check: func(s State) bool { // the same decay, parted ends
			a, ok := s.run("adam")
			return ok && anyRun(s, "adamw", func(i int) bool {
				_, pa := s.final(a)
				_, pw := s.final(i)
				wd := s.hyper(i, "wd")
				return s.sameLR(a, i) && wd >= 0.05 && s.hyper(a, "wd") == wd && !near(pa, pw, 0.05)
			})
		}},
	}},
	{N: 7, Preset: "fn=twowell&opt=gd&lr=0.05&steps=200", Paragraphs: 3, Tasks: []Task{
		{Check: func(s State) bool { // into the deeper well
			if s.Scene.Fn != "twowell" {
				return false
			}
			var global [2]float64
			for _, m := range s.Surface.Minima() {
				if m.Kind == optimizers.GlobalMin {
					global = m.At
				}
			}
			return anyRun(s, "gd", func(i int) bool {
				_, p := s.final(i)
				return s.finished(i) && near(p, global, 0.05)
			})
		}},
		{Check: func(s State) bool { // off the saddle's ridge by noise
			return s.Scene.Fn == "saddle" && s.Scene.X0[1] == 0 && s.Scene.Noise > 0 && anyRun(s, "sgd", func(i int) bool {
				return s.Runs[i].Status.Code == optimizers.Escaped
			})
		}},
	}},
	lesson8,
}

// anyRun reports whether some run of optimizer opt meets ok.
func anyRun(s State, opt string, ok func(i int) bool) bool {
	for _, i := range s.runs(opt) {
		if ok(i) {
			return true
		}
	}
	return false
}
