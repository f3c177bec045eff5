package app

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"
	"github.com/optimplay/optimplay/app/i18n"
)

// UpdateBanner says that a new version of the playground is ready and
// offers to reload the page on it; the scene is kept, in the address.
type UpdateBanner struct {
	app.Compo

	Lang i18n.Lang
}

// Render draws the banner.
func (b *UpdateBanner) Render() app.UI {
	msgs := i18n.For(b.Lang)
	return app.Div().ID("update").Class("update-banner").Role("status").Body(
		app.Span().Text(msgs.T(i18n.UpdateReady)+" "),
		app.Button().Type("button").ID("reload-update").Text(msgs.T(i18n.UpdateReload)).
			OnClick(func(ctx app.Context, e app.Event) { ctx.NewAction(actionReload) }),
	)
}
