package app

import (
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
	"github.com/optimplay/optimplay/app/i18n"
	"github.com/optimplay/optimplay/app/session"
)

// The page's language: the link's lang, else the browser's first
// preferred language the page speaks, else English.

// pageLang is the language of a page whose link says linked ("" when it
// does not): in the browser, the reader's preferred languages decide; on
// the server, which prerenders the page, English.
func pageLang(linked string) i18n.Lang {
	if linked != "" {
		return i18n.Lang(linked)
	}
	if !app.IsClient {
		return i18n.English
	}
	langs := app.Window().Get("navigator").Get("languages")
	if !langs.Truthy() {
		return i18n.English
	}
	tags := make([]string, langs.Length())
	for i := range tags {
		tags[i] = langs.Index(i).String()
	}
	return preferredLang(tags)
}

// preferredLang is the first of the reader's language tags (BCP 47, in
// order of preference) that the page speaks, by primary subtag: any
// Chinese gets 简体中文. English when none is.
func preferredLang(tags []string) i18n.Lang {
	for _, tag := range tags {
		primary, _, _ := strings.Cut(strings.ToLower(tag), "-")
		for _, l := range session.Languages {
			if primary == l {
				return i18n.Lang(l)
			}
		}
	}
	return i18n.English
}

// htmlLang is the lang attribute of a page in lang: Simplified Chinese
// is zh-Hans, so that browsers choose its fonts.
func htmlLang(lang i18n.Lang) string {
	if lang == i18n.Chinese {
		return "zh-Hans"
	}
	return string(lang)
}

// applyLang gives the document the page's language, title and
// description.
func (p *Playground) applyLang(ctx app.Context) {
	msgs := i18n.For(p.lang)
	page := ctx.Page()
	page.SetLang(htmlLang(p.lang))
	page.SetTitle(msgs.T(i18n.AppTitle))
	page.SetDescription(msgs.T(i18n.AppDescription))
}

// onLang switches the interface to the language chosen, which the link
// then keeps.
func (p *Playground) onLang(ctx app.Context, a app.Action) {
	lang, _ := a.Value.(string)
	p.mu.Lock()
	err := p.sess.SetLang(lang)
	p.mu.Unlock()
	if err != nil {
		p.notices = append(p.notices, noticeOf(err))
		return
	}
	p.lang = i18n.Lang(lang)
	p.applyLang(ctx)
	p.syncURL(ctx)
	if p.painter != nil {
		p.painter.forget() // the figures' texts are in the language too
	}
	ctx.Defer(func(app.Context) { p.paint() })
}
