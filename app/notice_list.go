package app

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"
	"github.com/optimplay/optimplay/app/i18n"
)

// NoticeList shows what the page changed of a link or an entry, and
// errors, until dismissed. Divergence messages are painted into its
// status line every frame, and the step shown is told in words to screen
// readers.
type NoticeList struct {
	app.Compo

	Lang     i18n.Lang
	Messages []string
}

// Render draws the list.
func (n *NoticeList) Render() app.UI {
	msgs := i18n.For(n.Lang)
	items := make([]app.UI, len(n.Messages))
	for i, m := range n.Messages {
		items[i] = app.Li().Text(m)
	}
	return app.Section().Class("notices").Aria("label", msgs.T(i18n.NoticesLabel)).Body(
		app.P().ID("run-status").Class("run-status").Aria("live", "polite"),
		// The shown step in words, for screen readers (the narrator).
		app.P().ID("narration").Class("visually-hidden").Aria("live", "polite").Aria("atomic", "true"),
		app.If(len(n.Messages) > 0,
			app.Div().Class("notice-box").Body(
				app.Ul().ID("notices").Aria("live", "polite").Body(items...),
				app.Button().Type("button").ID("dismiss").Text(msgs.T(i18n.NoticeDismiss)).
					OnClick(func(ctx app.Context, e app.Event) { ctx.NewAction(actionDismiss) }),
			),
		),
	)
}
