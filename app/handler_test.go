//go:build !wasm

package app

import (
	"strings"
	"testing"
)

// TestServiceWorkerAnswersLinksOffline checks that the service worker
// template is go-app's with the navigation fetch handler swapped in.
func TestServiceWorkerAnswersLinksOffline(t *testing.T) {
	if !strings.Contains(serviceWorker, "ignoreSearch: navigation") || strings.Contains(serviceWorker, goappFetch) {
		t.Error("go-app's fetch handler was not replaced: has go-app's service worker changed?")
	}
	if h := Handler(); h.ServiceWorkerTemplate != serviceWorker || !strings.HasPrefix(h.Icon.Default, "/web/") {
		t.Errorf("handler %+v", h)
	}
}
