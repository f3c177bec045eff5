package session

import (
	"fmt"
	"sync"

	"github.com/optimplay/optimplay/app/plots"
	"github.com/optimplay/optimplay/optimizers"
	"github.com/optimplay/optimplay/optimizers/scene"
)

// FigureDir is the URL path of the published figures: the background of
// every surface with its default constants (scene.Default's κ, n and
// seed), which the server serves and the static site holds as files, and
// the service worker keeps for offline use. A page on such a surface
// shows the file: neither the browser nor the server draws it for the
// page, and the browser caches it.
const FigureDir = "/web/figures/"

// PublishedFigures returns the file names of the published figures, in
// FigureDir.
func PublishedFigures() []string {
	var names []string
	for _, fn := range optimizers.SurfaceNames() {
		names = append(names, publishedName(fn))
	}
	return names
}

// PublishedFigure draws the published figure of that name, as SVG; ok is
// false for a name PublishedFigures does not list.
func PublishedFigure(name string) (svg []byte, ok bool, err error) {
	for _, fn := range optimizers.SurfaceNames() {
		if publishedName(fn) != name {
			continue
		}
		sc := publishedScene(fn)
		f, err := surfaces.get(surfaceKey(sc), func() (*surfaceFigures, error) { return newSurfaceFigures(sc) })
		if err != nil {
			return nil, true, err
		}
		return f.surface.Background(), true, nil
	}
	return nil, false, nil
}

// publishedName is the file name of surface fn's published figure.
func publishedName(fn string) string { return "surface-" + fn + ".svg" }

// publishedScene is the default scene on surface fn, whose surface
// figure is published.
func publishedScene(fn string) scene.Scene {
	sc := scene.Default()
	sc.Fn = fn
	return sc
}

// surfaceKey names what the surface figures of sc depend on.
func surfaceKey(sc scene.Scene) string {
	switch sc.Fn {
	case "linreg":
		return fmt.Sprint(sc.Fn, sc.N, sc.Seed, sc.Data)
	case "quadratic":
		return fmt.Sprint(sc.Fn, sc.Kappa)
	case scene.CustomFn:
		return fmt.Sprint(sc.Fn, sc.Formula, sc.XR, sc.YR)
	}
	return sc.Fn
}

// surfaceFigures are the figures of a surface, which depend on the
// surface alone: drawing them is the costly part of a new scene (a colour
// map, contours and axes), so they are kept for the next scene, page or
// request that needs them. Their backgrounds are drawn when first asked
// for, and not at all for a published figure.
type surfaceFigures struct {
	surf      optimizers.Surface
	surface   *plots.SurfaceFigure
	data      *plots.DataFigure
	published string // the path of the surface's published figure, or ""

	once                sync.Once
	surfaceSrc, dataSrc string
}

func newSurfaceFigures(sc scene.Scene) (*surfaceFigures, error) {
	surf, err := sc.Surface()
	if err != nil {
		return nil, err
	}
	fig, err := plots.NewSurfaceFigure(surf, surf.Domain)
	if err != nil {
		return nil, err
	}
	f := &surfaceFigures{surf: surf, surface: fig}
	if surfaceKey(sc) == surfaceKey(publishedScene(sc.Fn)) {
		f.published = FigureDir + publishedName(sc.Fn)
	}
	if data, ok := surf.Objective.(optimizers.LinReg); ok {
		if f.data, err = plots.NewDataFigure(data); err != nil {
			return nil, err
		}
	}
	return f, nil
}

// sources returns the image sources of the surface's background and of
// its data (empty without data), drawing them the first time.
func (f *surfaceFigures) sources() (surface, data string) {
	f.once.Do(func() {
		f.surfaceSrc = f.published
		if f.surfaceSrc == "" {
			f.surfaceSrc = dataURL(f.surface.Background())
		}
		if f.data != nil {
			f.dataSrc = dataURL(f.data.Background())
		}
	})
	return f.surfaceSrc, f.dataSrc
}

// lossFigure is a loss figure's axes, kept like surfaceFigures.
type lossFigure struct {
	fig *plots.LossFigure
	bg  string
}

// figureCache keeps the most recently used figures by key, safely for the
// server's concurrent requests.
type figureCache[T any] struct {
	mu    sync.Mutex
	size  int
	keys  []string // most recent last
	items map[string]T
}

var (
	surfaces    = &figureCache[*surfaceFigures]{size: 16, items: map[string]*surfaceFigures{}}
	lossFigures = &figureCache[*lossFigure]{size: 32, items: map[string]*lossFigure{}}
)

// get returns the item of key, building it when it is not kept.
func (c *figureCache[T]) get(key string, build func() (T, error)) (T, error) {
	c.mu.Lock()
	if item, ok := c.items[key]; ok {
		c.touch(key)
		c.mu.Unlock()
		return item, nil
	}
	c.mu.Unlock()
	item, err := build()
	if err != nil {
		return item, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.items[key]; !ok {
		c.keys = append(c.keys, key)
		if len(c.keys) > c.size {
			delete(c.items, c.keys[0])
			c.keys = c.keys[1:]
		}
	}
	c.items[key] = item
	c.touch(key)
	return item, nil
}

// touch moves key to the most recent place.
func (c *figureCache[T]) touch(key string) {
	for i, k := range c.keys {
		if k == key {
			c.keys = append(append(c.keys[:i:i], c.keys[i+1:]...), key)
			return
		}
	}
}
