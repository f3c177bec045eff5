package app

import (
	"html"
	"slices"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
	"github.com/optimplay/optimplay/app/i18n"
	"github.com/optimplay/optimplay/app/session"
)

// Share gives the page's link, an <iframe> snippet that embeds the scene
// with the parts, lock and autoplay a teacher picks, and the exports:
// the runs, the figures and a PyTorch script.
type Share struct {
	app.Compo

	Lang    i18n.Lang
	Page    string // the page's address without query
	Query   string // the page's query: the link
	Scene   string // the scene's query at the shown step, for the embed
	HasData bool   // the surface has a data view

	parts    []string // the parts the embed shows; nil: session.EmbedDefault
	lock     bool
	autoplay bool
	status   string
}

// embedParts are the parts a teacher can pick for an embed.
var embedParts = []string{"surface", "loss", "data", "legend", "readout", "lr", "params", "sched", "math", "sweep"}

// chosen returns the parts the embed shows.
func (s *Share) chosen() []string {
	if s.parts != nil {
		return s.parts
	}
	return slices.DeleteFunc(slices.Clone(session.EmbedDefault), func(p string) bool { return p == "data" && !s.HasData })
}

// embedURL is the address of the embed.
func (s *Share) embedURL() string {
	parts := s.chosen()
	v := session.View{Speed: session.DefaultSpeed, Embed: true, Show: parts, Lock: s.lock, Autoplay: s.autoplay}
	return s.Page + "?" + s.Scene + "&" + v.Encode()
}

// snippet is the <iframe> element that embeds the scene.
func (s *Share) snippet(title string) string {
	return `<iframe src="` + html.EscapeString(s.embedURL()) + `" width="720" height="540" ` +
		`style="border:0;max-width:100%" title="` + html.EscapeString(title) + `" loading="lazy"></iframe>`
}

// Render draws the link, the embed options and snippet, and the exports.
func (s *Share) Render() app.UI {
	msgs := i18n.For(s.Lang)
	link := s.Page + "?" + s.Query
	parts := s.chosen()
	boxes := make([]app.UI, 0, len(embedParts))
	for _, part := range embedParts {
		if part == "data" && !s.HasData {
			continue
		}
		id := "embed-show-" + part
		boxes = append(boxes, app.Div().Class("pick").Body(
			app.Input().Type("checkbox").ID(id).Value(part).Checked(slices.Contains(parts, part)).OnChange(s.onPart),
			app.Label().For(id).Text(msgs.T(i18n.EmbedPart(part))),
		))
	}
	return app.FieldSet().Class("share").Body(
		app.Legend().Text(msgs.T(i18n.ShareLabel)),
		app.Div().Class("control").Body(
			app.Label().For("share-link").Text(msgs.T(i18n.ShareLink)),
			app.Div().Class("row").Body(
				app.Input().Type("text").ID("share-link").ReadOnly(true).Value(link),
				app.Button().Type("button").ID("copy-link").Text(msgs.T(i18n.Copy)).
					OnClick(func(ctx app.Context, e app.Event) { s.copy(ctx, "share-link") }),
			),
		),
		app.FieldSet().Class("embed-options").Body(
			app.Legend().Text(msgs.T(i18n.EmbedLabel)),
			app.Div().Class("picks").Body(boxes...),
			app.Div().Class("pick").Body(
				app.Input().Type("checkbox").ID("embed-lock").Checked(s.lock).OnChange(func(ctx app.Context, e app.Event) {
					s.lock = ctx.JSSrc().Get("checked").Bool()
				}),
				app.Label().For("embed-lock").Text(msgs.T(i18n.EmbedLock)),
			),
			app.Div().Class("pick").Body(
				app.Input().Type("checkbox").ID("embed-autoplay").Checked(s.autoplay).OnChange(func(ctx app.Context, e app.Event) {
					s.autoplay = ctx.JSSrc().Get("checked").Bool()
				}),
				app.Label().For("embed-autoplay").Text(msgs.T(i18n.EmbedAutoplay)),
			),
			app.Label().For("embed-code").Text(msgs.T(i18n.EmbedCode)),
			app.Textarea().ID("embed-code").ReadOnly(true).Rows(3).Text(s.snippet(msgs.T(i18n.AppTitle))),
			app.Button().Type("button").ID("copy-embed").Text(msgs.T(i18n.Copy)).
				OnClick(func(ctx app.Context, e app.Event) { s.copy(ctx, "embed-code") }),
		),
		&Exports{Lang: s.Lang, Query: s.Query, HasData: s.HasData},
		app.Output().ID("share-status").Aria("live", "polite").Text(s.status),
	)
}

func (s *Share) onPart(ctx app.Context, e app.Event) {
	part := ctx.JSSrc().Get("value").String()
	parts := slices.DeleteFunc(slices.Clone(s.chosen()), func(p string) bool { return p == part })
	if ctx.JSSrc().Get("checked").Bool() {
		parts = append(parts, part)
	}
	slices.SortFunc(parts, func(a, b string) int { return slices.Index(embedParts, a) - slices.Index(embedParts, b) })
	s.parts = parts
}

// copy selects the text of the element id and puts it on the clipboard;
// where the browser refuses (a page not served over https), the text stays
// selected for the reader to copy.
func (s *Share) copy(ctx app.Context, id string) {
	msgs := i18n.For(s.Lang)
	el := app.Window().GetElementByID(id)
	if !el.Truthy() {
		return
	}
	el.Call("select")
	copyText(ctx, el.Get("value").String(), func(ok bool) {
		s.status = msgs.T(i18n.CopyByHand)
		if ok {
			s.status = msgs.T(i18n.Copied)
		}
	})
}
