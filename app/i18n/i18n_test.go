package i18n

import (
	"go/ast"
	"go/parser"
	"go/token"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/optimplay/optimplay/optimizers"
	"github.com/optimplay/optimplay/optimizers/scene"
)

// declaredKeys parses keys.go and returns every constant declared with
// type Key, by name, with its value.
func declaredKeys(t *testing.T) map[string]Key {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), "keys.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	keys := map[string]Key{}
	for _, d := range f.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.CONST {
			continue
		}
		for _, spec := range gd.Specs {
			// Keys are `Name Key = "value"`; an untyped string constant
			// would also serve as a Key, so it counts too.
			vs := spec.(*ast.ValueSpec)
			if id, ok := vs.Type.(*ast.Ident); vs.Type != nil && (!ok || id.Name != "Key") {
				continue
			}
			if len(vs.Values) != len(vs.Names) {
				t.Fatalf("constant %s: declare keys as `Name Key = \"value\"`", vs.Names[0].Name)
			}
			for i, name := range vs.Names {
				lit, ok := vs.Values[i].(*ast.BasicLit)
				if !ok || lit.Kind != token.STRING {
					if vs.Type == nil {
						continue // not a string
					}
					t.Fatalf("key %s is not a string literal", name.Name)
				}
				v, err := strconv.Unquote(lit.Value)
				if err != nil {
					t.Fatal(err)
				}
				keys[name.Name] = Key(v)
			}
		}
	}
	if len(keys) == 0 {
		t.Fatal("no Key constants found in keys.go")
	}
	return keys
}

// TestDeclaredKeysHaveMessages checks that every Key constant declared in
// keys.go (read from the source, so that a new key counts) has an
// English message, and that no two constants share a key.
func TestDeclaredKeysHaveMessages(t *testing.T) {
	seen := map[Key]string{}
	for name, key := range declaredKeys(t) {
		if other, ok := seen[key]; ok {
			t.Errorf("%s and %s are both %q", name, other, key)
		}
		seen[key] = name
		if msg, ok := english[key]; !ok || strings.TrimSpace(msg) == "" {
			t.Errorf("%s (%q) has no English message", name, key)
		}
	}
}

// noticeKinds lists every scene.NoticeKind, counting up from 0 while the
// kind has a name.
func noticeKinds(t *testing.T) []scene.NoticeKind {
	t.Helper()
	var kinds []scene.NoticeKind
	for k := scene.NoticeKind(0); !strings.HasPrefix(k.String(), "NoticeKind("); k++ {
		kinds = append(kinds, k)
	}
	if len(kinds) == 0 {
		t.Fatal("no notice kinds")
	}
	return kinds
}

// dataKeys returns the keys the app builds from the optimizer core's
// lists: optimizer names and descriptions, surface names and
// descriptions, hyperparameter labels and notice messages.
func dataKeys(t *testing.T) map[Key]string {
	t.Helper()
	keys := map[Key]string{}
	for _, s := range optimizers.Specs() {
		keys[OptimizerName(s.Name)] = "optimizer " + s.Name
		keys[OptimizerAbout(s.Name)] = "optimizer " + s.Name
	}
	for _, name := range optimizers.SurfaceNames() {
		keys[SurfaceName(name)] = "surface " + name
		keys[SurfaceAbout(name)] = "surface " + name
	}
	for _, p := range optimizers.Params {
		keys[ParamName(p.Key)] = "hyperparameter " + p.Key
	}
	for _, k := range noticeKinds(t) {
		keys[NoticeKind(k.String())] = "notice kind " + k.String()
	}
	return keys
}

// TestDataKeysHaveMessages checks that every optimizer of
// optimizers.Specs(), every surface of optimizers.SurfaceNames(), every
// hyperparameter of optimizers.Params and every scene.NoticeKind has its
// messages, and, the other way round, that every English message under
// those keys' prefixes belongs to one of them (a misspelt name would
// leave a message unused and a key without one).
func TestDataKeysHaveMessages(t *testing.T) {
	keys := dataKeys(t)
	if len(optimizers.Specs()) == 0 || len(optimizers.SurfaceNames()) == 0 || len(optimizers.Params) == 0 {
		t.Fatal("empty lists in the optimizer core")
	}
	for key, what := range keys {
		if msg, ok := english[key]; !ok || strings.TrimSpace(msg) == "" {
			t.Errorf("%s: no English message for %q", what, key)
		}
	}
	prefixes := []Key{OptimizerName(""), SurfaceName(""), ParamName(""), NoticeKind("")}
	for key := range english {
		for _, p := range prefixes {
			if strings.HasPrefix(string(key), string(p)) {
				if _, ok := keys[key]; !ok {
					t.Errorf("message %q matches no optimizer, surface, hyperparameter or notice kind", key)
				}
			}
		}
	}
}

// verbRE matches a fmt verb, with an optional argument index, flags,
// width and precision.
var verbRE = regexp.MustCompile(`%(\[\d+\])?[-+# 0]*(\d+|\*)?(\.(\d+|\*)?)?[a-zA-Z%]`)

// fmtArgs are plausible arguments for every message the app formats, as
// the app passes them (app/status.go, app/painter.go, app/playground.go,
// app/scene_controls.go, app/optimizer_panel.go…). A message with a verb
// that is missing here fails TestMessagesFormat.
var fmtArgs = map[Key][]any{
	StartX:            {"x"},
	StartY:            {"w"},
	StepOfN:           {7, 100},
	SurfaceAlt:        {"Rosenbrock"},
	StatusDivergedLR:  {"GD", 3, "0.25", "2/λmax", "0.2", "10"},
	StatusDivergedOut: {"Adam", 12},
	StatusDivergedNaN: {"Momentum", 40},
	StatusEscaped:     {"SGD", 25},
	ErrorPrefix:       {"something failed"},
	ParamsOf:          {"Adam"},
	NumberInputLabel:  {"Learning rate lr"},
	VersionLabel:      {"v1.4.0"},
	EqUpdate:          {12, 11, 12},
	EqCoordinate:      {"w"},
	CriticalTick:      {"2/λmax", "0.2"},
	CriticalTickLocal: {"0.002"},
	CriticalExact:     {"0.2", "2/λmax", "10"},
	CriticalLocal:     {"0.002", "2/λmax", "1002"},
	SchedNow:          {12, "0.05"},
	SweepBest:         {"GD", "0.15", "1e-09"},
	SweepEdge:         {"0.2154"},
	SweepNoBest:       {"GD"},
	SweepUseLabel:     {"GD", "0.15"},
}

// TestMessagesFormat checks every English message with the arguments
// the app passes: formatting never yields a fmt error marker ("%!", as in
// "%!d(string=…)", "%!(MISSING)" or "%!(EXTRA …)"); a message the app
// shows without arguments has no verb (T would show it verbatim); and
// every argument of a notice that the message uses appears in the text.
func TestMessagesFormat(t *testing.T) {
	c := For(English)
	notices := map[Key]bool{}
	for _, k := range noticeKinds(t) {
		notices[NoticeKind(k.String())] = true
	}
	for key := range fmtArgs {
		if !verbRE.MatchString(english[key]) {
			t.Errorf("%q: the app formats it, but the message %q has no verb", key, english[key])
		}
	}
	keys := make([]string, 0, len(english))
	for k := range english {
		keys = append(keys, string(k))
	}
	sort.Strings(keys)
	for _, k := range keys {
		key := Key(k)
		msg := english[key]
		switch args, ok := fmtArgs[key]; {
		case notices[key]:
			// The app passes the key, the value given, the value used and
			// the detail (app/status.go).
			given, used, detail := "lr=“0,1”", "0.001", "nesterov needs momentum"
			out := c.T(key, "adam.lr", given, used, detail)
			if strings.Contains(out, "%!") {
				t.Errorf("%q: %q", key, out)
			}
			for i, arg := range []string{"adam.lr", given, used, detail} {
				if strings.Contains(msg, "%["+strconv.Itoa(i+1)+"]") && !strings.Contains(out, arg) {
					t.Errorf("%q: %q does not show argument %d %q", key, out, i+1, arg)
				}
			}
		case ok:
			if out := c.T(key, args...); strings.Contains(out, "%!") {
				t.Errorf("%q: %q", key, out)
			}
		default:
			if v := verbRE.FindString(msg); v != "" {
				t.Errorf("%q: %q has the verb %s, but it is shown without arguments", key, msg, v)
			}
			if out := c.T(key); out != msg {
				t.Errorf("T(%q) = %q, want the message %q", key, out, msg)
			}
		}
	}
}

// TestFor checks the catalog choice: English is English, and an unknown
// language falls back to English.
func TestFor(t *testing.T) {
	for _, lang := range []Lang{English, "", "xx", "fr", "en-GB"} {
		c := For(lang)
		if c.Lang() != English {
			t.Errorf("For(%q).Lang() = %q, want %q", lang, c.Lang(), English)
		}
		if got, want := c.T(AppTitle), english[AppTitle]; got != want {
			t.Errorf("For(%q).T(AppTitle) = %q, want %q", lang, got, want)
		}
	}
}

// TestTMissingKey checks that T of a key no catalog has returns the key
// itself, unformatted even with arguments, and that Has reports it
// missing.
func TestTMissingKey(t *testing.T) {
	c := For(English)
	for _, key := range []Key{"no.such.key", "", "opt.nosuch", "odd %d key"} {
		if got := c.T(key); got != string(key) {
			t.Errorf("T(%q) = %q, want the key", key, got)
		}
		if got := c.T(key, 1, "two"); got != string(key) {
			t.Errorf("T(%q, 1, \"two\") = %q, want the key", key, got)
		}
		if c.Has(key) {
			t.Errorf("Has(%q) = true", key)
		}
	}
	if !c.Has(AppTitle) {
		t.Error("Has(AppTitle) = false")
	}
	if got, want := c.T(StepOfN, 3, 10), "step 3 of 10"; got != want {
		t.Errorf("T(StepOfN, 3, 10) = %q, want %q", got, want)
	}
}

// TestFallbackPerKey checks that a language with a partial catalog gives
// its own messages where it has them and English ones elsewhere, then
// the key.
func TestFallbackPerKey(t *testing.T) {
	const test Lang = "test"
	catalogs[test] = map[Key]string{AppTitle: "Spielplatz", StepOfN: "Schritt %d von %d"}
	t.Cleanup(func() { delete(catalogs, test) })
	c := For(test)
	if c.Lang() != test {
		t.Fatalf("Lang() = %q", c.Lang())
	}
	for _, tc := range []struct {
		key  Key
		args []any
		want string
	}{
		{AppTitle, nil, "Spielplatz"},
		{StepOfN, []any{2, 5}, "Schritt 2 von 5"},
		{Play, nil, english[Play]},
		{ParamsOf, []any{"Adam"}, "Adam settings"},
		{"no.such.key", nil, "no.such.key"},
	} {
		if got := c.T(tc.key, tc.args...); got != tc.want {
			t.Errorf("T(%q, %v) = %q, want %q", tc.key, tc.args, got, tc.want)
		}
	}
	if !c.Has(Play) || !c.Has(AppTitle) || c.Has("no.such.key") {
		t.Error("Has does not fall back to English")
	}
}
