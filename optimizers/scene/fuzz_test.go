package scene

import (
	"net/url"
	"reflect"
	"strings"
	"testing"

	"github.com/optimplay/optimplay/optimizers"
)

// FuzzParse feeds arbitrary query strings to the decoder: it must not
// panic, must return a valid scene (schedules included, see checkSched),
// must give the same notices in the same order when decoding again, and
// the scene's canonical query must decode to the same scene without
// notices. The seed corpus is in testdata/fuzz/FuzzParse.
func FuzzParse(f *testing.F) {
	f.Add("fn=rosenbrock&x0=-1.2,1&opt=adam&lr=0.01&b1=0.9&b2=0.999&eps=1e-8&steps=100")
	f.Fuzz(func(t *testing.T, raw string) {
		s, notices := Parse(raw)
		checkScene(t, s)
		if again, n := Parse(raw); !reflect.DeepEqual(again, s) || !reflect.DeepEqual(n, notices) {
			t.Fatalf("%q decodes to %+v with %v, then to %+v with %v", raw, s, notices, again, n)
		}
		q := Encode(s)
		again, notices := Parse(q)
		if len(notices) > 0 || !reflect.DeepEqual(again, s) {
			t.Fatalf("%q → %q → %+v with %v, want %+v", raw, q, again, notices, s)
		}
	})
}

// FuzzParseCSV feeds arbitrary text to the CSV reader: it must not panic,
// must keep x and y of one length and at most optimizers.MaxDataPoints
// points, must report every problem with a reason and a line of the text
// (0, for the whole text, last), and must read the same again. Without
// problems, the points must be a data set the surface accepts, read the
// same when written back as CSV, and ride in a link exactly: the key data
// decodes to them without notices. The seed corpus is in
// testdata/fuzz/FuzzParseCSV.
func FuzzParseCSV(f *testing.F) {
	f.Add("x,y\n0,1\n1,3\n2,5\n")
	f.Fuzz(func(t *testing.T, text string) {
		x, y, problems := ParseCSV(text)
		if len(x) != len(y) || len(x) > optimizers.MaxDataPoints {
			t.Fatalf("%d x, %d y", len(x), len(y))
		}
		lines, last := strings.Count(text, "\n")+1, 1
		for i, p := range problems {
			if p.Reason == nil || p.Line < 0 || p.Line > lines || p.Line == 0 && i != len(problems)-1 || p.Line != 0 && p.Line < last {
				t.Fatalf("problem %d of %v", i, problems)
			}
			last = p.Line
		}
		if x2, y2, p2 := ParseCSV(text); !reflect.DeepEqual(x2, x) || !reflect.DeepEqual(y2, y) || !reflect.DeepEqual(p2, problems) {
			t.Fatalf("%q reads differently again", text)
		}
		if len(problems) > 0 {
			return
		}
		if err := optimizers.CheckLinRegData(x, y); err != nil {
			t.Fatalf("%v %v without problems: %v", x, y, err)
		}
		var b strings.Builder
		pts := make([][2]float64, len(x))
		for i := range x {
			pts[i] = [2]float64{x[i], y[i]}
			b.WriteString(fmtPoint(pts[i]) + "\n")
		}
		if x2, y2, p2 := ParseCSV(b.String()); !reflect.DeepEqual(x2, x) || !reflect.DeepEqual(y2, y) || len(p2) > 0 {
			t.Fatalf("%q written back as %q reads %v %v %v", text, b.String(), x2, y2, p2)
		}
		s, notices := Decode(url.Values{"fn": {"linreg"}, "data": {fmtData(pts)}})
		if len(notices) > 0 || !reflect.DeepEqual(s.Data, pts) {
			t.Fatalf("data=%s decodes to %v with %v", fmtData(pts), s.Data, notices)
		}
	})
}
