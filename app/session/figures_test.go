package session

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/optimplay/optimplay/app/plots"
	"github.com/optimplay/optimplay/optimizers"
	"github.com/optimplay/optimplay/optimizers/scene"
)

// TestFigureCache keeps the most recently used items and builds the rest.
func TestFigureCache(t *testing.T) {
	c := &figureCache[int]{size: 2, items: map[string]int{}}
	builds := 0
	get := func(key string, v int) int {
		t.Helper()
		got, err := c.get(key, func() (int, error) { builds++; return v, nil })
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	get("a", 1)
	get("b", 2)
	if get("a", 9) != 1 || builds != 2 {
		t.Fatalf("a kept: builds %d", builds)
	}
	get("c", 3) // evicts b, the least recently used
	if get("a", 9) != 1 || get("c", 9) != 3 || builds != 3 {
		t.Fatalf("after c: builds %d", builds)
	}
	if get("b", 4) != 4 || builds != 4 || len(c.items) != 2 || len(c.keys) != 2 {
		t.Fatalf("b rebuilt: builds %d, %d items", builds, len(c.items))
	}
	if _, err := c.get("d", func() (int, error) { return 0, errors.New("no") }); err == nil || len(c.items) != 2 {
		t.Error("an error was kept")
	}
}

// sameElements reports whether two SVG figures hold the same lines in any
// order: gonum/plot's contours come out in a different order from one
// drawing to the next.
func sameElements(a, b []byte) bool {
	la, lb := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	slices.Sort(la)
	slices.Sort(lb)
	return slices.Equal(la, lb)
}

// TestPublishedFigures: every surface with its default constants shows
// its published figure, which is the surface's background drawn by
// package plots; other constants get a drawn data URL.
func TestPublishedFigures(t *testing.T) {
	names := PublishedFigures()
	if len(names) != len(optimizers.SurfaceNames()) {
		t.Fatalf("%d published figures for %d surfaces", len(names), len(optimizers.SurfaceNames()))
	}
	for _, fn := range []string{"quadratic", "linreg", "rastrigin"} {
		s := mustNew(t, "fn="+fn)
		src, _, _ := s.Backgrounds()
		name := "surface-" + fn + ".svg"
		if src != FigureDir+name || !slices.Contains(names, name) {
			t.Errorf("%s: background %.60q", fn, src)
		}
		svg, ok, err := PublishedFigure(name)
		surf, _ := optimizers.NewSurface(fn, scene.Default().SurfaceParams())
		fig, _ := plots.NewSurfaceFigure(surf, surf.Domain)
		if !ok || err != nil || !sameElements(svg, fig.Background()) {
			t.Errorf("%s: published figure %v %v, %d bytes, not the surface's background", fn, ok, err, len(svg))
		}
	}
	for _, q := range []string{"fn=quadratic&kappa=5", "fn=linreg&n=50", "fn=linreg&seed=2"} {
		if src, _, _ := mustNew(t, q).Backgrounds(); !strings.HasPrefix(src, "data:image/svg+xml;base64,") {
			t.Errorf("%s: background %.60q", q, src)
		}
	}
	if _, ok, _ := PublishedFigure("../surface-booth.svg"); ok {
		t.Error("a name that is not published was drawn")
	}
}
