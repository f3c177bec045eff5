//go:build !wasm

package app

import (
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
	"github.com/optimplay/optimplay/app/i18n"
)

// goappFetch is the fetch handler of go-app's service worker: cache first,
// matching the whole URL, query included.
const goappFetch = `self.addEventListener("fetch", (event) => {
  event.respondWith(
    caches.match(event.request).then((response) => {
      return response || fetch(event.request);
    })
  );
});`

// pageFetch answers the page's own navigations from the cache whatever
// their query: every permalink is the one cached page with another query,
// which the app reads, so links open offline too.
const pageFetch = `self.addEventListener("fetch", (event) => {
  const navigation = event.request.mode === "navigate";
  event.respondWith(
    caches.match(event.request, { ignoreSearch: navigation }).then((response) => {
      return response || fetch(event.request);
    })
  );
});`

// serviceWorker is go-app's service worker with pageFetch.
var serviceWorker = strings.Replace(app.DefaultAppWorkerJS, goappFetch, pageFetch, 1)

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
		CacheableResources:    []string{"/web/third-party-notices.txt"},
		ServiceWorkerTemplate: serviceWorker,
	}
}
