package app

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
	"github.com/optimplay/optimplay/app/i18n"
	"github.com/optimplay/optimplay/app/lessons"
)

// LessonPanel is a guided lesson (#lesson): its title, its paragraphs,
// its tasks with their state, checked by the Playground from the live
// runs, the feedback of those met and each answer behind a native
// disclosure, and links to the lesson's preset and to its neighbours.
type LessonPanel struct {
	app.Compo

	Lang i18n.Lang
	N    int
	// Paragraphs is the lesson's number of paragraphs; Met says, per
	// task, whether it is met.
	Paragraphs int
	Met        []bool
	// Links are the page's addresses of each lesson's preset, by its
	// number, and at 0 of the page without lessons.
	Links []string
}

// Render draws the lesson.
func (l *LessonPanel) Render() app.UI {
	msgs := i18n.For(l.Lang)
	body := []app.UI{
		app.P().Class("lesson-of").Text(msgs.T(i18n.LessonOf, l.N, lessons.Count)),
		app.H2().ID("lesson-title").Text(msgs.T(i18n.LessonTitle(l.N))),
	}
	for k := 1; k <= l.Paragraphs; k++ {
		body = append(body, app.P().Text(msgs.T(i18n.LessonParagraph(l.N, k))))
	}
	tasks := make([]app.UI, len(l.Met))
	for i, met := range l.Met {
		k := i + 1
		state, class := msgs.T(i18n.LessonTaskTodo), "task"
		if met {
			state, class = msgs.T(i18n.LessonTaskMet), "task met"
		}
		tasks[i] = app.Li().ID("lesson-task"+strconv.Itoa(k)).Class(class).DataSet("met", met).Body(
			app.P().Body(
				app.Strong().Class("task-state").Text(state+" "),
				app.Text(msgs.T(i18n.LessonTask(l.N, k))),
			),
			// The feedback is announced when it appears.
			app.P().Class("feedback").Aria("live", "polite").Body(
				app.If(met, app.Text(msgs.T(i18n.LessonTaskFeedback(l.N, k)))),
			),
			app.Details().Class("answer").Body(
				app.Summary().Text(msgs.T(i18n.LessonReveal)),
				app.P().Text(msgs.T(i18n.LessonTaskAnswer(l.N, k))),
			),
		)
	}
	body = append(body,
		app.H3().Text(msgs.T(i18n.LessonTasks)),
		app.Ol().Class("tasks").Body(tasks...),
		app.Nav().Class("lesson-nav").Aria("label", msgs.T(i18n.LessonsMenu)).Body(l.nav(msgs)...),
	)
	return app.Section().ID("lesson").Class("lesson").Aria("labelledby", "lesson-title").Body(body...)
}

// nav links to the previous lesson, the preset, the next lesson and the
// page without lessons.
func (l *LessonPanel) nav(msgs i18n.Catalog) []app.UI {
	var links []app.UI
	if l.N > 1 {
		links = append(links, app.A().ID("lesson-prev").Href(l.Links[l.N-1]).Text(msgs.T(i18n.LessonPrev)))
	}
	links = append(links, app.A().ID("lesson-preset").Href(l.Links[l.N]).Text(msgs.T(i18n.LessonPreset)))
	if l.N < lessons.Count {
		links = append(links, app.A().ID("lesson-next").Href(l.Links[l.N+1]).Text(msgs.T(i18n.LessonNext)))
	}
	return append(links, app.A().ID("lesson-leave").Href(l.Links[0]).Text(msgs.T(i18n.LessonLeave)))
}
