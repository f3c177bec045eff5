package scene

import (
	"math"
	"math/rand/v2"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/optimplay/optimplay/optimizers"
)

// randomData draws a data set optimizers.CheckLinRegData accepts, at a
// random scale and offset, its numbers sometimes whole.
func randomData(rng *rand.Rand) [][2]float64 {
	for {
		n := 2 + rng.IntN(optimizers.MaxDataPoints-1)
		sx, sy := math.Pow(10, -6+12*rng.Float64()), math.Pow(10, -6+12*rng.Float64())
		ox, oy := sx*rng.NormFloat64()*10, sy*rng.NormFloat64()*10
		whole := rng.IntN(4) == 0
		pts := make([][2]float64, n)
		x, y := make([]float64, n), make([]float64, n)
		for i := range pts {
			x[i], y[i] = ox+sx*rng.Float64(), oy+sy*rng.NormFloat64()
			if whole {
				x[i], y[i] = math.Round(x[i]), math.Round(y[i])
			}
			pts[i] = [2]float64{x[i], y[i]}
		}
		if optimizers.CheckLinRegData(x, y) == nil {
			return pts
		}
	}
}

// TestData decodes given data sets: the surface is built from them, n is
// their number of points, and the start is the one NewLinRegFrom derives.
func TestData(t *testing.T) {
	for _, c := range []struct {
		query string
		data  [][2]float64
		x0    [2]float64
	}{
		{"fn=linreg&data=0,1,1,3,2,5", [][2]float64{{0, 1}, {1, 3}, {2, 5}}, [2]float64{0.25, 3.5}},
		{"fn=linreg&data= 0 , 1 ,1,3,2,5&n=3", [][2]float64{{0, 1}, {1, 3}, {2, 5}}, [2]float64{0.25, 3.5}},
		{"fn=linreg&n=2.0&data=-1,0,1,-0", [][2]float64{{-1, 0}, {1, 0}}, [2]float64{-0.35, 0.5}},
		{"fn=linreg&data=0x1p-1,1e0,2,3&x0=0,0", [][2]float64{{0.5, 1}, {2, 3}}, [2]float64{0, 0}},
	} {
		s, notices := Parse(c.query)
		if len(notices) > 0 || !reflect.DeepEqual(s.Data, c.data) || s.N != len(c.data) || s.X0 != c.x0 {
			t.Errorf("%q: data %v, n %d, x0 %v, notices %v; want %v, %v", c.query, s.Data, s.N, s.X0, notices, c.data, c.x0)
		}
		checkScene(t, s)
	}
	s, _ := Parse("fn=linreg&data=0,1,1,3,2,5&opt=gd")
	surf, err := s.Surface()
	if err != nil {
		t.Fatal(err)
	}
	if lm := surf.Landmarks[0]; math.Abs(lm.At[0]-2) > 1e-12 || math.Abs(lm.At[1]-1) > 1e-12 || lm.F != 0 {
		t.Errorf("minimum %+v, want f(2, 1) = 0", lm)
	}
}

// TestDataNotices lists the data sets decoding drops, for the data drawn
// from n and seed, and what it says.
func TestDataNotices(t *testing.T) {
	many := strings.Repeat("1,2,", optimizers.MaxDataPoints) + "3,4"
	for _, c := range []struct {
		query string
		kind  NoticeKind
		key   string
		says  string // in the notice's String
		data  bool   // the data set is kept
	}{
		{"fn=linreg&data=0,1,abc,3", NotNumber, "data", `data: "abc" (number 3 of 4) is not a number; using the default`, false},
		{"fn=linreg&data=0,1,NaN,3", NotNumber, "data", `"NaN" (number 3 of 4) is not a number`, false},
		{"fn=linreg&data=", NotNumber, "data", `"" (number 1 of 1) is not a number`, false},
		{"fn=linreg&data=0,1,,3", NotNumber, "data", `"" (number 3 of 4)`, false},
		{"fn=linreg&data=0%3B1,1%3B2", NotNumber, "data", `"0;1" (number 1 of 2)`, false},
		{"fn=linreg&data=0,1,1", Invalid, "data", "data: 3 numbers, which are not x,y pairs; using the default", false},
		{"fn=linreg&data=" + many, Invalid, "data", "data: 201 points, more than the 200 allowed; using the default", false},
		{"fn=linreg&data=1,2", Invalid, "data", "data: a line needs at least 2 points, not 1", false},
		{"fn=linreg&data=1,2,1,3,1,4", Invalid, "data", "data: every x is 1: every line through (1, mean y) fits equally well", false},
		{"fn=linreg&data=1,2,1.0000000001,3", Invalid, "data", "data: x spreads over only", false},
		{"fn=linreg&data=0,1,1,2e6", Invalid, "data", "data: point 2: y = 2e+06 is beyond ±1e+06", false},
		{"fn=linreg&data=0,1,inf,2", Invalid, "data", "data: point 2: x = +Inf is not a finite number", false},
		{"fn=linreg&data=0,1,1e999,2", Invalid, "data", "data: point 2: x = +Inf is not a finite number", false},
		{"fn=booth&data=0,1,1,2", NotApplicable, "data", "data: does not apply here; ignored", false},
		{"data=0,1,1,2", NotApplicable, "data", "data: does not apply here", false},
		{"fn=linreg&n=5&data=0,1,1,2", NotApplicable, "n", "n: does not apply here; ignored", true},
		{"fn=linreg&n=x&data=0,1,1,2", NotApplicable, "n", "n: does not apply here; ignored", true},
		{"fn=linreg&data=0,1,1,2&batch=3", Clamped, "batch", "batch: 3 is out of range; using 2", true},
	} {
		s, notices := Parse(c.query)
		if len(notices) != 1 || notices[0].Kind != c.kind || notices[0].Key != c.key || !strings.Contains(notices[0].String(), c.says) {
			t.Errorf("%q: notices %v (%+v), want %v of %s saying %q", c.query, notices, notices, c.kind, c.key, c.says)
			continue
		}
		if c.data != (s.Data != nil) || s.Data == nil && s.N != optimizers.DefaultSurfaceParams().N {
			t.Errorf("%q: data %v, n %d", c.query, s.Data, s.N)
		}
		if n := notices[0]; c.key == "data" && c.kind != NotApplicable && n.Used != UsedDefault {
			t.Errorf("%q: used %q, want %q", c.query, n.Used, UsedDefault)
		}
		checkScene(t, s)
	}
}

// TestDataEncode checks the canonical query of a scene with data against
// one written out by hand: data follows n, and n is its number of points.
func TestDataEncode(t *testing.T) {
	// The second: Δx ≈ 1e6, Δy ≈ 1e6 give the units 0.2 and 2e5; the fit is
	// about (−1, 1.25), so the start is (−1 − 7·0.1, 0 + 5·1e5).
	for _, c := range []struct{ query, want string }{
		{"opt=gd&data=2,5,1,3,0,1&fn=linreg", "fn=linreg&n=3&data=2,5,1,3,0,1&x0=0.25,3.5&opt=gd&lr=0.001&wd=0&steps=100&noise=0&batch=0&seed=1"},
		{"fn=linreg&data=0.10,-0,1e-7,2.50,1000000,-1e6&seed=7&batch=2&opt=sgd",
			"fn=linreg&n=3&data=0.1,0,1e-07,2.5,1e%2B06,-1e%2B06&x0=-1.7,500000&opt=sgd&lr=0.001&wd=0&steps=100&noise=0&batch=2&seed=7"},
	} {
		s, notices := Parse(c.query)
		if len(notices) > 0 {
			t.Fatalf("%q: %v", c.query, notices)
		}
		if got := Encode(s); got != c.want {
			t.Errorf("Encode =\n%s\nwant\n%s", got, c.want)
		}
	}
	if !IsKey("data") {
		t.Error(`IsKey("data") = false`)
	}
}

// TestDataRoundTrip: Decode(Encode(s)) = s, exactly, for random data sets
// at every scale.
func TestDataRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for range 300 {
		s := Default()
		s.Fn, s.Data = "linreg", randomData(rng)
		s.N = len(s.Data)
		surf, err := s.Surface()
		if err != nil {
			t.Fatal(err)
		}
		s.X0 = surf.Start
		q := Encode(s)
		got, notices := Parse(q)
		if len(notices) > 0 || !reflect.DeepEqual(got, s) {
			t.Fatalf("%s\ndecodes to %+v with %v", q, got.Data, notices)
		}
	}
}

// TestDataRuns: the seed still draws the minibatches (the same with data
// as without), and a trace records the data set given.
func TestDataRuns(t *testing.T) {
	pts := make([]string, 0, 40)
	for i := range 20 {
		pts = append(pts, strconv.Itoa(i), strconv.Itoa(3*i%7))
	}
	q := "fn=linreg&opt=sgd&batch=4&steps=5&data=" + strings.Join(pts, ",")
	a, _ := Parse(q + "&seed=1")
	b, _ := Parse(q + "&seed=2")
	_, ta, err := a.Run()
	if err != nil {
		t.Fatal(err)
	}
	_, tb, err := b.Run()
	if err != nil {
		t.Fatal(err)
	}
	if reflect.DeepEqual(ta[0].Points, tb[0].Points) {
		t.Error("the seed does not draw the minibatches")
	}
	surf, trajs, _ := a.Run()
	tr := NewTrace(a, surf, trajs)
	if tr.Data == nil || len(tr.Data.X) != 20 || tr.Data.X[3] != 3 || tr.Data.Y[3] != 2 || tr.Query != Encode(a) {
		t.Errorf("trace data %+v, query %s", tr.Data, tr.Query)
	}
	var py strings.Builder
	if err := WritePyTorch(&py, a); err != nil || !strings.Contains(py.String(), "the link gives (data=)") {
		t.Errorf("%v: %s", err, py.String())
	}
}
