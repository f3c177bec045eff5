package scene

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/optimplay/optimplay/optimizers"
)

// Limits of a learning-rate sweep's grid.
const (
	MinSweepLR    = 1e-8
	MaxSweepLR    = 1e3
	MaxSweepCount = 200
)

// SweepGrid returns n learning rates spaced evenly in log scale from lo to
// hi inclusive, with lo and hi exact. It refuses a range outside
// [MinSweepLR, MaxSweepLR], lo ≥ hi, and n outside [2, MaxSweepCount].
func SweepGrid(lo, hi float64, n int) ([]float64, error) {
	switch {
	case !(lo >= MinSweepLR && hi <= MaxSweepLR):
		return nil, fmt.Errorf("sweep: the learning rates %v to %v are not within [%g, %g]", lo, hi, MinSweepLR, MaxSweepLR)
	case !(lo < hi):
		return nil, fmt.Errorf("sweep: the lowest learning rate %v is not below the highest %v", lo, hi)
	case n < 2 || n > MaxSweepCount:
		return nil, fmt.Errorf("sweep: %d learning rates is not within [2, %d]", n, MaxSweepCount)
	}
	grid := make([]float64, n)
	a, b := log2(lo), log2(hi)
	for i := range grid {
		u := a + (b-a)*float64(i)/float64(n-1)
		if d := math.Round(u / log2of10); math.Abs(u/log2of10-d) < 1e-9 {
			grid[i] = math.Pow(10, d) // a power of ten, exactly as float64 has it
		} else {
			grid[i] = math.Exp2(u)
		}
	}
	grid[0], grid[n-1] = lo, hi
	return grid, nil
}

// log2of10 is log₂ 10.
const log2of10 = 3.32192809488736234787031942948939017586483139302458

// log2 returns the base-2 logarithm of x > 0 from x = m·2^e, m in [½, 1),
// as log1p(m − 1)/ln 2 + e. The grid is computed with it, math.Exp2 and
// math.Pow of whole powers, which are pure Go on amd64 and in WebAssembly
// alike, so that the page's sweep and the trace command's run the same
// learning rates to the bit; math.Log10, and math.Pow of fractional
// powers, use assembly on amd64 and differ in the last bit from
// WebAssembly for about one grid value in seven.
func log2(x float64) float64 {
	m, e := math.Frexp(x)
	return math.Log1p(m-1)/math.Ln2 + float64(e)
}

// ParseSweepRange reads "LO,HI,N", the trace command's -sweep value.
func ParseSweepRange(raw string) ([]float64, error) {
	parts := strings.Split(raw, ",")
	if len(parts) != 3 {
		return nil, fmt.Errorf("sweep: %q is not LO,HI,N", raw)
	}
	lo, err1 := strconv.ParseFloat(strings.TrimSpace(parts[0]), 64)
	hi, err2 := strconv.ParseFloat(strings.TrimSpace(parts[1]), 64)
	n, err3 := strconv.Atoi(strings.TrimSpace(parts[2]))
	if err1 != nil || err2 != nil || err3 != nil {
		return nil, fmt.Errorf("sweep: %q is not LO,HI,N (two numbers and a whole number)", raw)
	}
	return SweepGrid(lo, hi, n)
}

// SweepRun is one optimizer's learning-rate sweep: for each learning rate
// of the grid, the loss where its run ended (the last finite one for a run
// that stopped early) and how the run ended ("ok", "diverged", "escaped").
type SweepRun struct {
	Opt       string    `json:"opt"`
	LR        []float64 `json:"lr"`
	FinalLoss []float64 `json:"final_loss"`
	Status    []string  `json:"status"`
}

// Edge returns the divergence edge, the smallest learning rate whose run
// diverged, and false when none did.
func (r SweepRun) Edge() (float64, bool) {
	for i, st := range r.Status {
		if st == optimizers.Diverged.String() {
			return r.LR[i], true
		}
	}
	return 0, false
}

// Best returns the index of the lowest final loss among the runs that
// finished, or −1 when none did.
func (r SweepRun) Best() int {
	best := -1
	for i, st := range r.Status {
		if st == optimizers.Done.String() && (best < 0 || r.FinalLoss[i] < r.FinalLoss[best]) {
			best = i
		}
	}
	return best
}

// Sweeper runs each optimizer of a scene over a grid of learning rates,
// one run per Next, so that a page can hand control back between runs.
// Each run is the scene's run of that optimizer with only its learning
// rate changed (its schedule's lrmin kept at most that rate).
type Sweeper struct {
	sc   Scene
	surf optimizers.Surface
	grid []float64
	runs []SweepRun
	next int // runs done, optimizer-major
}

// NewSweeper prepares the sweep of scene s on surf, its surface.
func NewSweeper(s Scene, surf optimizers.Surface, grid []float64) *Sweeper {
	w := &Sweeper{sc: s, surf: surf, grid: grid, runs: make([]SweepRun, len(s.Runs))}
	for i, r := range s.Runs {
		w.runs[i] = SweepRun{Opt: r.Opt, LR: grid, FinalLoss: make([]float64, 0, len(grid)),
			Status: make([]string, 0, len(grid))}
	}
	return w
}

// Next computes the next run and reports whether any remain. An error
// leaves the sweep where it stands.
func (w *Sweeper) Next() (bool, error) {
	if w.next == w.Total() {
		return false, nil
	}
	i, j := w.next/len(w.grid), w.next%len(w.grid)
	one := w.sc
	run := w.sc.Runs[i]
	run.Hyper = maps(run.Hyper)
	run.Hyper["lr"] = w.grid[j]
	run.Sched.fit(w.grid[j], one.Steps)
	one.Runs = []Run{run}
	cfgs, err := one.Configs(w.surf)
	if err != nil {
		return false, err
	}
	tr, err := optimizers.Run(cfgs[0])
	if err != nil {
		return false, err
	}
	w.runs[i].FinalLoss = append(w.runs[i].FinalLoss, tr.Loss[len(tr.Loss)-1])
	w.runs[i].Status = append(w.runs[i].Status, tr.Status.Code.String())
	w.next++
	return w.next < w.Total(), nil
}

// Done returns the number of runs computed; Total the number in all.
func (w *Sweeper) Done() int { return w.next }

// Total returns the number of runs of the sweep.
func (w *Sweeper) Total() int { return len(w.grid) * len(w.runs) }

// Runs returns the sweep so far: each optimizer's learning rates, and the
// final losses and statuses of the runs computed.
func (w *Sweeper) Runs() []SweepRun { return w.runs }

// Sweep runs every optimizer of scene s over grid at once.
func Sweep(s Scene, grid []float64) ([]SweepRun, error) {
	surf, err := s.Surface()
	if err != nil {
		return nil, err
	}
	w := NewSweeper(s, surf, grid)
	for {
		more, err := w.Next()
		if err != nil {
			return nil, err
		}
		if !more {
			return w.Runs(), nil
		}
	}
}

// SweepTrace is a learning-rate sweep of a scene as the trace command
// prints it.
type SweepTrace struct {
	V     int        `json:"v"`
	Fn    string     `json:"fn"`
	Query string     `json:"query"`
	Sweep []SweepRun `json:"sweep"`
}

// NewSweepTrace records the sweep runs of scene s.
func NewSweepTrace(s Scene, runs []SweepRun) SweepTrace {
	return SweepTrace{V: Version, Fn: s.Fn, Query: Encode(s), Sweep: runs}
}

// WriteJSON writes the sweep as one line of JSON.
func (t SweepTrace) WriteJSON(w io.Writer) error { return writeJSON(w, t) }

// WriteCSV writes the sweep with the columns opt,lr,final_loss,status.
func (t SweepTrace) WriteCSV(w io.Writer) error {
	var b strings.Builder
	b.WriteString("opt,lr,final_loss,status\n")
	for _, r := range t.Sweep {
		for i, lr := range r.LR {
			fmt.Fprintf(&b, "%s,%s,%s,%s\n", r.Opt, fmtFloat(lr), fmtFloat(r.FinalLoss[i]), r.Status[i])
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
