//go:build !wasm

package app

import (
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
	"github.com/optimplay/optimplay/app/i18n"
	"github.com/optimplay/optimplay/optimizers"
)

// mountPlayground mounts a Playground in go-app's client tester and
// navigates to query.
func mountPlayground(t *testing.T, query string) (*Playground, app.ClientDispatcher) {
	t.Helper()
	p := &Playground{}
	disp := app.NewClientTester(p)
	t.Cleanup(disp.Close)
	disp.Nav(&url.URL{Path: "/", RawQuery: query})
	disp.Consume()
	if p.sess == nil {
		t.Fatal("no session after navigation")
	}
	return p, disp
}

// send posts an action as a control does and lets the page handle it.
func send(p *Playground, disp app.ClientDispatcher, name string, v any) {
	disp.Dispatch(app.Dispatch{Mode: app.Update, Source: p, Function: func(ctx app.Context) {
		ctx.NewActionWithValue(name, v)
	}})
	disp.Consume()
	disp.Consume() // the action's handler is dispatched by a goroutine
}

// TestPlaygroundLoadsTheLink checks the scene and the notices of a link.
func TestPlaygroundLoadsTheLink(t *testing.T) {
	p, _ := mountPlayground(t, "fn=quadratic&opt=gd,adam&lr=0.1&b1=7")
	sc := p.sess.Scene()
	if sc.Fn != "quadratic" || len(sc.Runs) != 2 || sc.Runs[1].Hyper["b1"] != 0.9999 {
		t.Errorf("scene %+v", sc)
	}
	if got := p.noticeMessages(i18n.For(i18n.English)); len(got) != 1 || !strings.Contains(got[0], "b1: 7 is out of range; using 0.9999") {
		t.Errorf("notices %q", got)
	}
}

// TestNoticesFollowTheLanguage: a notice shown is said again in the
// language the reader switches to.
func TestNoticesFollowTheLanguage(t *testing.T) {
	p, disp := mountPlayground(t, "fn=quadratic&opt=adam&b1=7&lang=zh")
	shown := func() []string { return p.noticeMessages(i18n.For(p.lang)) } // as Render passes them
	if got := shown(); len(got) != 1 || got[0] != "b1：7 超出范围；改用 0.9999。" {
		t.Fatalf("Chinese notices %q", got)
	}
	send(p, disp, actionLang, "en")
	if got := shown(); len(got) != 1 || got[0] != "b1: 7 is out of range; using 0.9999." {
		t.Errorf("English notices %q", got)
	}
}

// TestPlaygroundActions drives the page with the controls' actions.
func TestPlaygroundActions(t *testing.T) {
	p, disp := mountPlayground(t, "fn=rosenbrock&opt=adam&lr=0.01&steps=50")
	send(p, disp, actionNumber, numberChange{Target: 0, Key: "lr", Value: 0.05})
	if lr := p.sess.Scene().Runs[0].Hyper["lr"]; lr != 0.05 {
		t.Errorf("lr %v after the slider", lr)
	}
	send(p, disp, actionNumber, numberChange{Target: 0, Key: "lr", Value: 99})
	if lr := p.sess.Scene().Runs[0].Hyper["lr"]; lr != 10 || len(p.notices) != 1 {
		t.Errorf("lr %v, notices %q after typing 99", lr, p.noticeMessages(i18n.For(i18n.English)))
	}
	send(p, disp, actionDismiss, nil)
	if len(p.notices) != 0 {
		t.Errorf("notices %q after dismissing", p.noticeMessages(i18n.For(i18n.English)))
	}
	send(p, disp, actionNumber, numberChange{Target: targetStart, Key: "y", Value: 2.5})
	if x0 := p.sess.Scene().X0; x0 != [2]float64{-1.2, 2.5} {
		t.Errorf("start %v", x0)
	}
	send(p, disp, actionNumber, numberChange{Target: targetScene, Key: "steps", Value: 80})
	send(p, disp, actionNumber, numberChange{Target: targetScene, Key: "noise", Value: 0.5})
	if sc := p.sess.Scene(); sc.Steps != 80 || sc.Noise != 0.5 {
		t.Errorf("steps %d, noise %v", sc.Steps, sc.Noise)
	}
	send(p, disp, actionNumber, numberChange{Target: targetScene, Key: "speed", Value: 120})
	if p.sess.Speed() != 120 {
		t.Errorf("speed %v", p.sess.Speed())
	}
	send(p, disp, actionOptimizers, []string{"adam", "gd"})
	if sc := p.sess.Scene(); len(sc.Runs) != 2 || sc.Runs[1].Opt != "gd" {
		t.Errorf("runs %+v", sc.Runs)
	}
	send(p, disp, actionSurface, "booth")
	if sc := p.sess.Scene(); sc.Fn != "booth" || sc.X0 != [2]float64{-2, -2} {
		t.Errorf("surface %s from %v", sc.Fn, sc.X0)
	}
	send(p, disp, actionStart, [2]float64{1, 2})
	if x0 := p.sess.Scene().X0; x0 != [2]float64{1, 2} {
		t.Errorf("preset start %v", x0)
	}
	send(p, disp, actionStep, nil)
	send(p, disp, actionStep, nil)
	if p.sess.Shown() != 2 {
		t.Errorf("shown %d after two steps", p.sess.Shown())
	}
	send(p, disp, actionReset, nil)
	if p.sess.Shown() != 0 {
		t.Errorf("shown %d after reset", p.sess.Shown())
	}
	send(p, disp, actionPlay, nil)
	if !p.playing {
		t.Error("not playing after play")
	}
	send(p, disp, actionPlay, nil)
	if p.playing {
		t.Error("playing after pause")
	}
	q, _ := url.ParseQuery(p.sess.Query())
	if q.Get("fn") != "booth" || q.Get("opt") != "adam,gd" {
		t.Errorf("query %v", q)
	}
}

// TestPlaygroundRendersThePanels checks the tree: the figures, the
// notices and one optimizer panel per run, with only its hyperparameters.
func TestPlaygroundRendersThePanels(t *testing.T) {
	p, _ := mountPlayground(t, "fn=linreg&opt=gd,rmsprop&lr=0.1&kappa=3")
	msgs := i18n.For(i18n.English)
	lambdaMax := p.sess.Surface().Curvature.Max
	for _, c := range []app.TestUIDescriptor{
		// main > section.side > div.panels > panels
		// GD's critical learning rate 2/λmax, from linreg's constant
		// Hessian; RMSprop's stability has no closed form.
		{Path: app.TestPath(0, 2, 5, 0), Expected: &OptimizerPanel{Lang: i18n.English, Run: 0, Opt: "gd", Color: cssColor(0),
			Hyper: optimizers.Hyper{"lr": 0.1, "wd": 0}, Keys: []string{"lr", "wd"}, ShowSched: true, Steps: 100,
			Critical: &optimizers.CriticalLR{LR: 2 / lambdaMax, LambdaMax: lambdaMax, Formula: "2/λmax"}}},
		{Path: app.TestPath(0, 2, 5, 1), Expected: &OptimizerPanel{Lang: i18n.English, Run: 1, Opt: "rmsprop", Color: cssColor(1),
			Hyper:     optimizers.Hyper{"lr": 0.1, "alpha": 0.99, "eps": 1e-8, "mom": 0, "centered": 0, "wd": 0},
			Keys:      []string{"lr", "eps", "mom", "alpha", "wd", "centered"},
			ShowSched: true, Steps: 100}},
		// main > section.side > the notices of the link
		{Path: app.TestPath(0, 2, 1), Expected: &NoticeList{Lang: i18n.English,
			Messages: []string{"kappa=3: does not apply here; ignored."}}},
		// main > section.views > the figures, the legend and the loss
		// table, folded and empty
		{Path: app.TestPath(0, 1, 3), Expected: &LossTable{Lang: i18n.English, Opts: []string{"gd", "rmsprop"}}},
		{Path: app.TestPath(0, 1, 4), Expected: &LayeredFigure{ID: "data", Layers: dataLayers, Caption: msgs.T(i18n.DataFig),
			Src: func() string { _, _, d := p.sess.Backgrounds(); return d }(), Alt: msgs.T(i18n.DataAlt),
			// 143 mm wide at 96 dpi, half as high; its points edited by hand.
			Width: 540, Height: 270, Editable: true, Hint: msgs.T(i18n.DataEditHint)}},
		// main > section.views > the Math panel, after the figures
		{Path: app.TestPath(0, 1, 5), Expected: &MathPanel{Lang: i18n.English, Opts: []string{"gd", "rmsprop"},
			Colors: []string{cssColor(0), cssColor(1)}}},
	} {
		if err := app.TestMatch(p, c); err != nil {
			t.Errorf("%v: %v", c.Path, err)
		}
	}
	// The GD panel (main > section.side > div.panels > panel > fieldset >
	// div.controls): lr marked with its critical value and explained,
	// weight decay, and the schedule, nothing else.
	panel := app.TestPath(0, 2, 5, 0, 0, 2)
	lr := msgs.T(i18n.ParamName("lr"))
	wd := msgs.T(i18n.ParamName("wd"))
	for _, c := range []app.TestUIDescriptor{
		{Path: append(panel, 0), Expected: &NumberControl{ID: "run0-lr", Label: lr, Value: 0.1, Min: 1e-5, Max: 10,
			Scale: optimizers.Log, Slider: true, Target: 0, Key: "lr", Exact: msgs.T(i18n.NumberInputLabel, lr),
			Mark: &SliderMark{Value: 2 / lambdaMax, Label: "2/λmax = " + strconv.FormatFloat(2/lambdaMax, 'g', 4, 64)}}},
		{Path: append(panel, 1), Expected: app.P().ID("run0-critical").Class("critical hint").Text(msgs.T(i18n.CriticalExact,
			strconv.FormatFloat(2/lambdaMax, 'g', 4, 64), "2/λmax", strconv.FormatFloat(lambdaMax, 'g', 4, 64)))},
		{Path: append(panel, 2), Expected: &NumberControl{ID: "run0-wd", Label: wd, Value: 0, Min: 0, Max: 1,
			Scale: optimizers.Linear, Slider: true, Target: 0, Key: "wd", Exact: msgs.T(i18n.NumberInputLabel, wd)}},
		{Path: append(panel, 3), Expected: &SchedControls{Lang: i18n.English, Run: 0, LR: 0.1, Steps: 100}},
	} {
		if err := app.TestMatch(p, c); err != nil {
			t.Errorf("GD panel %v: %v", c.Path, err)
		}
	}
	err := app.TestMatch(p, app.TestUIDescriptor{Path: append(panel, 4), Expected: app.Div()})
	if err == nil || !strings.Contains(err.Error(), "out of range") {
		t.Errorf("the GD panel has a third control: %v", err)
	}
}

// TestNumberControlRender checks the slider position and the exact value.
func TestNumberControlRender(t *testing.T) {
	c := &NumberControl{ID: "run0-lr", Label: "Learning rate", Value: 0.01, Min: 1e-5, Max: 10, Scale: optimizers.Log, Slider: true}
	disp := app.NewClientTester(c)
	defer disp.Close()
	// The slider (div.control > div.row > input) sits at 3 of 6 decades.
	err := app.TestMatch(c, app.TestUIDescriptor{
		Path:     app.TestPath(0, 1, 0),
		Expected: app.Input().Type("range").ID("run0-lr").Min(0).Max(100).Step(0.1).Value("50.0").Disabled(false).Aria("valuetext", "0.01").OnInput(func(app.Context, app.Event) {}),
	})
	if err != nil {
		t.Error(err)
	}
}
