package scene

import (
	"reflect"
	"testing"
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
