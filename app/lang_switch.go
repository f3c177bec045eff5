package app

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"
	"github.com/optimplay/optimplay/app/i18n"
	"github.com/optimplay/optimplay/app/session"
)

// LangSwitch chooses the interface language. Each language is named in
// itself, marked with its own lang so that screen readers speak it so.
type LangSwitch struct {
	app.Compo

	Lang i18n.Lang
}

// Render draws a native select of the languages.
func (l *LangSwitch) Render() app.UI {
	msgs := i18n.For(l.Lang)
	options := make([]app.UI, len(session.Languages))
	for i, tag := range session.Languages {
		lang := i18n.Lang(tag)
		options[i] = app.Option().Value(tag).Lang(htmlLang(lang)).Selected(lang == l.Lang).Text(i18n.Endonym(lang))
	}
	return app.Div().Class("lang-switch").Body(
		app.Label().For("lang-select").Text(msgs.T(i18n.LanguageLabel)),
		app.Select().ID("lang-select").OnChange(l.onChange).Body(options...),
	)
}

func (l *LangSwitch) onChange(ctx app.Context, e app.Event) {
	ctx.NewActionWithValue(actionLang, ctx.JSSrc().Get("value").String())
}
