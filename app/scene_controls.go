package app

import (
	"fmt"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
	"github.com/optimplay/optimplay/app/i18n"
	"github.com/optimplay/optimplay/optimizers"
	"github.com/optimplay/optimplay/optimizers/scene"
)

// SceneControls sets the surface, the start point and the run's settings:
// steps, seed, and gradient noise or (on linreg) the data and batch size;
// on a surface typed as a formula, the formula.
type SceneControls struct {
	app.Compo

	Lang   i18n.Lang
	Scene  scene.Scene
	Domain optimizers.Box
	Starts [][2]float64
	Axes   [2]string
	Locked bool
	// NoMinimum is set on a formula whose minimum was not found;
	// FormulaError says why the formula last typed was refused.
	NoMinimum    bool
	FormulaError string
}

// about describes the surface: a built-in one in words, a formula with
// its form.
func (s *SceneControls) about(msgs i18n.Catalog) app.UI {
	sc := s.Scene
	if sc.Fn != scene.CustomFn {
		return app.P().Class("about").Text(msgs.T(i18n.SurfaceAbout(sc.Fn)))
	}
	return app.Div().Body(
		app.P().Class("about").Text(msgs.T(i18n.CustomAbout)),
		&FormulaControl{Lang: s.Lang, F: sc.Formula, XR: sc.XR, YR: sc.YR, Error: s.FormulaError, Locked: s.Locked},
		app.If(s.NoMinimum, app.P().ID("formula-no-minimum").Class("hint").Text(msgs.T(i18n.CustomNoMinimum))),
	)
}

// Render draws the controls.
func (s *SceneControls) Render() app.UI {
	msgs := i18n.For(s.Lang)
	sc := s.Scene
	options := make([]app.UI, 0, 12)
	for _, name := range optimizers.SurfaceNames() {
		options = append(options, app.Option().Value(name).Selected(name == sc.Fn).Text(msgs.T(i18n.SurfaceName(name))))
	}
	options = append(options, app.Option().Value(scene.CustomFn).Selected(sc.Fn == scene.CustomFn).Text(msgs.T(i18n.CustomName)))
	presets := make([]app.UI, len(s.Starts))
	for i, p := range s.Starts {
		presets[i] = app.Button().Type("button").Class("preset").Disabled(s.Locked).
			Text(fmt.Sprintf("(%s, %s)", formatNumber(p[0]), formatNumber(p[1]))).
			OnClick(func(ctx app.Context, e app.Event) { ctx.NewActionWithValue(actionStart, p) }, p)
	}
	settings := []app.UI{
		&NumberControl{ID: "steps", Label: msgs.T(i18n.StepsLabel), Value: float64(sc.Steps), Min: 1,
			Max: scene.MaxSteps, Scale: optimizers.Log, Integer: true, Slider: true, Target: targetScene, Key: "steps", Disabled: s.Locked,
			Exact: msgs.T(i18n.NumberInputLabel, msgs.T(i18n.StepsLabel))},
	}
	switch sc.Fn {
	case "quadratic":
		settings = append(settings, &NumberControl{ID: "kappa", Label: msgs.T(i18n.KappaLabel), Value: sc.Kappa,
			Min: scene.MinKappa, Max: scene.MaxKappa, Scale: optimizers.Log, Slider: true, Target: targetScene,
			Key: "kappa", Disabled: s.Locked, Exact: msgs.T(i18n.NumberInputLabel, msgs.T(i18n.KappaLabel))})
	case "linreg":
		settings = append(settings, &DataEditor{Lang: s.Lang, Given: sc.Data != nil, Locked: s.Locked},
			&NumberControl{ID: "n", Label: msgs.T(i18n.NLabel), Value: float64(sc.N), Min: scene.MinN, Max: scene.MaxN,
				Integer: true, Target: targetScene, Key: "n", Disabled: s.Locked},
			&NumberControl{ID: "batch", Label: msgs.T(i18n.BatchLabel) + " (0 = " + msgs.T(i18n.BatchFull) + ")",
				Value: float64(sc.Batch), Min: 0, Max: float64(sc.N), Integer: true, Slider: true,
				Target: targetScene, Key: "batch", Disabled: s.Locked, Exact: msgs.T(i18n.NumberInputLabel, msgs.T(i18n.BatchLabel))},
		)
	}
	settings = append(settings,
		&NumberControl{ID: "noise", Label: msgs.T(i18n.NoiseLabel), Value: sc.Noise, Min: 0, Max: scene.MaxNoise,
			Slider: true, Target: targetScene, Key: "noise", Disabled: s.Locked, Exact: msgs.T(i18n.NumberInputLabel, msgs.T(i18n.NoiseLabel))},
		&NumberControl{ID: "seed", Label: msgs.T(i18n.SeedLabel), Value: float64(sc.Seed), Min: 0, Max: scene.MaxSeed,
			Integer: true, Target: targetScene, Key: "seed", Disabled: s.Locked},
	)
	return app.FieldSet().Class("scene-controls").Body(
		app.Legend().Text(msgs.T(i18n.SceneLabel)),
		app.Div().Class("control").Body(
			app.Label().For("surface-select").Text(msgs.T(i18n.SurfaceLabel)),
			app.Select().ID("surface-select").Disabled(s.Locked).Body(options...).OnChange(s.onSurface),
		),
		s.about(msgs),
		app.FieldSet().Class("start").Body(
			app.Legend().Text(msgs.T(i18n.StartLabel)),
			app.Div().Class("start-xy").Body(
				&NumberControl{ID: "start-x", Label: msgs.T(i18n.StartX, s.Axes[0]), Value: sc.X0[0],
					Min: s.Domain.XMin, Max: s.Domain.XMax, Target: targetStart, Key: "x", Disabled: s.Locked},
				&NumberControl{ID: "start-y", Label: msgs.T(i18n.StartY, s.Axes[1]), Value: sc.X0[1],
					Min: s.Domain.YMin, Max: s.Domain.YMax, Target: targetStart, Key: "y", Disabled: s.Locked},
			),
			app.Div().Class("presets").Aria("label", msgs.T(i18n.StartPreset)).Body(presets...),
		),
		app.Div().Class("controls").Body(settings...),
	)
}

func (s *SceneControls) onSurface(ctx app.Context, e app.Event) {
	ctx.NewActionWithValue(actionSurface, ctx.JSSrc().Get("value").String())
}
