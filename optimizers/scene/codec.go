package scene

import (
	"math"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/optimplay/optimplay/optimizers"
)

// Parse decodes a raw query string, such as "fn=booth&opt=adam&lr=0.1".
// A malformed query gives a Malformed notice and whatever could be read.
func Parse(rawQuery string) (Scene, []Notice) {
	q, err := url.ParseQuery(rawQuery)
	s, notices := Decode(q)
	if err != nil {
		n := NewNotice(Malformed, "", "", "")
		n.Detail = err.Error()
		notices = append([]Notice{n}, notices...)
	}
	return s, notices
}

// Decode turns query values into a scene. Decoding never fails: a value
// that cannot be used is replaced and reported in a Notice. When a key is
// repeated the last value counts.
func Decode(q url.Values) (Scene, []Notice) {
	d := decoder{q: q}
	return d.decode(), d.notices
}

type decoder struct {
	q       url.Values
	notices []Notice
}

func (d *decoder) note(n Notice) { d.notices = append(d.notices, n) }

// get returns the last value of key.
func (d *decoder) get(key string) (string, bool) { return Last(d.q, key) }

// Last returns the last value of key in q, trimmed: when a key is repeated
// the last value counts.
func Last(q url.Values, key string) (string, bool) {
	vs := q[key]
	if len(vs) == 0 {
		return "", false
	}
	return strings.TrimSpace(vs[len(vs)-1]), true
}

func fmtFloat(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

// number reads key as a number in [lo, hi] (a whole one when integer),
// returning def when it is absent or unusable.
func (d *decoder) number(key string, def, lo, hi float64, integer bool) float64 {
	raw, ok := d.get(key)
	if !ok {
		return def
	}
	if v, ok := d.parseNumber(key, raw, fmtFloat(def), lo, hi, integer); ok {
		return v
	}
	return def
}

// parseNumber reads raw as ParseNumber does and notes its notice.
func (d *decoder) parseNumber(key, raw, ifBad string, lo, hi float64, integer bool) (float64, bool) {
	v, ok, n := ParseNumber(key, raw, ifBad, lo, hi, integer)
	if n != nil {
		d.note(*n)
	}
	return v, ok
}

// ParseNumber reads the value raw of key as a number in [lo, hi] (a whole
// one when integer), clamping it into range, with a notice when it does;
// ok is false when raw is unusable, and the notice then says that ifBad is
// used instead.
func ParseNumber(key, raw, ifBad string, lo, hi float64, integer bool) (v float64, ok bool, notice *Notice) {
	v, ok = readNumber(raw)
	if !ok {
		n := NewNotice(NotNumber, key, raw, ifBad)
		return 0, false, &n
	}
	if integer && !math.IsInf(v, 0) && v != math.Trunc(v) {
		n := NewNotice(NotInteger, key, raw, ifBad)
		return 0, false, &n
	}
	if c := min(max(v, lo), hi); c != v {
		n := NewNotice(Clamped, key, raw, fmtFloat(c))
		return c, true, &n
	}
	if v == 0 {
		return 0, true, nil // not −0
	}
	return v, true, nil
}

// readNumber reads s as a number, ±Inf for one too large; ok is false
// when s is not a number, or is NaN.
func readNumber(s string) (v float64, ok bool) {
	v, err := strconv.ParseFloat(s, 64)
	return v, (err == nil || math.IsInf(v, 0)) && !math.IsNaN(v)
}

// ParseFlag reads the value raw of key as a flag, 0 or 1; ok is false,
// with a notice saying that ifBad is used instead, for anything else.
func ParseFlag(key, raw, ifBad string) (on, ok bool, notice *Notice) {
	if raw != "0" && raw != "1" {
		n := NewNotice(NotFlag, key, raw, ifBad)
		return false, false, &n
	}
	return raw == "1", true, nil
}

// UsedDefault is a Notice's Used when an unusable hyperparameter is
// replaced by each optimizer's own default.
const UsedDefault = "the default"

// param reads a hyperparameter value; ok is false when it is unusable.
func (d *decoder) param(key, raw string, p optimizers.Param) (float64, bool) {
	if p.Scale == optimizers.Flag {
		on, ok, n := ParseFlag(key, raw, UsedDefault)
		if n != nil {
			d.note(*n)
		}
		if on {
			return 1, ok
		}
		return 0, ok
	}
	return d.parseNumber(key, raw, UsedDefault, p.Min, p.Max, false)
}

func (d *decoder) decode() Scene {
	if v, ok := d.get("v"); ok && v != strconv.Itoa(Version) {
		d.note(NewNotice(NewerVersion, "v", v, strconv.Itoa(Version)))
	}
	s := Scene{Fn: DefaultFn}
	if fn, ok := d.get("fn"); ok {
		if slices.Contains(optimizers.SurfaceNames(), fn) || fn == CustomFn {
			s.Fn = fn
		} else {
			d.note(NewNotice(UnknownSurface, "fn", fn, DefaultFn))
		}
	}
	def := optimizers.DefaultSurfaceParams()
	s.Kappa = d.onlyFor(s.Fn == "quadratic", "kappa", def.Kappa, MinKappa, MaxKappa, false)
	if s.Data = d.data(s.Fn == "linreg"); s.Data != nil {
		s.N = d.dataLen(len(s.Data))
	} else {
		s.N = int(d.onlyFor(s.Fn == "linreg", "n", float64(def.N), MinN, MaxN, true))
	}
	s.Seed = uint64(d.number("seed", float64(def.Seed), 0, MaxSeed, true))
	d.custom(&s)
	surf, err := s.Surface()
	if err != nil { // unreachable: every value above is in range
		panic("scene: " + err.Error())
	}
	s.X0 = d.point("x0", surf)
	s.Steps = int(d.number("steps", 100, 0, MaxSteps, true))
	s.Lesson = int(d.number("lesson", 0, 1, MaxLesson, true))
	s.Runs = d.runs(s.Lesson, surf)
	d.scheds(&s)
	s.Noise = d.number("noise", 0, 0, MaxNoise, false)
	s.Batch = int(d.onlyFor(s.Fn == "linreg", "batch", 0, 0, float64(s.N), true))
	if s.Batch == s.N {
		s.Batch = 0
	}
	return s
}

// onlyFor reads a number that applies only when applies is set.
func (d *decoder) onlyFor(applies bool, key string, def, lo, hi float64, integer bool) float64 {
	if !applies {
		if raw, ok := d.get(key); ok {
			d.note(NewNotice(NotApplicable, key, raw, ""))
		}
		return def
	}
	return d.number(key, def, lo, hi, integer)
}

// point reads "x,y", clamped into the surface's domain; a point where no
// run can start (Surface.CheckStart: the pole of a formula) gives the
// surface's start.
func (d *decoder) point(key string, surf optimizers.Surface) [2]float64 {
	raw, ok := d.get(key)
	if !ok {
		return surf.Start
	}
	start := fmtPoint(surf.Start)
	parts := strings.Split(raw, ",")
	if len(parts) != 2 {
		d.note(NewNotice(NotPoint, key, raw, start))
		return surf.Start
	}
	var p [2]float64
	for i, part := range parts {
		v, err := strconv.ParseFloat(strings.TrimSpace(part), 64)
		if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
			d.note(NewNotice(NotPoint, key, raw, start))
			return surf.Start
		}
		p[i] = v
	}
	if c := surf.Domain.Clamp(p); c != p {
		d.note(NewNotice(Clamped, key, raw, fmtPoint(c)))
		p = c
	}
	if err := surf.CheckStart(p); err != nil { // a pole of a formula
		n := NewNotice(Invalid, key, raw, start)
		n.because(errStart.New(key, err))
		d.note(n)
		return surf.Start
	}
	return p
}

func fmtPoint(p [2]float64) string { return fmtFloat(p[0]) + "," + fmtFloat(p[1]) }

// runs reads the optimizers and their hyperparameters. The mistakes are
// known in lesson MistakesLesson only, and only on a surface that can
// feed them their wrong gradient.
func (d *decoder) runs(lesson int, surf optimizers.Surface) []Run {
	names := []string{"adam"}
	if raw, ok := d.get("opt"); ok {
		names = names[:0]
		for _, name := range strings.Split(raw, ",") {
			name = strings.TrimSpace(name)
			switch spec, known := optimizers.LookupSpec(name); {
			case !known || spec.Mirrors != "" && lesson != MistakesLesson:
				d.note(NewNotice(UnknownOptimizer, "opt", name, ""))
			case !spec.Gradient.Supports(surf.Objective):
				d.note(NewNotice(NotApplicable, "opt", name, ""))
			case slices.Contains(names, name):
				d.note(NewNotice(Duplicate, "opt", name, ""))
			case len(names) == MaxRuns:
				d.note(NewNotice(TooMany, "opt", name, ""))
			default:
				names = append(names, name)
			}
		}
		if len(names) == 0 {
			names = []string{"adam"}
		}
	}
	runs := make([]Run, len(names))
	specs := make([]optimizers.Spec, len(names))
	for i, name := range names {
		specs[i], _ = optimizers.LookupSpec(name)
		runs[i] = Run{Opt: name, Hyper: maps(specs[i].Defaults)}
	}
	// Keys for every optimizer they apply to.
	for _, p := range optimizers.Params {
		raw, ok := d.get(p.Key)
		if !ok {
			continue
		}
		var users []int
		for i, spec := range specs {
			if slices.Contains(spec.Keys, p.Key) {
				users = append(users, i)
			}
		}
		if len(users) == 0 {
			d.note(NewNotice(NotApplicable, p.Key, raw, ""))
			continue
		}
		if v, ok := d.param(p.Key, raw, p); ok {
			for _, i := range users {
				runs[i].Hyper[p.Key] = v
			}
		}
	}
	// Keys prefixed by an optimizer's name.
	prefixed := make([]string, 0)
	for key := range d.q {
		if strings.Contains(key, ".") {
			prefixed = append(prefixed, key)
		}
	}
	sort.Strings(prefixed)
	for _, key := range prefixed {
		name, pkey, _ := strings.Cut(key, ".")
		p, known := optimizers.LookupParam(pkey)
		if !known {
			continue // a schedule key, a key of a later schema or of the user interface
		}
		raw, _ := d.get(key)
		i := slices.Index(names, name)
		if i < 0 || !slices.Contains(specs[i].Keys, pkey) {
			d.note(NewNotice(NotApplicable, key, raw, ""))
			continue
		}
		if v, ok := d.param(key, raw, p); ok {
			runs[i].Hyper[pkey] = v
		}
	}
	for i := range runs {
		if _, err := specs[i].New(runs[i].Hyper); err != nil {
			n := NewNotice(Invalid, runs[i].Opt, "", "")
			n.Detail = err.Error()
			d.note(n)
			runs[i].Hyper = maps(specs[i].Defaults)
		}
	}
	return runs
}

func maps(h optimizers.Hyper) optimizers.Hyper {
	c := make(optimizers.Hyper, len(h))
	for k, v := range h {
		c[k] = v
	}
	return c
}
