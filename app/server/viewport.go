package server

import (
	"bytes"
	"io/fs"
	"mime"
	"os"
	"path/filepath"
)

// go-app's pages forbid zooming (maximum-scale=1, user-scalable=0), which
// fails WCAG 1.4.4 (resize text): the server and the static site serve
// them with a viewport that lets the reader zoom.
var (
	lockedViewport = []byte(`content="width=device-width, initial-scale=1, maximum-scale=1, user-scalable=0, viewport-fit=cover"`)
	zoomViewport   = []byte(`content="width=device-width, initial-scale=1, viewport-fit=cover"`)
)

// allowZoom returns page with go-app's viewport replaced by one that
// allows zooming; a body of another type is returned as it is.
func allowZoom(contentType string, page []byte) []byte {
	if t, _, err := mime.ParseMediaType(contentType); err != nil || t != "text/html" {
		return page
	}
	return bytes.Replace(page, lockedViewport, zoomViewport, 1)
}

// allowZoomIn rewrites the viewport of every page (.html file) under dir.
func allowZoomIn(dir string) error {
	return filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(path) != ".html" {
			return err
		}
		page, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(path, allowZoom("text/html", page), 0o644)
	})
}
