package session

import (
	"math"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/optimplay/optimplay/optimizers"
	"github.com/optimplay/optimplay/optimizers/scene"
)

// View is what a permalink says about the page beyond the scene: the step
// shown, the language, the speed, and the embed options. Its keys:
//
//	step      the step shown, clamped to the runs
//	speed     animation speed in steps per second, [MinSpeed, MaxSpeed]
//	lang      the interface language, "en" or "zh" (简体中文); without it
//	          the browser's language decides
//	embed     1: the compact layout for iframes
//	show      the panels and controls that appear, comma-separated (Parts)
//	lock      1: the settings cannot be changed; play, step and reset work
//	autoplay  1: start playing on load
type View struct {
	Step  int
	Speed float64
	// Lang is a Languages entry, or "" when the link does not say.
	Lang     string
	Embed    bool
	Show     []string // canonical order; nil means the mode's default
	Lock     bool
	Autoplay bool
}

// Languages are the interface languages.
var Languages = []string{"en", "zh"}

// Parts are the panels and controls that show can list, in canonical
// order; a hyperparameter key (lr, b1, …) shows that slider alone in each
// optimizer's panel, and "sched" the learning-rate schedules ("params"
// shows them too).
var Parts = []string{"surface", "loss", "data", "legend", "readout", "math", "scene", "optimizers", "params", "share",
	"sched", "sweep"}

// EmbedDefault is what an embed shows without show.
var EmbedDefault = []string{"surface", "loss", "data", "legend", "readout"}

// showable reports whether token is a part or a hyperparameter key.
func showable(token string) bool {
	if slices.Contains(Parts, token) {
		return true
	}
	_, ok := optimizers.LookupParam(token)
	return ok
}

// showOrder is the canonical position of a token.
func showOrder(token string) int {
	if i := slices.Index(Parts, token); i >= 0 {
		return i
	}
	for i, p := range optimizers.Params {
		if p.Key == token {
			return len(Parts) + i
		}
	}
	return math.MaxInt
}

// DecodeView reads the view keys of a query. Like scene.Decode, it never
// fails: what it cannot use it reports.
func DecodeView(q url.Values) (View, []scene.Notice) {
	v := View{Speed: DefaultSpeed}
	var notices []scene.Notice
	note := func(n *scene.Notice) {
		if n != nil {
			notices = append(notices, *n)
		}
	}
	last := func(key string) (string, bool) { return scene.Last(q, key) }
	flag := func(key string) bool {
		raw, ok := last(key)
		if !ok {
			return false
		}
		on, _, n := scene.ParseFlag(key, raw, "0")
		note(n)
		return on
	}
	if raw, ok := last("step"); ok {
		step, _, n := scene.ParseNumber("step", raw, "0", 0, scene.MaxSteps, true)
		note(n)
		v.Step = int(step)
	}
	if raw, ok := last("speed"); ok {
		speed, ok, n := scene.ParseNumber("speed", raw, formatFloat(DefaultSpeed), MinSpeed, MaxSpeed, false)
		note(n)
		if ok {
			v.Speed = speed
		}
	}
	if raw, ok := last("lang"); ok {
		if slices.Contains(Languages, raw) {
			v.Lang = raw
		} else {
			notices = append(notices, scene.NewNotice(scene.UnknownValue, "lang", raw, ""))
		}
	}
	v.Embed, v.Lock, v.Autoplay = flag("embed"), flag("lock"), flag("autoplay")
	if raw, ok := last("show"); ok {
		v.Show = []string{}
		for _, token := range strings.Split(raw, ",") {
			token = strings.TrimSpace(token)
			switch {
			case token == "":
			case !showable(token):
				notices = append(notices, scene.NewNotice(scene.UnknownValue, "show", token, ""))
			case !slices.Contains(v.Show, token):
				v.Show = append(v.Show, token)
			}
		}
		slices.SortStableFunc(v.Show, func(a, b string) int { return showOrder(a) - showOrder(b) })
		if len(v.Show) == 0 {
			v.Show = nil // nothing usable: the mode's default, not an empty page
		}
	}
	return v, notices
}

func formatFloat(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

// Encode writes the view keys that differ from the defaults, in canonical
// order, to follow a scene's query.
func (v View) Encode() string {
	var parts []string
	if v.Step != 0 {
		parts = append(parts, "step="+strconv.Itoa(v.Step))
	}
	if v.Speed != DefaultSpeed {
		parts = append(parts, "speed="+formatFloat(v.Speed))
	}
	if v.Lang != "" {
		parts = append(parts, "lang="+url.QueryEscape(v.Lang))
	}
	if v.Embed {
		parts = append(parts, "embed=1")
	}
	if v.Show != nil {
		parts = append(parts, "show="+strings.Join(v.Show, ","))
	}
	if v.Lock {
		parts = append(parts, "lock=1")
	}
	if v.Autoplay {
		parts = append(parts, "autoplay=1")
	}
	return strings.Join(parts, "&")
}

// Shows reports whether the page shows part (a Parts entry or a
// hyperparameter key): everything by default, EmbedDefault in an embed,
// and what Show lists when it is set. A hyperparameter shows when
// "params" or its key is listed.
func (v View) Shows(part string) bool {
	show := v.Show
	if show == nil {
		if !v.Embed {
			return true
		}
		show = EmbedDefault
	}
	if slices.Contains(show, part) {
		return true
	}
	_, isParam := optimizers.LookupParam(part)
	return (isParam || part == "sched") && slices.Contains(show, "params")
}
