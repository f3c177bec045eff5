package app

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"
	"github.com/optimplay/optimplay/app/i18n"
	"github.com/optimplay/optimplay/app/lessons"
)

// LessonsMenu lists the lessons, each a link that opens it with its
// preset scene, behind a native disclosure.
type LessonsMenu struct {
	app.Compo

	Lang    i18n.Lang
	Current int // the lesson shown, 0 for none
	// Links are the page's addresses of each lesson's preset, by its
	// number.
	Links []string
}

// Render draws the menu.
func (m *LessonsMenu) Render() app.UI {
	msgs := i18n.For(m.Lang)
	items := make([]app.UI, lessons.Count)
	for i := range items {
		n := i + 1
		a := app.A().Href(m.Links[n]).Text(msgs.T(i18n.LessonTitle(n)))
		if n == m.Current {
			a = a.Aria("current", "page")
		}
		items[i] = app.Li().Body(a)
	}
	return app.Details().ID("lessons-menu").Class("lessons-menu").Body(
		app.Summary().Text(msgs.T(i18n.LessonsMenu)),
		app.P().Class("hint").Text(msgs.T(i18n.LessonsHint)),
		app.Ol().Body(items...),
	)
}
