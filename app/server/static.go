//go:build !wasm

package server

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
	ui "github.com/optimplay/optimplay/app"
	"github.com/optimplay/optimplay/app/session"
)

// WriteStatic writes the static website into dir: go-app's prerendered
// page, service worker, scripts and manifest, and the web directory (which
// go-app's generator leaves out), for hosting under the URL path base.
// The version names the build; "" derives it from app.wasm.
func WriteStatic(dir, web, base, version string) error {
	base = strings.TrimSuffix(base, "/")
	if base != "" && !strings.HasPrefix(base, "/") {
		return fmt.Errorf("-base %q must start with /", base)
	}
	if version == "" {
		v, err := fileVersion(filepath.Join(web, "app.wasm"))
		if err != nil {
			return fmt.Errorf("%v: build it first with make wasm", err)
		}
		version = v
	}
	h := ui.Handler()
	h.Version = version
	if base != "" {
		h.Resources = app.CustomProvider("", base)
		// The service worker caches the page as base, without the slash
		// that the page is opened with: cache base/ too, or the page
		// fails offline.
		h.CacheableResources = append(h.CacheableResources, base+"/")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if err := app.GenerateStaticWebsite(dir, h); err != nil {
		return err
	}
	if err := allowZoomIn(dir); err != nil {
		return err
	}
	if err := CopyResources(web, filepath.Join(dir, "web")); err != nil {
		return err
	}
	return writeFigures(filepath.Join(dir, filepath.FromSlash(strings.TrimPrefix(session.FigureDir, "/"))))
}

// writeFigures writes the published figures into dir.
func writeFigures(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, name := range session.PublishedFigures() {
		svg, _, err := session.PublishedFigure(name)
		if err != nil {
			return fmt.Errorf("drawing %s: %w", name, err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), svg, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// servedAsIs reports whether a file of the web directory is a resource,
// not one of the compressed copies of app.wasm that only Server uses.
func servedAsIs(name string) bool {
	for _, suffix := range []string{".br", ".gz", ".version", ".tmp"} {
		if strings.HasSuffix(name, suffix) {
			return false
		}
	}
	return true
}

// CopyResources copies the files of the web directory from that are
// resources (app.wasm, styles, icons) into the directory to.
func CopyResources(from, to string) error {
	if err := os.MkdirAll(to, 0o755); err != nil {
		return err
	}
	entries, err := os.ReadDir(from)
	if err != nil {
		return err
	}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !servedAsIs(name) {
			continue
		}
		if err := copyFile(filepath.Join(from, name), filepath.Join(to, name)); err != nil {
			return err
		}
	}
	return nil
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
