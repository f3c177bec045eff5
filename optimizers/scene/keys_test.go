package scene

import (
	"net/url"
	"testing"
)

// TestIsKey: every key of a canonical query is a scene key, the page's
// keys are not.
func TestIsKey(t *testing.T) {
	for _, query := range []string{
		"fn=linreg&opt=sgd,adam&batch=10&noise=0.1&adam.sched=warmcos&adam.warmup=5",
		"fn=quadratic&kappa=30&opt=momentum,nesterov&mom=0.5&sched=step&every=10&gamma=0.5",
		"fn=rosenbrock&opt=adam,adamw&b1=0.8&wd=0.1&sched=cosine&tmax=20&lrmin=0.001",
	} {
		s, notices := Parse(query)
		if len(notices) > 0 {
			t.Fatalf("%q: %v", query, notices)
		}
		q, _ := url.ParseQuery(Encode(s))
		for k := range q {
			if !IsKey(k) {
				t.Errorf("%s of %q is not a scene key", k, Encode(s))
			}
		}
	}
	for _, k := range []string{"lang", "step", "speed", "embed", "show", "lock", "autoplay", "bench", "", "adam.", "x"} {
		if IsKey(k) {
			t.Errorf("IsKey(%q)", k)
		}
	}
}
