package app

import (
	"net/url"
	"strconv"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
	"github.com/optimplay/optimplay/app/lessons"
	"github.com/optimplay/optimplay/optimizers/scene"
)

// The Playground's lessons: the menu, and the lesson of a scene that
// belongs to one, its tasks checked against the runs at every rendering.

// lessonLinks are the page's addresses of each lesson's preset, by its
// number, and at 0 of the page without lessons; in the link's language
// when it names one.
func (p *Playground) lessonLinks() []string {
	lang := p.sess.View().Lang
	links := make([]string, lessons.Count+1)
	for n := range links {
		q := url.Values{}
		if n > 0 {
			q.Set(lessons.Key, strconv.Itoa(n))
		}
		if lang != "" {
			q.Set("lang", lang)
		}
		links[n] = p.pageURL(q.Encode())
	}
	return links
}

// lessonPanel is the lesson sc belongs to, with its tasks checked, or nil.
func (p *Playground) lessonPanel(sc scene.Scene, links []string) app.UI {
	l, ok := lessons.Get(sc.Lesson)
	if !ok {
		return nil
	}
	st := lessons.State{Scene: sc, Surface: p.sess.Surface(), Runs: p.sess.Trajectories()}
	met := make([]bool, len(l.Tasks))
	for i, t := range l.Tasks {
		met[i] = t.Check(st)
	}
	return &LessonPanel{Lang: p.lang, N: l.N, Paragraphs: l.Paragraphs, Met: met, Links: links}
}
