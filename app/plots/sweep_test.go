package plots

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/optimplay/optimplay/optimizers/scene"
)

// testSweep is a sweep of two optimizers over 1e-3 … 10: the first
// finishes below 1 and diverges from 1 on, the second finishes
// everywhere.
func testSweep() []SweepCurve {
	lrs := []float64{1e-3, 1e-2, 1e-1, 1, 10}
	return []SweepCurve{
		{Run: scene.SweepRun{Opt: "gd", LR: lrs, FinalLoss: []float64{5, 1, 1e-6, 3, 7},
			Status: []string{"ok", "ok", "ok", "diverged", "diverged"}}, Color: RunColor(0)},
		{Run: scene.SweepRun{Opt: "adam", LR: lrs, FinalLoss: []float64{6, 4, 2, 1e-3, 1e-2},
			Status: []string{"ok", "ok", "ok", "ok", "ok"}}, Color: RunColor(1)},
	}
}

// TestSweepPickRoundTrip clicks where the figure draws points and checks
// the learning rate and curve picked: a click at a point of a curve picks
// that curve and its learning rate; a click off the data area picks
// nothing.
func TestSweepPickRoundTrip(t *testing.T) {
	f, err := NewSweepFigure(testSweep(), 10, 0, true)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		curve int
		lr    float64
		loss  float64
	}{{0, 1e-2, 1}, {1, 1e-2, 4}, {0, 0.1, 1e-6}, {1, 1, 1e-3}} {
		fx, fy := f.Fraction(c.lr, c.loss)
		curve, lr, ok := f.Pick(fx, fy)
		if !ok || curve != c.curve || math.Abs(lr-c.lr) > 1e-9*c.lr {
			t.Errorf("a click on curve %d at lr %v picked curve %d, lr %v (%v)", c.curve, c.lr, curve, lr, ok)
		}
	}
	if _, _, ok := f.Pick(0.01, 0.5); ok {
		t.Error("a click left of the axes picked a learning rate")
	}
	curves, err := f.Curves()
	if err != nil || !strings.HasPrefix(string(curves), "<svg") {
		t.Fatalf("curves: %v", err)
	}
	if cur := f.Current([]float64{0.05, 100}); strings.Count(string(cur), "<path") != 1 {
		t.Errorf("current learning rates 0.05 and 100 (off the axis): want one line, got %s", cur)
	}
}

// TestDecadeTicks checks the sweep's log ticks: every power of ten in
// range, exact, labelled in their shortest form, at most seven labels.
func TestDecadeTicks(t *testing.T) {
	ticks := decades{}.Ticks(1e-16, 100)
	if len(ticks) != 19 || ticks[0].Value != 1e-16 || ticks[18].Value != 100 {
		t.Fatalf("ticks %v", ticks)
	}
	labels := 0
	for k, tk := range ticks {
		if want, _ := strconv.ParseFloat("1e"+strconv.Itoa(k-16), 64); tk.Value != want {
			t.Errorf("tick %d is %v, want %v", k, tk.Value, want)
		}
		if tk.Label != "" {
			labels++
			if v, err := strconv.ParseFloat(tk.Label, 64); err != nil || v != tk.Value {
				t.Errorf("tick %v labelled %q", tk.Value, tk.Label)
			}
		}
	}
	if labels > 7 || ticks[0].Label != "1e-16" {
		t.Errorf("%d labels, first %q", labels, ticks[0].Label)
	}
	if got := (decades{}).Ticks(1e-4, 10); got[0].Label != "0.0001" || got[5].Label != "10" {
		t.Errorf("1e-4 … 10 labelled %q … %q", got[0].Label, got[5].Label)
	}
}

// TestLRFigureFraction checks that the schedule figure's marks fall in
// its data area, left to right with t and bottom to top with lr.
func TestLRFigureFraction(t *testing.T) {
	f, err := NewLRFigure([]float64{0.1, 0.05, 0.02, 0.01}, RunColor(0))
	if err != nil {
		t.Fatal(err)
	}
	x0, y0 := f.Fraction(0, 0.1)
	x3, y3 := f.Fraction(3, 0.01)
	if !(x0 > 0 && x0 < x3 && x3 < 1 && y0 > 0 && y0 < y3 && y3 < 1) {
		t.Errorf("update 0 at (%.3f, %.3f), update 3 at (%.3f, %.3f)", x0, y0, x3, y3)
	}
	// The data area's corners are where ToData says.
	if x, y, ok := f.ToData(x3, y3); !ok || math.Abs(x-3) > 1e-9 || math.Abs(y-0.01) > 1e-9 {
		t.Errorf("ToData(Fraction(3, 0.01)) = %v, %v, %v", x, y, ok)
	}
}
