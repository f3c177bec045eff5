package main

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"
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
	} {
		code, stdout, stderr := trace(args...)
		if code != 2 || stdout != "" || !strings.HasPrefix(stderr, "trace: ") || strings.Count(stderr, "\n") != 1 {
			t.Errorf("%q: exit %d, stdout %q, stderr %q", args, code, stdout, stderr)
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
