package scene

import (
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/optimplay/optimplay/optimizers"
)

// Encode writes the scene as a query string in canonical form: keys in the
// schema's order, every key that applies written out (so a link does not
// change meaning if a default changes), a hyperparameter written once when
// every optimizer it applies to shares its value and as "name.key"
// otherwise; the schedule keys likewise, when a run has a schedule; the
// lesson last, when there is one. A data set follows n, every number in
// its shortest exact form.
// Decode(Encode(s)) gives s back for any scene Decode returns.
func Encode(s Scene) string {
	var b strings.Builder
	add := func(key, value string) {
		if b.Len() > 0 {
			b.WriteByte('&')
		}
		b.WriteString(key)
		b.WriteByte('=')
		// Commas separate lists and coordinates; they need no escape.
		b.WriteString(strings.ReplaceAll(url.QueryEscape(value), "%2C", ","))
	}
	add("fn", s.Fn)
	switch s.Fn {
	case "quadratic":
		add("kappa", fmtFloat(s.Kappa))
	case CustomFn:
		add("f", s.Formula)
		add("xr", fmtPoint(s.XR))
		add("yr", fmtPoint(s.YR))
	case "linreg":
		add("n", strconv.Itoa(s.N))
		if s.Data != nil {
			add("data", fmtData(s.Data))
		}
	}
	add("x0", fmtPoint(s.X0))
	names := make([]string, len(s.Runs))
	for i, r := range s.Runs {
		names[i] = r.Opt
	}
	add("opt", strings.Join(names, ","))
	var own []string // name.key pairs, in run order then key order
	for _, p := range optimizers.Params {
		var users []Run
		for _, r := range s.Runs {
			if spec, ok := optimizers.LookupSpec(r.Opt); ok && slices.Contains(spec.Keys, p.Key) {
				users = append(users, r)
			}
		}
		if len(users) == 0 {
			continue
		}
		shared := true
		for _, r := range users[1:] {
			shared = shared && r.Hyper[p.Key] == users[0].Hyper[p.Key]
		}
		if shared {
			add(p.Key, fmtFloat(users[0].Hyper[p.Key]))
			continue
		}
		for _, r := range users {
			own = append(own, r.Opt+"."+p.Key+"="+fmtFloat(r.Hyper[p.Key]))
		}
	}
	slices.SortStableFunc(own, func(a, b string) int {
		return slices.Index(names, a[:strings.IndexByte(a, '.')]) - slices.Index(names, b[:strings.IndexByte(b, '.')])
	})
	for _, kv := range own {
		key, value, _ := strings.Cut(kv, "=")
		add(key, value)
	}
	for _, kv := range encodeScheds(s.Runs) {
		key, value, _ := strings.Cut(kv, "=")
		add(key, value)
	}
	add("steps", strconv.Itoa(s.Steps))
	add("noise", fmtFloat(s.Noise))
	if s.Fn == "linreg" {
		add("batch", strconv.Itoa(s.Batch))
	}
	add("seed", strconv.FormatUint(s.Seed, 10))
	if s.Lesson != 0 {
		add("lesson", strconv.Itoa(s.Lesson))
	}
	return b.String()
}
