//go:build !wasm

package app

import (
	_ "embed"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
	"github.com/optimplay/optimplay/app/i18n"
	"github.com/optimplay/optimplay/app/session"
)

// serviceWorker is the service worker's template: go-app's, with the
// install past the HTTP cache, navigations answered whatever their query,
// and the version it holds told to the pages that ask.
//
//go:embed worker.js
var serviceWorker string

// cacheable are the resources the service worker keeps besides go-app's
// own: the third-party notices and the published figures.
func cacheable() []string {
	resources := []string{"/web/third-party-notices.txt"}
	for _, name := range session.PublishedFigures() {
		resources = append(resources, session.FigureDir+name)
	}
	return resources
}

// Handler returns go-app's handler for the app: the page, its manifest,
// service worker and resources from the web directory. It is kept out of
// the WebAssembly build, which does not need the server's code.
func Handler() *app.Handler {
	msgs := i18n.For(i18n.English)
	return &app.Handler{
		Name:            msgs.T(i18n.AppTitle),
		ShortName:       "Optimizers",
		Title:           msgs.T(i18n.AppTitle),
		Description:     msgs.T(i18n.AppDescription),
		Lang:            string(i18n.English),
		LoadingLabel:    msgs.T(i18n.LoadingProgress),
		BackgroundColor: "#ffffff",
		ThemeColor:      "#3b518b",
		Icon: app.Icon{
			Default:    "/web/icon-192.png",
			Large:      "/web/icon-512.png",
			SVG:        "/web/icon.svg",
			AppleTouch: "/web/icon-192.png",
		},
		Styles:                []string{"/web/app.css"},
		CacheableResources:    cacheable(),
		ServiceWorkerTemplate: serviceWorker,
	}
}
