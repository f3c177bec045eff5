package main

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/optimplay/optimplay/optimizers/scene"
)

func trace(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = run(args, &out, &errb)
	return code, out.String(), errb.String()
}

// TestJSONMatchesReference runs the example query and compares it
// with the independent Python reference for Adam on rosenbrock.
func TestJSONMatchesReference(t *testing.T) {
	data, err := os.ReadFile("../../optimizers/testdata/reference/reference.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []struct {
		Name   string
		Points [][2]float64
	}
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatal(err)
	}
	var ref [][2]float64
	for _, c := range cases {
		if c.Name == "adam-rosenbrock" {
			ref = c.Points
		}
	}
	if ref == nil {
		t.Fatal("no adam-rosenbrock reference")
	}
	code, stdout, stderr := trace("fn=rosenbrock&x0=-1.2,1&opt=adam&lr=0.05&b1=0.9&b2=0.999&eps=1e-8&steps=25")
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var out struct {
		V    int
		Fn   string
		Runs []struct {
			Opt, Status string
			Points      [][2]float64
			Loss        []float64
		}
	}
	if err := json.Unmarshal([]byte(stdout), &out); err != nil {
		t.Fatal(err)
	}
	if out.V != 1 || out.Fn != "rosenbrock" || len(out.Runs) != 1 || out.Runs[0].Opt != "adam" || out.Runs[0].Status != "ok" {
		t.Fatalf("%s", stdout)
	}
	r := out.Runs[0]
	if len(r.Points) != 26 || len(r.Loss) != 26 {
		t.Fatalf("%d points, %d losses, want 26 (steps + 1)", len(r.Points), len(r.Loss))
	}
	for i, p := range r.Points {
		for k := range p {
			if math.Abs(p[k]-ref[i][k]) > 1e-12*math.Max(1, math.Abs(ref[i][k])) {
				t.Fatalf("point %d: %v, reference %v", i, p, ref[i])
			}
		}
		x, y := p[0], p[1]
		if want := (1-x)*(1-x) + 100*(y-x*x)*(y-x*x); math.Abs(r.Loss[i]-want) > 1e-12*math.Max(1, want) {
			t.Fatalf("loss %d: %v, f(point) = %v", i, r.Loss[i], want)
		}
	}
}

// TestCSV checks the columns and rows: GD with lr 0.5 on ½(x² + y²)
// halves the point.
func TestCSV(t *testing.T) {
	code, stdout, _ := trace("-format", "csv", "fn=quadratic&kappa=1&x0=4,-2&opt=gd,sgd&lr=0.5&steps=2")
	want := "opt,step,x,y,loss\n" +
		"gd,0,4,-2,10\ngd,1,2,-1,2.5\ngd,2,1,-0.5,0.625\n" +
		"sgd,0,4,-2,10\nsgd,1,2,-1,2.5\nsgd,2,1,-0.5,0.625\n"
	if code != 0 || stdout != want {
		t.Errorf("exit %d:\n%s\nwant\n%s", code, stdout, want)
	}
}

// TestDivergedRun reports the reason.
func TestDivergedRun(t *testing.T) {
	code, stdout, _ := trace("fn=quadratic&opt=gd&lr=0.6&steps=100")
	if code != 0 || !strings.Contains(stdout, `"status":"diverged","reason":"diverged at step 3: lr 0.6 is above 2/λmax = 0.2`) {
		t.Errorf("exit %d: %s", code, stdout)
	}
}

// TestBadInput: one line on stderr, exit code 2, nothing on stdout.
func TestBadInput(t *testing.T) {
	for _, args := range [][]string{
		{"lr=abc"},
		{"steps=1e9"},
		{"opt=nosuch"},
		{"fn=linreg&batch=x"},
		{},
		{"a=1", "b=2"},
		{"-format", "xml", "fn=booth"},
		{"-nosuchflag", "fn=booth"},
		{"-format", "pytorch", "-sweep", "1e-3,1,5", "fn=booth"},
		{"-sweep", "1e-3,1,5", "-format", "pytorch", "fn=booth"},
		{"-format", "pytorch", "fn=booth&lr=abc"},
	} {
		code, stdout, stderr := trace(args...)
		if code != 2 || stdout != "" || !strings.HasPrefix(stderr, "trace: ") || strings.Count(stderr, "\n") != 1 {
			t.Errorf("%q: exit %d, stdout %q, stderr %q", args, code, stdout, stderr)
		}
	}
}

// TestPyTorchFormat: -format pytorch prints the scene's PyTorch script
// (package scene runs the scripts and compares them with the trace).
func TestPyTorchFormat(t *testing.T) {
	for _, q := range []string{
		"fn=booth&opt=gd,adam&lr=0.05",
		"fn=linreg&n=20&batch=4&noise=0.5&opt=sgd,lion,nadam&sched=warmcos&steps=30",
	} {
		code, stdout, stderr := trace("-format", "pytorch", q)
		s, _ := scene.Parse(q)
		var want strings.Builder
		if err := scene.WritePyTorch(&want, s); err != nil {
			t.Fatal(err)
		}
		if code != 0 || stderr != "" || stdout != want.String() {
			t.Errorf("%s: exit %d, stderr %q, stdout differs from WritePyTorch: %v", q, code, stderr, stdout != want.String())
		}
	}
}

// TestWholeURL accepts a link copied from the browser.
func TestWholeURL(t *testing.T) {
	code, stdout, stderr := trace("http://127.0.0.1:8000/?fn=booth&opt=adam&lr=0.5&steps=" + strconv.Itoa(3))
	if code != 0 || !strings.Contains(stdout, `"fn":"booth"`) {
		t.Errorf("exit %d: %s %s", code, stdout, stderr)
	}
}

// TestLinRegDataAndBatches: on linreg the trace holds the data set and,
// with minibatches, each step's minibatch: distinct indices into the data,
// whose loss at the start is the mean squared error over all the points.
func TestLinRegDataAndBatches(t *testing.T) {
	code, stdout, stderr := trace("fn=linreg&n=30&batch=4&seed=3&opt=sgd,gd&lr=0.1&steps=6")
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var out struct {
		Data struct{ X, Y []float64 }
		Runs []struct {
			Opt     string
			Points  [][2]float64
			Loss    []float64
			Batches [][]int
		}
	}
	if err := json.Unmarshal([]byte(stdout), &out); err != nil {
		t.Fatal(err)
	}
	if len(out.Data.X) != 30 || len(out.Data.Y) != 30 {
		t.Fatalf("data of %d and %d points", len(out.Data.X), len(out.Data.Y))
	}
	p := out.Runs[0].Points[0]
	var mse float64
	for i, x := range out.Data.X {
		r := p[0]*x + p[1] - out.Data.Y[i]
		mse += r * r / 30
	}
	if math.Abs(mse-out.Runs[0].Loss[0]) > 1e-12*mse {
		t.Errorf("the data's mean squared error at the start is %v, the loss %v", mse, out.Runs[0].Loss[0])
	}
	sgd := out.Runs[0]
	if len(sgd.Batches) != 6 {
		t.Fatalf("%d minibatches for 6 steps", len(sgd.Batches))
	}
	for s, b := range sgd.Batches {
		seen := map[int]bool{}
		for _, i := range b {
			if i < 0 || i >= 30 || seen[i] {
				t.Errorf("step %d: minibatch %v", s+1, b)
			}
			seen[i] = true
		}
		if len(b) != 4 {
			t.Errorf("step %d: %d points, want 4", s+1, len(b))
		}
	}
	if out.Runs[1].Batches != nil {
		t.Error("gd, full batch by definition, has minibatches")
	}
	if code, stdout, _ := trace("fn=booth&opt=adam&steps=3"); code != 0 || strings.Contains(stdout, `"data"`) || strings.Contains(stdout, "batches") {
		t.Errorf("booth's trace: %s", stdout)
	}
}

// sweepJSON is the output of trace -sweep.
type sweepJSON struct {
	V     int
	Fn    string
	Query string
	Sweep []struct {
		Opt       string
		LR        []float64
		FinalLoss []float64 `json:"final_loss"`
		Status    []string
	}
}

func runSweep(t *testing.T, args ...string) sweepJSON {
	t.Helper()
	code, stdout, stderr := trace(args...)
	if code != 0 || stderr != "" {
		t.Fatalf("%q: exit %d: %s", args, code, stderr)
	}
	var out sweepJSON
	if err := json.Unmarshal([]byte(stdout), &out); err != nil {
		t.Fatalf("%q: %v: %s", args, err, stdout)
	}
	return out
}

// relErr returns |got − want|/|want|.
func relErr(got, want float64) float64 { return math.Abs(got-want) / math.Abs(want) }

// mat2 is a 2×2 matrix.
type mat2 [2][2]float64

func (a mat2) mul(b mat2) mat2 {
	var c mat2
	for i := range 2 {
		for j := range 2 {
			c[i][j] = a[i][0]*b[0][j] + a[i][1]*b[1][j]
		}
	}
	return c
}

// pow returns a^n by binary powering.
func (a mat2) pow(n int) mat2 {
	r := mat2{{1, 0}, {0, 1}}
	for ; n > 0; n >>= 1 {
		if n&1 == 1 {
			r = r.mul(a)
		}
		a = a.mul(a)
	}
	return r
}

// gdCoord returns GD's coordinate of curvature h after t steps from c0:
// x_t = (1 − lr·h)^t·x_0.
func gdCoord(lr, h, c0 float64, t int) float64 { return math.Pow(1-lr*h, float64(t)) * c0 }

// heavyBallCoord returns heavy-ball momentum's coordinate of curvature h
// after t steps from c0, as PyTorch's SGD with momentum μ and dampening 0
// runs it on the gradient h·c: b_1 = g_1, b_t = μ·b_{t−1} + g_t,
// c_t = c_{t−1} − lr·b_t. Since lr·b_{t−1} = c_{t−2} − c_{t−1},
//
//	c_t = (1 + μ − lr·h)·c_{t−1} − μ·c_{t−2}   (t ≥ 2),  c_1 = (1 − lr·h)·c_0,
//
// which is the same recurrence for t = 1 with c_{−1} = c_0 (b_0 = 0). So
// (c_t, c_{t−1}) = M^t·(c_0, c_0) with the companion matrix
// M = [[1 + μ − lr·h, −μ], [1, 0]].
func heavyBallCoord(lr, mu, h, c0 float64, t int) float64 {
	m := mat2{{1 + mu - lr*h, -mu}, {1, 0}}.pow(t)
	return m[0][0]*c0 + m[0][1]*c0
}

// TestSweepQuadraticEdges runs trace -sweep on the example,
// fn=quadratic with gd and momentum (κ = 10, x0 = (−4, 1.5), 100 steps,
// μ = 0.9: the defaults, checked in the query the sweep echoes). The grid
// must be N learning rates evenly spaced in log scale from LO to HI
// inclusive. Every run more than 5% above the theoretical edge (GD
// 2/λmax, heavy ball 2(1+μ)/λmax, λmax = max(1, κ)) must be "diverged",
// and its final loss the closed form's at the first point that leaves the
// bound (the domain [−5, 5]² grown by EscapeFactor = 10 times its width on
// every side, [−105, 105]²); every run more than 5% below must be "ok",
// its final loss the closed form's after the 100 steps: for GD
// ½((1−lr)^{2T}·x0² + κ(1−lr·κ)^{2T}·y0²), for momentum from the companion
// matrix power (heavyBallCoord). Relative tolerance 1e-9.
func TestSweepQuadraticEdges(t *testing.T) {
	const (
		kappa   = 10.0
		mu      = 0.9
		steps   = 100
		lo, hi  = 1e-3, 1.0
		n       = 46
		bound   = 5 + 10*10
		tol     = 1e-9
		margin  = 1.05
		lambdaM = kappa // max(1, κ)
	)
	x0 := [2]float64{-4, 1.5}
	out := runSweep(t, "-sweep", "1e-3,1,46", "fn=quadratic&opt=gd,momentum")
	for _, kv := range []string{"kappa=10", "x0=-4,1.5", "steps=100", "mom=0.9", "nesterov=0", "wd=0", "noise=0"} {
		if !strings.Contains("&"+out.Query+"&", "&"+kv+"&") {
			t.Fatalf("query %s: want %s", out.Query, kv)
		}
	}
	if out.V != 1 || out.Fn != "quadratic" || len(out.Sweep) != 2 || out.Sweep[0].Opt != "gd" || out.Sweep[1].Opt != "momentum" {
		t.Fatalf("%+v", out)
	}
	loss := func(p [2]float64) float64 { return 0.5 * (p[0]*p[0] + kappa*p[1]*p[1]) }
	for _, c := range []struct {
		opt   string
		edge  float64
		coord func(lr, h, c0 float64, t int) float64
	}{
		{"gd", 2 / lambdaM, gdCoord},
		{"momentum", 2 * (1 + mu) / lambdaM, func(lr, h, c0 float64, t int) float64 { return heavyBallCoord(lr, mu, h, c0, t) }},
	} {
		var r = out.Sweep[0]
		if c.opt == "momentum" {
			r = out.Sweep[1]
		}
		if len(r.LR) != n || len(r.FinalLoss) != n || len(r.Status) != n {
			t.Fatalf("%s: %d rates, %d losses, %d statuses, want %d", c.opt, len(r.LR), len(r.FinalLoss), len(r.Status), n)
		}
		if r.LR[0] != lo || r.LR[n-1] != hi {
			t.Errorf("%s: grid from %v to %v, want %v to %v", c.opt, r.LR[0], r.LR[n-1], lo, hi)
		}
		ratio := math.Pow(hi/lo, 1.0/(n-1))
		for i := 1; i < n; i++ {
			if relErr(r.LR[i]/r.LR[i-1], ratio) > 1e-12 {
				t.Errorf("%s: lr[%d]/lr[%d] = %v, want %v (log spacing)", c.opt, i, i-1, r.LR[i]/r.LR[i-1], ratio)
			}
		}
		point := func(lr float64, t int) [2]float64 {
			return [2]float64{c.coord(lr, 1, x0[0], t), c.coord(lr, kappa, x0[1], t)}
		}
		var ok, diverged int
		for i, lr := range r.LR {
			switch {
			case lr > margin*c.edge:
				diverged++
				if r.Status[i] != "diverged" {
					t.Errorf("%s lr %v (edge %v): status %q, want diverged", c.opt, lr, c.edge, r.Status[i])
					continue
				}
				// The first point of the closed form out of the bound.
				var p [2]float64
				tOut := 0
				for tOut = 1; tOut <= steps; tOut++ {
					if p = point(lr, tOut); math.Abs(p[0]) > bound || math.Abs(p[1]) > bound {
						break
					}
				}
				if tOut > steps {
					t.Errorf("%s lr %v: the closed form stays within the bound", c.opt, lr)
					continue
				}
				if e := relErr(r.FinalLoss[i], loss(p)); e > tol {
					t.Errorf("%s lr %v: final loss %.17g, closed form %.17g at step %d (relative error %.2g)",
						c.opt, lr, r.FinalLoss[i], loss(p), tOut, e)
				}
			case lr < c.edge/margin:
				ok++
				if r.Status[i] != "ok" {
					t.Errorf("%s lr %v (edge %v): status %q, want ok", c.opt, lr, c.edge, r.Status[i])
					continue
				}
				want := loss(point(lr, steps))
				if e := relErr(r.FinalLoss[i], want); e > tol {
					t.Errorf("%s lr %v: final loss %.17g, closed form %.17g (relative error %.2g)", c.opt, lr, r.FinalLoss[i], want, e)
				}
			}
		}
		if ok < 10 || diverged < 4 {
			t.Errorf("%s: %d rates clearly below the edge and %d clearly above: the grid tests too little", c.opt, ok, diverged)
		}
	}
}

// TestHeavyBallClosedForm checks the test's own companion-matrix closed
// form against the momentum recurrence stepped by hand for three steps:
// c_1 = c_0 − lr·h·c_0, b_2 = μ·h·c_0 + h·c_1, c_2 = c_1 − lr·b_2, …
func TestHeavyBallClosedForm(t *testing.T) {
	lr, mu, h, c0 := 0.3, 0.9, 10.0, 1.5
	b := h * c0
	c := c0 - lr*b
	for step := 1; step <= 3; step++ {
		if step > 1 {
			b = mu*b + h*c
			c -= lr * b
		}
		if got := heavyBallCoord(lr, mu, h, c0, step); relErr(got, c) > 1e-14 {
			t.Errorf("step %d: closed form %v, recurrence %v", step, got, c)
		}
	}
}

// TestSweepCSV: -format csv prints the header opt,lr,final_loss,status
// and one row per optimizer and learning rate, in the scene's optimizer
// order, with the JSON's numbers.
func TestSweepCSV(t *testing.T) {
	args := []string{"-sweep", "1e-3,1,7", "fn=quadratic&opt=gd,momentum,adam"}
	js := runSweep(t, args...)
	code, stdout, stderr := trace(append([]string{"-format", "csv"}, args...)...)
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSuffix(stdout, "\n"), "\n")
	if lines[0] != "opt,lr,final_loss,status" {
		t.Errorf("header %q", lines[0])
	}
	if len(lines) != 1+3*7 {
		t.Fatalf("%d lines, want a header and 21 rows:\n%s", len(lines), stdout)
	}
	for k, line := range lines[1:] {
		f := strings.Split(line, ",")
		r := js.Sweep[k/7]
		if len(f) != 4 {
			t.Fatalf("row %q", line)
		}
		lr, err1 := strconv.ParseFloat(f[1], 64)
		loss, err2 := strconv.ParseFloat(f[2], 64)
		if f[0] != r.Opt || err1 != nil || err2 != nil || lr != r.LR[k%7] || loss != r.FinalLoss[k%7] || f[3] != r.Status[k%7] {
			t.Errorf("row %q, JSON %s %v %v %s", line, r.Opt, r.LR[k%7], r.FinalLoss[k%7], r.Status[k%7])
		}
	}
}

// TestSweepBadRange: a range that is not LO,HI,N with 0 < LO < HI and
// N ≥ 2 whole, or a query the app would correct, is refused with one line
// on stderr, exit code 2 and nothing on stdout.
func TestSweepBadRange(t *testing.T) {
	for _, r := range []string{
		"1,1,5",          // LO = HI
		"2,1,5",          // LO > HI
		"1e-3,1,1",       // N < 2
		"1e-3,1,0",       // N < 2
		"1e-3,1,-4",      // N < 2
		"a,1,5",          // not a number
		"1e-3,b,5",       // not a number
		"1e-3,1,x",       // not a number
		"1e-3,1,2.5",     // N not whole
		"1e-3,1,",        // N missing
		"-1,1,5",         // negative LO
		"-1e-3,-1e-4,5",  // negative
		"0,1,5",          // LO = 0: no logarithm
		"NaN,1,5",        // not a number
		"1e-3,Inf,5",     // not finite
		"1e-3,1",         // two fields
		"1e-3,1,5,7",     // four fields
		"",               // empty
		"1e-3,1,1000000", // too many runs
	} {
		code, stdout, stderr := trace("-sweep", r, "fn=quadratic&opt=gd")
		if code != 2 || stdout != "" || !strings.HasPrefix(stderr, "trace: ") || strings.Count(stderr, "\n") != 1 {
			t.Errorf("-sweep %q: exit %d, stdout %q, stderr %q", r, code, stdout, stderr)
		}
	}
	code, stdout, stderr := trace("-sweep", "1e-3,1,5", "fn=quadratic&opt=gd&lr=abc")
	if code != 2 || stdout != "" || strings.Count(stderr, "\n") != 1 {
		t.Errorf("bad query: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}

// TestTraceSchedule: the trace command honours the schedule keys: GD with
// a step schedule on ½(x² + κy²) follows x_t = x_0·∏_{s<t}(1 − lr_s),
// y_t = y_0·∏(1 − lr_s·κ) with lr_s = lr·γ^⌊s/every⌋, and the query it
// echoes carries the schedule.
func TestTraceSchedule(t *testing.T) {
	code, stdout, stderr := trace("fn=quadratic&kappa=4&x0=3,-2&opt=gd&lr=0.2&sched=step&gamma=0.5&every=4&steps=20")
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var out struct {
		Query string
		Runs  []struct{ Points [][2]float64 }
	}
	if err := json.Unmarshal([]byte(stdout), &out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.Query, "&sched=step&gamma=0.5&every=4&") {
		t.Errorf("query %s", out.Query)
	}
	x, y := 3.0, -2.0
	for s, p := range out.Runs[0].Points {
		if relErr(p[0], x) > 1e-12 || relErr(p[1], y) > 1e-12 {
			t.Fatalf("point %d: %v, closed form (%v, %v)", s, p, x, y)
		}
		lr := 0.2 * math.Pow(0.5, float64(s/4))
		x, y = x*(1-lr), y*(1-4*lr)
	}
	if len(out.Runs[0].Points) != 21 {
		t.Errorf("%d points", len(out.Runs[0].Points))
	}
}

// TestSweepSchedule: a sweep keeps the query's schedule, with lrmin at
// most each swept learning rate: GD with a cosine schedule (lrmin 0.01,
// tmax the whole run) on the quadratic ends where
// ∏_{s<T}(1 − lr_s·h) puts it, lr_s = m + (lr − m)(1 + cos(π s/T))/2 with
// m = min(lrmin, lr).
func TestSweepSchedule(t *testing.T) {
	out := runSweep(t, "-sweep", "1e-3,0.15,6", "fn=quadratic&opt=gd&lr=0.1&sched=cosine&lrmin=0.01&steps=50")
	r := out.Sweep[0]
	for i, lr := range r.LR {
		m := math.Min(0.01, lr)
		x, y := -4.0, 1.5
		for s := 0; s < 50; s++ {
			lrs := m + (lr-m)*(1+math.Cos(math.Pi*float64(s)/50))/2
			x, y = x*(1-lrs), y*(1-10*lrs)
		}
		want := 0.5 * (x*x + 10*y*y)
		if r.Status[i] != "ok" || relErr(r.FinalLoss[i], want) > 1e-9 {
			t.Errorf("lr %v: %s, final loss %.17g, closed form %.17g", lr, r.Status[i], r.FinalLoss[i], want)
		}
	}
}

// TestGivenData runs gradient descent on a data set given in the query:
// the points (0, 1), (1, 3), (2, 5) of the line y = 2x + 1. From the start
// (0.25, 3.5) the residuals are 2.5, 0.75, −1, so the gradient is
// (2/3)·(0·2.5 + 1·0.75 + 2·−1, 2.5 + 0.75 − 1) = (−5/6, 3/2), and with
// lr 0.1 the first step goes to (0.25 + 1/12, 3.5 − 0.15). The trace
// holds the data; a data set the app would drop is an error here.
func TestGivenData(t *testing.T) {
	code, stdout, stderr := trace("fn=linreg&data=0,1,1,3,2,5&opt=gd&lr=0.1&steps=200")
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var out struct {
		Query string
		Data  struct{ X, Y []float64 }
		Runs  []struct {
			Points [][2]float64
			Loss   []float64
		}
	}
	if err := json.Unmarshal([]byte(stdout), &out); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out.Query, "fn=linreg&n=3&data=0,1,1,3,2,5&x0=0.25,3.5&opt=gd&lr=0.1&") ||
		len(out.Data.X) != 3 || out.Data.X[2] != 2 || out.Data.Y[2] != 5 {
		t.Fatalf("query %s, data %v", out.Query, out.Data)
	}
	r := out.Runs[0]
	if p := r.Points[1]; math.Abs(p[0]-(0.25+1.0/12)) > 1e-15 || math.Abs(p[1]-3.35) > 1e-15 {
		t.Errorf("first step to %v, want (1/3, 3.35)", p)
	}
	if l := r.Loss[0]; math.Abs(l-(2.5*2.5+0.75*0.75+1)/3) > 1e-15 {
		t.Errorf("loss at the start %v", l)
	}
	if p := r.Points[200]; math.Abs(p[0]-2) > 1e-3 || math.Abs(p[1]-1) > 1e-3 {
		t.Errorf("after 200 steps at %v, want near the fit (2, 1)", p)
	}
	for q, says := range map[string]string{
		"fn=linreg&data=0,1,abc,3":        `data: "abc" (number 3 of 4) is not a number`,
		"fn=linreg&data=0,1,1":            "data: 3 numbers, which are not x,y pairs",
		"fn=linreg&data=1,2":              "data: a line needs at least 2 points, not 1",
		"fn=linreg&data=1,2,1,3":          "data: every x is 1",
		"fn=linreg&data=0,1,1,1e7":        "data: point 2: y = 1e+07 is beyond ±1e+06",
		"fn=booth&data=0,1,1,2":           "data: does not apply here",
		"fn=linreg&n=4&data=0,1,1,2":      "n: does not apply here",
		"fn=linreg&data=" + many(201):     "data: 201 points, more than the 200 allowed",
		"fn=linreg&data=0,1,1,2&batch=-1": "batch: -1 is out of range",
	} {
		code, stdout, stderr := trace(q)
		if code != 2 || stdout != "" || !strings.Contains(stderr, says) || strings.Count(stderr, "\n") != 1 {
			t.Errorf("%.60q: exit %d, stdout %.60q, stderr %q; want %q", q, code, stdout, stderr, says)
		}
	}
}

// many returns n points "0,0,1,1,…" for the key data.
func many(n int) string {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strconv.Itoa(i) + "," + strconv.Itoa(i))
	}
	return b.String()
}
