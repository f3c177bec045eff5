package session

import (
	"net/url"
	"reflect"
	"testing"

	"github.com/optimplay/optimplay/optimizers/scene"
)

// FuzzPageQuery feeds arbitrary queries to a whole page's session: it must
// not fail or panic, must draw a frame, and its link must give the same
// session back without notices. The seed corpus is in
// testdata/fuzz/FuzzPageQuery.
func FuzzPageQuery(f *testing.F) {
	f.Add("fn=linreg&batch=5&opt=sgd,adam&lr=0.1&step=3&embed=1&show=surface,lr&lock=1")
	f.Fuzz(func(t *testing.T, raw string) {
		s, _, err := New(raw)
		if err != nil {
			t.Fatalf("%q: %v", raw, err)
		}
		if _, err := s.Frame(nil); err != nil {
			t.Fatalf("%q: frame: %v", raw, err)
		}
		again, notices, err := New(s.Query())
		if err != nil || len(notices) > 0 {
			t.Fatalf("%q → %q: %v %v", raw, s.Query(), notices, err)
		}
		if !reflect.DeepEqual(again.Scene(), s.Scene()) || !reflect.DeepEqual(again.View(), s.View()) {
			t.Fatalf("%q → %q: another session", raw, s.Query())
		}
		q, _ := url.ParseQuery(raw)
		if v, _ := DecodeView(q); v.Step > scene.MaxSteps {
			t.Fatalf("step %d", v.Step)
		}
	})
}
