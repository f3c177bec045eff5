package app

import (
	"fmt"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
	"github.com/optimplay/optimplay/app/i18n"
	"github.com/optimplay/optimplay/optimizers"
	"github.com/optimplay/optimplay/optimizers/scene"
)

// OptimizerPanel holds the hyperparameters of one racing optimizer: those
// of Keys (which apply to it), each on its own scale, the learning rate
// marked with its critical value where theory gives one, and the
// learning-rate schedule (when ShowSched is set); disabled when the page
// is locked.
type OptimizerPanel struct {
	app.Compo

	Lang   i18n.Lang
	Run    int
	Opt    string
	Color  string // CSS colour of the run
	Hyper  optimizers.Hyper
	Keys   []string
	Locked bool
	// Critical is the learning rate above which the run diverges, nil
	// when unknown.
	Critical *optimizers.CriticalLR
	// ShowSched shows the schedule: Sched with its parameters for a
	// scene of Steps steps, and its figure LRPlot (an image source, ""
	// for a constant rate).
	ShowSched bool
	Sched     scene.Sched
	Steps     int
	LRPlot    string
}

// Render draws the panel.
func (p *OptimizerPanel) Render() app.UI {
	msgs := i18n.For(p.Lang)
	name := msgs.T(i18n.OptimizerName(p.Opt))
	controls := make([]app.UI, 0, len(p.Keys)+2)
	for _, key := range p.Keys {
		param, _ := optimizers.LookupParam(key)
		id := fmt.Sprintf("run%d-%s", p.Run, key)
		label := msgs.T(i18n.ParamName(key))
		if param.Scale == optimizers.Flag {
			controls = append(controls, &FlagControl{ID: id, Label: label, On: p.Hyper[key] == 1, Target: p.Run, Key: key,
				Disabled: p.Locked})
			continue
		}
		c := &NumberControl{
			ID: id, Label: label, Value: p.Hyper[key], Min: param.Min, Max: param.Max,
			Scale: param.Scale, Slider: true, Target: p.Run, Key: key,
			Exact: msgs.T(i18n.NumberInputLabel, label), Disabled: p.Locked,
		}
		if key == "lr" && p.Critical != nil {
			c.Mark = &SliderMark{Value: p.Critical.LR, Label: criticalLabel(msgs, *p.Critical)}
		}
		controls = append(controls, c)
		if key == "lr" && p.Critical != nil {
			controls = append(controls, p.criticalNote(msgs))
		}
	}
	if p.ShowSched {
		controls = append(controls, &SchedControls{Lang: p.Lang, Run: p.Run, Sched: p.Sched, LR: p.Hyper["lr"],
			Steps: p.Steps, Plot: p.LRPlot, Locked: p.Locked})
	}
	return app.FieldSet().Class("optimizer-panel").Style("--run-color", p.Color).Body(
		app.Legend().Body(
			app.Span().Class("swatch").Aria("hidden", "true"),
			app.Text(msgs.T(i18n.ParamsOf, name)),
		),
		app.P().Class("about").Text(msgs.T(i18n.OptimizerAbout(p.Opt))),
		app.Div().Class("controls").Body(controls...),
	)
}

// criticalLabel is the tick's label: "2/λmax = 0.2", or "≈ …" for a local
// estimate.
func criticalLabel(msgs i18n.Catalog, c optimizers.CriticalLR) string {
	if c.Local {
		return msgs.T(i18n.CriticalTickLocal, formatNumber(c.LR))
	}
	return msgs.T(i18n.CriticalTick, c.Formula, formatNumber(c.LR))
}

// criticalNote says in words what the critical learning rate is and what
// happens beyond it, and whether the run's learning rate is beyond it.
func (p *OptimizerPanel) criticalNote(msgs i18n.Catalog) app.UI {
	c := *p.Critical
	key := i18n.CriticalExact
	if c.Local {
		key = i18n.CriticalLocal
	}
	text := msgs.T(key, formatNumber(c.LR), c.Formula, formatNumber(c.LambdaMax))
	class := "critical hint"
	if p.Hyper["lr"] > c.LR {
		text += " " + msgs.T(i18n.CriticalAbove)
		class = "critical warn"
	}
	return app.P().ID(fmt.Sprintf("run%d-critical", p.Run)).Class(class).Text(text)
}
