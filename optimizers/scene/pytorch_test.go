package scene

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/optimplay/optimplay/optimizers"
)

// torchCase is a scene whose PyTorch script must print the trace's CSV.
type torchCase struct {
	name, query string
}

// torchCases cover every optimizer PyTorch export translates (with the
// hyperparameters that change which torch class or option it uses), every
// surface, every schedule, noise, minibatches, runs that diverge or escape,
// the edge cases of the step count, and the mistakes of lesson 8 with
// minibatches of 1 and 10, the full batch, noise and weight decay.
var torchCases = []torchCase{
	{"optimizers-1", "fn=rosenbrock&opt=gd,sgd,momentum,nesterov,adagrad,rmsprop,adadelta,adam&lr=0.001" +
		"&adagrad.lr=0.1&rmsprop.lr=0.01&adadelta.lr=1&adam.lr=0.05&steps=60"},
	{"optimizers-2", "fn=beale&opt=amsgrad,adamax,adamw,nadam,lion&lr=0.02&lion.lr=0.01&steps=60"},
	{"options", "fn=booth&opt=momentum,rmsprop,adam,adamw,amsgrad,adagrad,lion,nadam&lr=0.05" +
		"&momentum.nesterov=1&momentum.wd=0.1&rmsprop.centered=1&rmsprop.mom=0.5&rmsprop.wd=0.01" +
		"&adam.bias=0&adam.wd=0.01&adamw.bias=0&adamw.amsgrad=1&adamw.wd=0.1&amsgrad.bias=0" +
		"&adagrad.iav=0.1&adagrad.wd=0.05&lion.wd=0.1&nadam.wd=0.02&nadam.b1=0.8&steps=40"},
	{"options-2", "fn=himmelblau&opt=adam,adamax,adadelta,sgd,adamw&lr=0.03&adam.amsgrad=1&adam.wd=0.1" +
		"&adamax.wd=0.05&adamax.b2=0.99&adadelta.lr=2&adadelta.rho=0.8&adadelta.wd=0.01&sgd.lr=0.01&sgd.wd=0.1" +
		"&adamw.amsgrad=1&adamw.b1=0.5&steps=40"},
	{"schedules-1", "fn=quadratic&kappa=5&opt=gd,momentum,adam,lion,nadam,adagrad&lr=0.1&sched=step&gamma=0.7" +
		"&every=7&adam.sched=exp&adam.gamma=0.95&lion.sched=cosine&lion.tmax=12&lion.lrmin=0.01" +
		"&nadam.sched=warmcos&nadam.warmup=5&nadam.lrmin=0.001&adagrad.sched=warmcos&adagrad.warmup=1&steps=40"},
	{"schedules-2", "fn=himmelblau&opt=rmsprop,adadelta,adamw,adamax,sgd,amsgrad,nesterov&lr=0.02&adadelta.lr=1" +
		"&sched=cosine&adadelta.sched=step&adamw.sched=warmcos&adamax.sched=exp&nesterov.sched=warmcos&steps=50"},
	{"schedules-long", "fn=rosenbrock&opt=adam,lion&lr=0.02&sched=cosine&tmax=100&lion.sched=warmcos" +
		"&lion.warmup=30&lion.lrmin=0.001&steps=400"},
	{"noise", "fn=booth&opt=gd,sgd,adam,lion&lr=0.02&noise=1&seed=7&steps=40"},
	{"minibatch", "fn=linreg&n=50&batch=8&opt=gd,sgd,momentum,adam&lr=0.1&adam.lr=0.05&steps=60"},
	{"minibatch-noise", "fn=linreg&n=30&batch=4&noise=0.3&opt=sgd,nadam,gd,lion&lr=0.05&lion.lr=0.01" +
		"&sched=exp&steps=40&seed=3"},
	{"linreg", "fn=linreg&opt=gd,adam&lr=0.1&steps=50"},
	{"diverged", "fn=quadratic&opt=gd,momentum,adam&lr=0.25&adam.lr=0.1&steps=100"},
	{"diverged-far", "fn=rosenbrock&x0=-2,2&opt=sgd,adagrad,lion&lr=0.01&adagrad.lr=5&lion.lr=10&steps=30"},
	{"escaped", "fn=saddle&opt=gd,adam&lr=0.1&steps=200"},
	{"matyas", "fn=matyas&opt=gd,adam&lr=0.5&adam.lr=0.1&steps=30"},
	{"rastrigin", "fn=rastrigin&opt=gd,adam&lr=0.002&adam.lr=0.05&steps=30"},
	{"sixhump", "fn=sixhump&opt=gd,adam&lr=0.01&steps=30"},
	{"styblinski", "fn=styblinski&opt=gd,adam&lr=0.01&adam.lr=0.1&steps=30"},
	{"twowell", "fn=twowell&opt=gd,adam&lr=0.01&adam.lr=0.05&steps=30"},
	{"quadratic", "fn=quadratic&kappa=0.5&x0=-0,1&opt=gd,nesterov&lr=0.3&steps=30"},
	{"no-steps", "fn=linreg&n=10&batch=3&noise=1&opt=sgd,gd&sched=warmcos&steps=0"},
	{"one-step", "fn=booth&opt=adam,gd&sched=warmcos&steps=1"},
	{"mistakes-batch1", "fn=linreg&lesson=8&batch=1&noise=0.5&opt=wrong-sgd-first,wrong-sgd-sum,wrong-adam-nobias," +
		"wrong-adam-denom,wrong-adam-epsin,wrong-adam-residual,sgd,gd&lr=0.02&wd=0.05&steps=60&seed=4"},
	{"mistakes-batch10", "fn=linreg&lesson=8&batch=10&opt=wrong-sgd-first,wrong-sgd-sum,wrong-adam-nobias," +
		"wrong-adam-denom,wrong-adam-epsin,wrong-adam-residual,sgd,adam&lr=0.01&wd=0.01&wrong-sgd-sum.lr=0.1" +
		"&wrong-adam-epsin.eps=0.1&wrong-adam-denom.sched=cosine&steps=80"}, // wrong-sgd-sum diverges
	{"mistakes-full", "fn=linreg&n=30&lesson=8&opt=wrong-sgd-first,wrong-sgd-sum,wrong-adam-residual," +
		"wrong-adam-denom,gd&lr=0.01&wd=0.1&steps=50"},
	{"mistakes-full-noise", "fn=linreg&n=20&batch=20&noise=1&lesson=8&opt=wrong-sgd-first,wrong-sgd-sum," +
		"wrong-adam-residual,sgd&lr=0.02&steps=40&seed=9"},
	// Formulas typed by a user, as torch expressions: every function.
	{"custom-rosenbrock", "fn=custom&f=" + url.QueryEscape("(1-x)^2 + 100*(y-x^2)^2") + "&xr=-2,2&yr=-1,3&opt=adam,momentum&lr=0.001&adam.lr=0.05&steps=40"},
	{"custom-functions", "fn=custom&f=" + url.QueryEscape("sin(x)*cos(y) + 0.1*(x^2+y^2) + tanh(x-y)/3 + sigmoid(y)*exp(-x^2/4)") +
		"&opt=gd,adam,rmsprop&lr=0.05&steps=40&noise=0.2"},
	{"custom-more", "fn=custom&f=" + url.QueryEscape("softplus(x) + log(1 + y^2) + sqrt(x^2 + 1) + abs(x - 1)/4 + min(x, y)^2/10 + max(x, 0) + pow(y, 2)/5 - tan(x/10) + pi/e") +
		"&xr=-3,3&yr=-3,3&opt=adam,nadam&lr=0.02&steps=40"},
}

// inexactLoss are the surfaces whose loss at the start may differ from
// the core's in the last bit: torch's cos and exp are not the core's, and
// torch sums linreg's squared residuals in another order.
var inexactLoss = []string{"rastrigin", "twowell", "linreg"}

// torchPython returns the Python with PyTorch to run the scripts with, or
// skips the test when there is none (fails it on CI).
func torchPython(t *testing.T) string {
	t.Helper()
	const python = "/usr/bin/python3"
	if out, err := exec.Command(python, "-c", "import torch").CombinedOutput(); err != nil {
		msg := python + " cannot import torch (apt-get install python3-torch): " + strings.TrimSpace(string(out)) + " " + err.Error()
		if os.Getenv("CI") == "true" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	return python
}

// torchDriver runs the scripts given as arguments in one interpreter (one
// import of torch), each with warnings always shown, and prints a JSON list
// of their stdout, stderr and uncaught exception.
const torchDriver = `import contextlib, io, json, runpy, sys, traceback, warnings
out = []
for path in sys.argv[1:]:
    stdout, stderr, error = io.StringIO(), io.StringIO(), ""
    with warnings.catch_warnings(), contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        warnings.simplefilter("always")
        try:
            runpy.run_path(path, run_name="__main__")
        except BaseException:
            error = traceback.format_exc()
    out.append(dict(stdout=stdout.getvalue(), stderr=stderr.getvalue(), error=error))
json.dump(out, sys.stdout)
`

// TestPyTorchMatchesTrace runs the script of every case with PyTorch and
// compares what it prints with the trace's CSV: the same header, the same
// rows (opt and step, so runs stop at the same step), every number within
// 1e-9 relative (1e-12 absolute near zero), and the start rows textually
// equal where the loss is computed with the same operations.
func TestPyTorchMatchesTrace(t *testing.T) {
	python := torchPython(t)
	dir := t.TempDir()
	args := []string{filepath.Join(dir, "driver.py")}
	if err := os.WriteFile(args[0], []byte(torchDriver), 0o644); err != nil {
		t.Fatal(err)
	}
	wants := make([]string, len(torchCases))
	scenes := make([]Scene, len(torchCases))
	for i, c := range torchCases {
		s, notices := Parse(c.query)
		if len(notices) > 0 {
			t.Fatalf("%s: %v", c.name, notices)
		}
		scenes[i] = s
		surf, trajs, err := s.Run()
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		var csv, script bytes.Buffer
		if err := NewTrace(s, surf, trajs).WriteCSV(&csv); err != nil {
			t.Fatal(err)
		}
		wants[i] = csv.String()
		if err := WritePyTorch(&script, s); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		path := filepath.Join(dir, c.name+".py")
		if err := os.WriteFile(path, script.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, path)
	}
	cmd := exec.Command(python, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%v: %s", err, stderr.String())
	}
	var results []struct{ Stdout, Stderr, Error string }
	if err := json.Unmarshal(out, &results); err != nil || len(results) != len(torchCases) {
		t.Fatalf("driver output: %v, %d results", err, len(results))
	}
	var rows, exact int
	var worst float64
	for i, c := range torchCases {
		r := results[i]
		if r.Error != "" || r.Stderr != "" {
			t.Errorf("%s: the script failed or warned:\n%s%s", c.name, r.Stderr, r.Error)
			continue
		}
		n, e, w := compareCSV(t, c.name, r.Stdout, wants[i], !slices.Contains(inexactLoss, scenes[i].Fn))
		t.Logf("%s: %d rows, %d textually equal, largest relative difference %.3g", c.name, n, e, w)
		rows, exact, worst = rows+n, exact+e, max(worst, w)
	}
	t.Logf("in all: %d rows, %d textually equal, largest relative difference %.3g", rows, exact, worst)
}

// compareCSV compares the script's CSV got with the trace's want; with
// exactStart, the rows of step 0 must be textually equal. It returns the
// number of rows, how many are textually equal, and the largest relative
// difference of a number of magnitude 1e-3 or more.
func compareCSV(t *testing.T, name, got, want string, exactStart bool) (rows, exact int, worst float64) {
	t.Helper()
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	if len(g) != len(w) {
		t.Errorf("%s: %d lines, the trace has %d\ngot:\n%s\nwant:\n%s", name, len(g), len(w), got, want)
		return 0, 0, 0
	}
	if g[0] != w[0] || g[len(g)-1] != "" {
		t.Errorf("%s: header %q, want %q; or no final newline", name, g[0], w[0])
	}
	for i := 1; i < len(w)-1; i++ {
		rows++
		if g[i] == w[i] {
			exact++
			continue
		}
		gf, wf := strings.Split(g[i], ","), strings.Split(w[i], ",")
		if len(gf) != 5 || len(wf) != 5 || gf[0] != wf[0] || gf[1] != wf[1] {
			t.Errorf("%s line %d: %q, want %q", name, i+1, g[i], w[i])
			continue
		}
		if exactStart && wf[1] == "0" {
			t.Errorf("%s line %d: %q, want exactly %q", name, i+1, g[i], w[i])
		}
		for k := 2; k < 5; k++ {
			a, errA := strconv.ParseFloat(gf[k], 64)
			b, errB := strconv.ParseFloat(wf[k], 64)
			if err := errors.Join(errA, errB); err != nil {
				t.Errorf("%s line %d: %v", name, i+1, err)
				continue
			}
			d, size := math.Abs(a-b), math.Max(math.Abs(a), math.Abs(b))
			if size >= 1e-3 {
				worst = max(worst, d/size)
			}
			if d > 1e-12 && d > 1e-9*size {
				t.Errorf("%s line %d: %s, the trace has %s (column %d)", name, i+1, gf[k], wf[k], k+1)
			}
		}
	}
	return rows, exact, worst
}

// TestWritePyTorchScript checks the script's text without Python: it is
// the same every time, has no literal that Python cannot read, builds each
// run as its optimizer needs, gives gd alone the exact gradient in a
// stochastic scene, and the mistakes of lesson 8 their WRONG comment and
// gradient.
func TestWritePyTorchScript(t *testing.T) {
	badLiteral := regexp.MustCompile(`(?i)\b(nan|inf|infinity)\b`)
	for _, c := range torchCases {
		s, _ := Parse(c.query)
		var a, b bytes.Buffer
		if err := WritePyTorch(&a, s); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if err := WritePyTorch(&b, s); err != nil || a.String() != b.String() {
			t.Errorf("%s: the script changes from one call to the next", c.name)
		}
		script := a.String()
		if m := badLiteral.FindString(script); m != "" {
			t.Errorf("%s: the script has %q", c.name, m)
		}
		if !strings.Contains(script, "\n    "+Encode(s)+"\n") || !strings.HasSuffix(script, "\n") {
			t.Errorf("%s: no query line, or no final newline", c.name)
		}
		stochastic := s.Noise > 0 || s.Batch > 0
		for _, r := range s.Runs {
			call := `run("` + r.Opt + `", make_` + pyIdent(r.Opt)
			if r.Opt == "gd" && stochastic {
				call += ", exact=True"
			}
			spec, _ := optimizers.LookupSpec(r.Opt)
			if spec.Gradient != optimizers.TrueGradient {
				call += ", wrong_grad=" + pyFeedName(spec.Gradient)
				if !strings.Contains(pyMistakes[r.Opt], pyFeedName(spec.Gradient)) ||
					!strings.Contains(script, "\ndef "+pyFeedName(spec.Gradient)+"(p, t):\n") {
					t.Errorf("%s: %s's comment or function does not name %s", c.name, r.Opt, pyFeedName(spec.Gradient))
				}
			}
			if !strings.Contains(script, "\n"+call+")\n") {
				t.Errorf("%s: no %s)", c.name, call)
			}
			wrong := "def make_" + pyIdent(r.Opt) + "(p):\n    # WRONG on purpose (lesson 8): "
			if strings.Contains(script, wrong) != (spec.Mirrors != "") {
				t.Errorf("%s: has %q is %v", c.name, wrong, spec.Mirrors == "")
			}
		}
		for _, w := range []struct {
			class string
			uses  bool
		}{
			{"class NAdam(", slices.ContainsFunc(s.Runs, func(r Run) bool { return r.Opt == "nadam" })},
			{"class Lion(", slices.ContainsFunc(s.Runs, func(r Run) bool { return r.Opt == "lion" })},
			{"class AdamWithoutBiasCorrection(", slices.ContainsFunc(s.Runs, func(r Run) bool {
				return strings.HasPrefix(r.Opt, "adam") && r.Opt != "adamax" && r.Hyper["bias"] == 0 ||
					r.Opt == "wrong-adam-nobias"
			})},
			{"class WrongAdam(", slices.ContainsFunc(s.Runs, func(r Run) bool {
				return r.Opt == "wrong-adam-denom" || r.Opt == "wrong-adam-epsin"
			})},
			{"are mistakes of lesson 8", slices.ContainsFunc(s.Runs, func(r Run) bool { return optimizers.IsMistake(r.Opt) })},
			{"torch.optim.NAdam(", false},
			{"NOISE = ", s.Noise > 0},
			{"BATCHES = ", s.Batch > 0},
			{"import warnings", slices.ContainsFunc(s.Runs, func(r Run) bool { return r.Sched.Name == "warmcos" })},
		} {
			if strings.Contains(script, w.class) != w.uses {
				t.Errorf("%s: has %q is %v", c.name, w.class, !w.uses)
			}
		}
	}
}

// TestWritePyTorchCoverage: the cases run every optimizer that the export
// translates, and every surface; the registered optimizers of the core
// and the mistakes of lesson 8 all translate.
func TestWritePyTorchCoverage(t *testing.T) {
	opts, fns := map[string]bool{}, map[string]bool{}
	for _, c := range torchCases {
		s, _ := Parse(c.query)
		fns[s.Fn] = true
		for _, r := range s.Runs {
			opts[r.Opt] = true
		}
	}
	for _, fn := range optimizers.SurfaceNames() {
		if !fns[fn] {
			t.Errorf("no case on the surface %s", fn)
		}
	}
	for _, spec := range optimizers.Specs() {
		s, _ := Parse("opt=" + spec.Name)
		err := WritePyTorch(&bytes.Buffer{}, s)
		if err == nil && !opts[spec.Name] {
			t.Errorf("no case runs %s", spec.Name)
		}
	}
	for _, name := range []string{"gd", "sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adadelta",
		"adam", "amsgrad", "adamax", "adamw", "nadam", "lion"} {
		s, notices := Parse("opt=" + name)
		if err := WritePyTorch(&bytes.Buffer{}, s); err != nil || len(notices) > 0 {
			t.Errorf("%s: %v %v", name, err, notices)
		}
	}
	for _, spec := range optimizers.Mistakes() {
		s, notices := Parse("fn=linreg&lesson=8&opt=" + spec.Name)
		if err := WritePyTorch(&bytes.Buffer{}, s); err != nil || len(notices) > 0 {
			t.Errorf("%s: %v %v", spec.Name, err, notices)
		}
		if !opts[spec.Name] {
			t.Errorf("no case runs %s", spec.Name)
		}
	}
}

// TestWritePyTorchErrors: an optimizer without a translation and a scene
// that cannot run are errors.
func TestWritePyTorchErrors(t *testing.T) {
	bad := Default()
	bad.Runs = []Run{{Opt: "nosuch"}}
	batchless := Default()
	batchless.Batch = 5 // rosenbrock has no data set
	for name, s := range map[string]Scene{"unknown optimizer": bad, "batch without data": batchless} {
		if err := WritePyTorch(&bytes.Buffer{}, s); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	if _, _, err := pyOptimizer(Run{Opt: "nosuch"}); err == nil {
		t.Error("pyOptimizer: no error for an unknown optimizer")
	}
}

// TestPyFloat checks Python's repr of floats, written by hand.
func TestPyFloat(t *testing.T) {
	for _, c := range []struct {
		v    float64
		want string
	}{
		{0, "0.0"}, {math.Copysign(0, -1), "-0.0"}, {1, "1.0"}, {-2.5, "-2.5"}, {100, "100.0"},
		{0.1, "0.1"}, {1e-4, "0.0001"}, {1e-5, "1e-05"}, {1.5e-8, "1.5e-08"}, {123456789, "123456789.0"},
		{1e15, "1000000000000000.0"}, {1e16, "1e+16"}, {1.2345e300, "1.2345e+300"}, {5e-324, "5e-324"},
		{0.30000000000000004, "0.30000000000000004"},
	} {
		if got := pyFloat(c.v); got != c.want {
			t.Errorf("pyFloat(%v) = %s, want %s", c.v, got, c.want)
		}
	}
}
