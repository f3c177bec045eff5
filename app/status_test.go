//go:build !wasm

package app

import (
	"errors"
	"math"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/optimplay/optimplay/app/i18n"
	"github.com/optimplay/optimplay/optimizers"
	"github.com/optimplay/optimplay/optimizers/expr"
	"github.com/optimplay/optimplay/optimizers/reason"
	"github.com/optimplay/optimplay/optimizers/scene"
)

// refusals returns errors of every kind the optimizer core refuses a
// user's input with, made as a user would: broken formulas, CSV texts,
// data sets, plotted domains and links.
func refusals(t *testing.T) []error {
	t.Helper()
	var errs []error
	for _, f := range []string{
		"", strings.Repeat("x+", 600), strings.Repeat("-x*", 300) + "x", strings.Repeat("(", 70) + "x" + strings.Repeat(")", 70),
		"1e999", "x # y", "x − y", "1.5.", "x + )", "x**2", "x +", "2x", "(x + 1", "sin x",
		"sinh(x)", "relu(x)", "foo(x)", "xy", "z", "sin(x, y)", "max(x)",
	} {
		if _, err := expr.Parse(f); err != nil {
			errs = append(errs, err)
		} else {
			t.Errorf("expr.Parse(%q) accepted it", f)
		}
	}
	var many strings.Builder
	for i := range optimizers.MaxDataPoints + 1 {
		many.WriteString(strings.Repeat("1", i%3+1) + "," + "2\n")
	}
	for _, text := range []string{
		"x,y\n1,2\nabc,3\n1,2,3\n5,1e9\n", "1;2,5\n3;4\n", strings.Repeat("1,2\n", scene.MaxCSVBytes/4+1), many.String(), "1,2\n1,3\n",
	} {
		_, _, problems := scene.ParseCSV(text)
		if len(problems) == 0 {
			t.Errorf("ParseCSV(%.40q) found no problem", text)
		}
		for _, p := range problems {
			errs = append(errs, p)
		}
	}
	for _, d := range [][2][]float64{
		{{1, math.NaN()}, {1, 2}}, {{1}, {1, 2}}, {{1}, {1}}, {{1, 1}, {1, 2}}, {{1, 1 + 1e-9}, {1, 2}},
		{make([]float64, optimizers.MaxDataPoints+1), make([]float64, optimizers.MaxDataPoints+1)},
	} {
		if err := optimizers.CheckLinRegData(d[0], d[1]); err != nil {
			errs = append(errs, err)
		} else {
			t.Errorf("CheckLinRegData(%v) accepted it", d)
		}
	}
	for _, c := range []struct {
		f      string
		xr, yr [2]float64
	}{
		{"x", [2]float64{5, -5}, [2]float64{-5, 5}}, {"log(x)", [2]float64{-5, 5}, [2]float64{-5, 5}},
		{"1/x + y", [2]float64{-1e-300, 1e-300}, [2]float64{-5, 5}}, // ∇f overflows wherever f is finite
	} {
		if _, err := optimizers.NewCustom(c.f, c.xr, c.yr); err != nil {
			errs = append(errs, err)
		} else {
			t.Errorf("NewCustom(%q) accepted it", c.f)
		}
	}
	for _, q := range []string{
		"fn=custom", "fn=custom&f=sin(&xr=a,b&yr=5,-5", "fn=custom&f=x&xr=-1e7,5",
		"fn=linreg&data=1,2,3", "fn=linreg&data=1,a", "fn=linreg&data=1,2,1,3",
		"fn=custom&f=log(x%5E2%2By%5E2)&x0=0,0", // the start at the pole
	} {
		_, notices := scene.Parse(q)
		found := false
		for _, n := range notices {
			if n.Reason != nil {
				errs, found = append(errs, n.Reason), true
			}
		}
		if !found {
			t.Errorf("%s: no notice with a reason", q)
		}
	}
	return errs
}

// englishWord matches a word of the core's English messages.
var englishWord = regexp.MustCompile(`\b(column|line|number|numbers|unexpected|write|mean|point|points|formula|range|finite|argument|arguments|values|empty|unknown|missing|expected|text|bytes|more|than|every|spreads)\b`)

// TestExplain says every kind of refusal of the core, made from real
// input, in both languages: in English exactly as the core's own message
// (which cmd/trace prints), and in Chinese with Han characters, no fmt
// error and no English word of the core's messages. Every kind that
// reason.Kinds lists is met.
func TestExplain(t *testing.T) {
	en, zh := i18n.For(i18n.English), i18n.For(i18n.Chinese)
	met := map[string]bool{}
	var meet func(err error)
	meet = func(err error) {
		var r *reason.Error
		if errors.As(err, &r) {
			met[r.Kind.Code] = true
			for _, a := range r.Args {
				if e, ok := a.(error); ok {
					meet(e)
				}
			}
		}
	}
	for _, err := range refusals(t) {
		meet(err)
		if got := explain(en, err); got != err.Error() {
			t.Errorf("English: %q\nthe core says %q", got, err.Error())
		}
		got := explain(zh, err)
		switch {
		case strings.Contains(got, "%!"):
			t.Errorf("Chinese: %q (English %q) has a fmt error", got, err.Error())
		case strings.IndexFunc(got, func(r rune) bool { return unicode.Is(unicode.Han, r) }) < 0:
			t.Errorf("Chinese: %q (English %q) has no Chinese", got, err.Error())
		case englishWord.MatchString(got):
			t.Errorf("Chinese: %q (English %q) has the English word %q", got, err.Error(), englishWord.FindString(got))
		}
	}
	for _, k := range reason.Kinds() {
		if !met[k.Code] {
			t.Errorf("no input gives the refusal %s (%q)", k.Code, k.Format)
		}
	}
}

// TestExplainOther: an error that is not a refusal of the core is said as
// it is.
func TestExplainOther(t *testing.T) {
	err := &url.Error{Op: "parse", URL: "%", Err: errors.New("invalid URL escape")}
	if got := explain(i18n.For(i18n.Chinese), err); got != err.Error() {
		t.Errorf("explain = %q, want %q", got, err.Error())
	}
}
