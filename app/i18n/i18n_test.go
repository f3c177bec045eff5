package i18n

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/optimplay/optimplay/optimizers"
	"github.com/optimplay/optimplay/optimizers/reason"
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
// descriptions, hyperparameter labels, notice messages, and the names and
// parameter labels of the learning-rate schedules. (The embed parts are a
// list of package app, which this package cannot import: their keys are
// checked as English messages, like the constants.)
func dataKeys(t *testing.T) map[Key]string {
	t.Helper()
	keys := map[Key]string{}
	for _, s := range append(optimizers.Specs(), optimizers.Mistakes()...) {
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
	for _, name := range scene.SchedNames {
		keys[SchedName(name)] = "schedule " + name
	}
	for _, k := range scene.SchedKeys {
		keys[SchedParamName(k.Key)] = "schedule parameter " + k.Key
	}
	for _, k := range reason.Kinds() {
		keys[Reason(k.Code)] = "refusal " + k.Code
	}
	return keys
}

// TestDataKeysHaveMessages checks that every optimizer of
// optimizers.Specs() and every wrong rule of optimizers.Mistakes(), every surface of optimizers.SurfaceNames(), every
// hyperparameter of optimizers.Params, every scene.NoticeKind and every
// schedule and schedule parameter of scene.SchedNames and scene.SchedKeys
// has its messages, and, the other way round, that every English message
// under those keys' prefixes belongs to one of them (a misspelt name
// would leave a message unused and a key without one).
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
	prefixes := []Key{OptimizerName(""), SurfaceName(""), ParamName(""), NoticeKind(""), SchedName(""), SchedParamName(""), Reason("")}
	for key := range english {
		for _, p := range prefixes {
			if strings.HasPrefix(string(key), string(p)) {
				if _, ok := keys[key]; !ok {
					t.Errorf("message %q matches no optimizer, surface, hyperparameter, notice kind, schedule, schedule parameter or refusal", key)
				}
			}
		}
	}
}

// TestReasonsInEnglish checks that the English message of every kind of
// refusal of the optimizer core is the core's own English format, so
// that an English page says what cmd/trace says.
func TestReasonsInEnglish(t *testing.T) {
	kinds := reason.Kinds()
	if len(kinds) < 40 {
		t.Fatalf("%d kinds of refusal; the formula parser alone has 19", len(kinds))
	}
	for _, k := range kinds {
		if msg := english[Reason(k.Code)]; msg != k.Format {
			t.Errorf("%s: the English message is %q, but the core says %q", k.Code, msg, k.Format)
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
	NarrationStep:     {12, "GD, loss 0.5, moved 0.01"},
	NarrationRun:      {"GD", "0.5", "0.01"},
	LessonOf:          {3, 8},
	ExportFigure:      {"PNG", "Loss per step"},
	DataHint:          {200},
	DataTooLarge:      {100, 64},
	DataTooMany:       {200},
}

// TestMessagesFormat checks every message of every catalog with the
// arguments the app passes: formatting never yields a fmt error marker
// ("%!", as in "%!d(string=…)", "%!(MISSING)" or "%!(EXTRA …)"); a
// message the app shows without arguments has no verb (T would show it
// verbatim); and every argument of a notice that the message uses
// appears in the text.
func TestMessagesFormat(t *testing.T) {
	notices := map[Key]bool{}
	for _, k := range noticeKinds(t) {
		notices[NoticeKind(k.String())] = true
	}
	for _, lang := range langs() {
		t.Run(string(lang), func(t *testing.T) {
			c := For(lang)
			msgs := catalogs[lang]
			for key := range fmtArgs {
				if msg, ok := msgs[key]; ok && !verbRE.MatchString(msg) {
					t.Errorf("%q: the app formats it, but the message %q has no verb", key, msg)
				}
			}
			for _, key := range sortedKeys(msgs) {
				msg := msgs[key]
				switch args, ok := fmtArgs[key]; {
				case notices[key]:
					// The app passes the key, the value given, the value
					// used and the detail (app/status.go).
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
				case strings.HasPrefix(string(key), string(Reason(""))):
					// The app passes the core's arguments (app/status.go's
					// explain), as its English format wants them.
					args := reasonArgs(english[key])
					out := c.T(key, args...)
					if strings.Contains(out, "%!") {
						t.Errorf("%q: %q", key, out)
					}
					for i, arg := range args {
						if s := fmt.Sprint(arg); !strings.Contains(out, s) {
							t.Errorf("%q: %q does not show argument %d %q", key, out, i+1, s)
						}
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
		})
	}
}

// reasonArgs returns arguments for a refusal's English format, each
// distinct and of the type its verb takes: the core's arguments are ints
// for %d, strings (or errors, said as strings) for %s, float64 for %f
// and [2]float64 ranges for %v.
func reasonArgs(format string) []any {
	var args []any
	for _, sig := range verbSignature(format) {
		n, verb, _ := strings.Cut(sig, ":")
		i, err := strconv.Atoi(n)
		if err != nil {
			panic(err)
		}
		for len(args) < i {
			args = append(args, nil)
		}
		switch verb[len(verb)-1] {
		case 'd':
			args[i-1] = 40 + i
		case 'f':
			args[i-1] = 50.0 + float64(i)
		case 'v':
			args[i-1] = [2]float64{-float64(i), float64(i)}
		default:
			args[i-1] = fmt.Sprintf("arg%d", i)
		}
	}
	return args
}

// langs returns the languages with a catalog, English first.
func langs() []Lang {
	ls := make([]Lang, 0, len(catalogs))
	for l := range catalogs {
		ls = append(ls, l)
	}
	sort.Slice(ls, func(i, j int) bool {
		if (ls[i] == English) != (ls[j] == English) {
			return ls[i] == English
		}
		return ls[i] < ls[j]
	})
	return ls
}

// sortedKeys returns the keys of msgs in order.
func sortedKeys(msgs map[Key]string) []Key {
	keys := make([]Key, 0, len(msgs))
	for k := range msgs {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	return keys
}

// missingKeys returns, in order, the keys of from that to lacks or has
// only a blank message for.
func missingKeys(from, to map[Key]string) []Key {
	var missing []Key
	for _, k := range sortedKeys(from) {
		if msg, ok := to[k]; !ok || strings.TrimSpace(msg) == "" {
			missing = append(missing, k)
		}
	}
	return missing
}

// TestMissingKeys checks the comparison TestCatalogsHaveTheSameKeys makes,
// in both directions.
func TestMissingKeys(t *testing.T) {
	for _, tc := range []struct {
		name     string
		from, to map[Key]string
		want     []Key
	}{
		{"same", map[Key]string{"a": "A", "b": "B"}, map[Key]string{"a": "甲", "b": "乙"}, nil},
		{"one missing", map[Key]string{"a": "A", "b": "B"}, map[Key]string{"a": "甲"}, []Key{"b"}},
		{"the other way", map[Key]string{"a": "甲"}, map[Key]string{"a": "A", "b": "B"}, nil},
		{"blank", map[Key]string{"a": "A", "b": "B"}, map[Key]string{"a": " ", "b": "乙"}, []Key{"a"}},
		{"empty", map[Key]string{"a": "A", "b": "B"}, nil, []Key{"a", "b"}},
	} {
		got := missingKeys(tc.from, tc.to)
		if strings.Join(keyStrings(got), ",") != strings.Join(keyStrings(tc.want), ",") {
			t.Errorf("%s: missingKeys = %q, want %q", tc.name, got, tc.want)
		}
	}
}

func keyStrings(keys []Key) []string {
	s := make([]string, len(keys))
	for i, k := range keys {
		s[i] = string(k)
	}
	return s
}

// TestCatalogsHaveTheSameKeys checks that every catalog has a message
// for every key declared in keys.go and every key built from the
// optimizer core's lists, and that no catalog has a key another one
// lacks, in both directions: a translation must be complete, and a new
// English message needs its translations (or the translations a key
// English no longer has must go).
func TestCatalogsHaveTheSameKeys(t *testing.T) {
	required := map[Key]string{}
	for name, key := range declaredKeys(t) {
		required[key] = "constant " + name
	}
	for key, what := range dataKeys(t) {
		required[key] = what
	}
	if len(catalogs) < 2 {
		t.Fatalf("%d catalogs; want English and at least one translation", len(catalogs))
	}
	for _, lang := range langs() {
		for _, key := range missingKeys(required, catalogs[lang]) {
			t.Errorf("%s: %s: no message for %q", lang, required[key], key)
		}
		for _, other := range langs() {
			if other == lang {
				continue
			}
			for _, key := range missingKeys(catalogs[other], catalogs[lang]) {
				t.Errorf("%q has a message in %s but none in %s", key, other, lang)
			}
		}
	}
}

// placeholderRE matches a placeholder that a caller replaces, such as
// go-app's {progress}.
var placeholderRE = regexp.MustCompile(`\{[a-zA-Z_]+\}`)

// verbSignature returns the fmt verbs of msg as "argument:verb", the verb
// with its flags, width and precision but not its argument index, sorted,
// with placeholders as "{name}". It follows fmt's numbering: an explicit
// index [n] gives its verb argument n, and a verb without one takes the
// argument after the previous verb's, so "%s %d" and "%[2]d %[1]s" have
// the same signature while "%d %s" does not. A * width or precision
// takes an argument too; "%%" takes none.
func verbSignature(msg string) []string {
	var sig []string
	arg := 1
	for _, m := range verbRE.FindAllStringSubmatchIndex(msg, -1) {
		verb := msg[m[0]:m[1]]
		if verb == "%%" {
			continue
		}
		if m[2] >= 0 { // an explicit index
			n, err := strconv.Atoi(msg[m[2]+1 : m[3]-1])
			if err != nil {
				panic(err)
			}
			arg = n
			verb = "%" + msg[m[3]:m[1]]
		}
		for range strings.Count(verb, "*") {
			sig = append(sig, strconv.Itoa(arg)+":*")
			arg++
		}
		sig = append(sig, strconv.Itoa(arg)+":"+verb)
		arg++
	}
	sig = append(sig, placeholderRE.FindAllString(msg, -1)...)
	sort.Strings(sig)
	return sig
}

// TestVerbSignature checks verbSignature on examples.
func TestVerbSignature(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		same bool
	}{
		{"%s diverged at step %d", "%s 在第 %d 步发散", true},
		{"%s diverged at step %d", "第 %[2]d 步：%[1]s 发散", true},
		{"%s diverged at step %d", "第 %d 步：%s 发散", false},
		{"Use the best learning rate for %s, %s", "为 %[1]s 采用最佳学习率 %[2]s", true},
		{"Use the best learning rate for %s, %s", "为 %[2]s 采用最佳学习率 %[1]s", true}, // both %s: it cannot tell
		{"step %d of %d", "第 %d 步", false},
		{"step %d of %d", "第 %d 步，共 %d 步，%d", false},
		{"%s = %s", "%v = %v", false},
		{"%.2f", "%f", false},
		{"%[2]s = %[1]s, λmax = %[3]s", "%[2]s = %[1]s；λmax = %[3]s", true},
		{"%[3]s = %[1]s, λmax = %[2]d", "%s = %s；λmax = %d", false},
		{"%[1]s: %[2]s; using %[3]s", "%[1]s：%[3]s（%[2]s）", true},
		{"%[1]s: ignored", "%s：已忽略", true},
		{"%[2]s then %s", "%[3]s，%[2]s", true},
		{"%*d", "%*d", true},
		{"%*d", "%d %d", false},
		{"100%% done", "完成 100%%", true},
		{"Loading: {progress}%", "加载中：{progress}%", true},
		{"Loading: {progress}%", "加载中：{进度}%", false},
		{"no verb", "没有动词", true},
	} {
		a, b := verbSignature(tc.a), verbSignature(tc.b)
		if same := strings.Join(a, " ") == strings.Join(b, " "); same != tc.same {
			t.Errorf("%q %v and %q %v: same = %v, want %v", tc.a, a, tc.b, b, same, tc.same)
		}
	}
}

// TestTranslationVerbs checks that every message of every translation
// takes the same arguments, with the same verbs, as its English message
// (in any order, by explicit argument indexes), and keeps its
// placeholders.
func TestTranslationVerbs(t *testing.T) {
	for _, lang := range langs() {
		if lang == English {
			continue
		}
		for _, key := range sortedKeys(catalogs[lang]) {
			msg := catalogs[lang][key]
			en, ok := english[key]
			if !ok {
				continue // TestCatalogsHaveTheSameKeys reports it
			}
			want, got := verbSignature(en), verbSignature(msg)
			if strings.Join(got, " ") != strings.Join(want, " ") {
				t.Errorf("%s %q: %q has the verbs %q, but the English %q has %q", lang, key, msg, got, en, want)
			}
		}
	}
}

// untranslated lists, by language, the keys whose message may be the
// English one or have no character of the language's script: symbols,
// formulas and proper names. Each entry says why.
var untranslated = map[Lang]map[Key]string{
	Chinese: {
		ReadoutGradNorm:       "symbol ‖∇f‖",
		FormulaLabel:          "formula f(x, y) =",
		CriticalTick:          "formula %s = %s",
		"param.eps":           "symbol ε",
		"param.amsgrad":       "name of a variant",
		"opt.adagrad":         "name",
		"opt.rmsprop":         "name",
		"opt.adadelta":        "name",
		"opt.adam":            "name",
		"opt.amsgrad":         "name",
		"opt.adamax":          "name",
		"opt.adamw":           "name",
		"opt.nadam":           "name",
		"opt.lion":            "name",
		"fn.rosenbrock":       "proper name",
		"fn.himmelblau":       "proper name",
		"fn.beale":            "proper name",
		"fn.booth":            "proper name",
		"fn.matyas":           "proper name",
		"fn.rastrigin":        "proper name",
		"fn.styblinski":       "proper name",
		NarrationSep:          "punctuation: the full-width semicolon",
		"reason.link.data":    "a link's key, then the reason",
		"reason.link.formula": "a link's key, then the reason",
		"reason.link.start":   "a link's key, then the reason",
	},
}

// scripts gives the script every message of a translation must use,
// allow-listed keys apart.
var scripts = map[Lang]*unicode.RangeTable{Chinese: unicode.Han}

// TestTranslated checks that every message of a translation differs from
// the English one and, for a language with an entry in scripts, has a
// character of its script, unless its key is allow-listed in
// untranslated; and that every allow-listed key is a message that needs
// it.
func TestTranslated(t *testing.T) {
	for _, lang := range langs() {
		if lang == English {
			continue
		}
		allowed := untranslated[lang]
		script := scripts[lang]
		inScript := func(msg string) bool {
			return script == nil || strings.IndexFunc(msg, func(r rune) bool { return unicode.Is(script, r) }) >= 0
		}
		for _, key := range sortedKeys(catalogs[lang]) {
			if _, ok := allowed[key]; ok {
				continue
			}
			msg := catalogs[lang][key]
			if en, ok := english[key]; ok && msg == en {
				t.Errorf("%s %q: %q is the English message; translate it or allow-list the key in untranslated", lang, key, msg)
			} else if !inScript(msg) {
				t.Errorf("%s %q: %q has no character of the language's script; translate it or allow-list the key in untranslated", lang, key, msg)
			}
		}
		for key, why := range allowed {
			msg, ok := catalogs[lang][key]
			switch {
			case !ok:
				t.Errorf("%s: allow-listed key %q (%s) has no message", lang, key, why)
			case msg != english[key] && inScript(msg):
				t.Errorf("%s: allow-listed key %q (%s) is translated: %q; remove it from untranslated", lang, key, why, msg)
			}
		}
	}
}

// asciiPunctRE matches ASCII punctuation touching a Chinese character, or
// ASCII , ; : ! ? before one (across spaces): Chinese sentences take
// full-width punctuation (，。：；！？（）), while math, numbers and
// symbols keep theirs, as in "(1, 1) 处" or "x,y 的点".
var asciiPunctRE = regexp.MustCompile(`\p{Han}[,.;:!?()]|[()]\p{Han}|[,;:!?]\s*\p{Han}`)

// TestChinesePunctuation checks that Chinese sentences use full-width
// punctuation.
func TestChinesePunctuation(t *testing.T) {
	for _, key := range sortedKeys(chinese) {
		if m := asciiPunctRE.FindString(chinese[key]); m != "" {
			t.Errorf("%q: %q has %q: use full-width punctuation in Chinese text", key, chinese[key], m)
		}
	}
}

// TestFor checks the catalog choice: each language with a catalog gets
// its own, and any other language tag, even a regional or differently
// written one, falls back to English.
func TestFor(t *testing.T) {
	for _, tc := range []struct {
		lang Lang
		want Lang
		msgs map[Key]string
	}{
		{English, English, english},
		{Chinese, Chinese, chinese},
		{"", English, english},
		{"xx", English, english},
		{"fr", English, english},
		{"en-GB", English, english},
		{"zh-CN", English, english},
		{"ZH", English, english},
	} {
		c := For(tc.lang)
		if c.Lang() != tc.want {
			t.Errorf("For(%q).Lang() = %q, want %q", tc.lang, c.Lang(), tc.want)
		}
		if got, want := c.T(AppTitle), tc.msgs[AppTitle]; got != want {
			t.Errorf("For(%q).T(AppTitle) = %q, want %q", tc.lang, got, want)
		}
		if got, want := c.T(StepOfN, 3, 10), fmt.Sprintf(tc.msgs[StepOfN], 3, 10); got != want {
			t.Errorf("For(%q).T(StepOfN, 3, 10) = %q, want %q", tc.lang, got, want)
		}
	}
	if got, want := For(Chinese).T(SweepUseLabel, "Adam", "0.01"), "为 Adam 采用最佳学习率 0.01"; got != want {
		t.Errorf("For(Chinese).T(SweepUseLabel, …) = %q, want %q", got, want)
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
