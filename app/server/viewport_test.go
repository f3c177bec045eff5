//go:build !wasm

package server

import (
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// viewportMeta finds a page's viewport meta tags, attributes in any order.
var viewportMeta = regexp.MustCompile(`<meta [^>]*name="viewport"[^>]*>`)

// checkZoomable fails unless page has one viewport and it lets the
// reader zoom: no maximum-scale below 2 (WCAG asks for 200 %), no
// user-scalable=no or 0.
func checkZoomable(t *testing.T, where, page string) {
	t.Helper()
	tags := viewportMeta.FindAllString(page, -1)
	if len(tags) != 1 {
		t.Fatalf("%s: %d viewport meta tags: %q", where, len(tags), tags)
	}
	content := regexp.MustCompile(`content="([^"]*)"`).FindStringSubmatch(tags[0])
	if content == nil {
		t.Fatalf("%s: viewport without content: %s", where, tags[0])
	}
	for _, part := range strings.Split(content[1], ",") {
		k, v, _ := strings.Cut(strings.TrimSpace(part), "=")
		switch {
		case k == "user-scalable" && (v == "no" || v == "0"):
			t.Errorf("%s: %s forbids zooming", where, tags[0])
		case k == "maximum-scale":
			if scale, err := strconv.ParseFloat(v, 64); err != nil || scale < 2 {
				t.Errorf("%s: %s limits zooming", where, tags[0])
			}
		}
	}
	if !strings.Contains(content[1], "width=device-width") {
		t.Errorf("%s: %s lost width=device-width", where, tags[0])
	}
}

// TestPagesCanBeZoomed: the served page and the static site's pages can
// be zoomed, though go-app's template forbids it.
func TestPagesCanBeZoomed(t *testing.T) {
	ts, _ := testServer(t)
	for _, path := range []string{"/", "/?fn=booth&opt=adam&embed=1"} {
		page, _ := io.ReadAll(get(t, ts.URL+path, nil).Body)
		checkZoomable(t, path, string(page))
	}
	dir := t.TempDir()
	if err := WriteStatic(dir, testWeb(t), "", "test"); err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile(filepath.Join(dir, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	checkZoomable(t, "static index.html", string(page))
}
