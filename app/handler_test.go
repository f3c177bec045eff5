//go:build !wasm

package app

import (
	"io"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestServiceWorker checks the worker go-app serves from the template:
// this build's cache, filled past the HTTP cache; navigations answered
// from it whatever their query; the version told to the pages; and the
// figures among the resources kept offline.
func TestServiceWorker(t *testing.T) {
	h := Handler()
	h.Version = "v123"
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/app-worker.js", nil))
	body, _ := io.ReadAll(rec.Body)
	js := string(body)
	for _, want := range []string{
		`const cacheName = "app-" + "v123"`,
		`new Request(url, { cache: "reload" })`,
		`ignoreSearch: navigation`,
		`postMessage({ appVersion: "v123" })`,
		`"/web/figures/surface-rosenbrock.svg"`,
		`"/web/third-party-notices.txt"`,
		`"/web/app.wasm"`,
	} {
		if !strings.Contains(js, want) {
			t.Errorf("the service worker lacks %s", want)
		}
	}
	if strings.Contains(js, "{{") || !strings.HasPrefix(h.Icon.Default, "/web/") {
		t.Errorf("template not filled or remote icon: %.200s", js)
	}
}
