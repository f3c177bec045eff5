package session

import (
	"sync"

	"github.com/optimplay/optimplay/app/plots"
	"github.com/optimplay/optimplay/optimizers"
	"github.com/optimplay/optimplay/optimizers/scene"
)

// surfaceFigures are the figures of a surface, which depend on the
// surface alone: drawing them is the costly part of a new scene (a colour
// map, contours and axes), so they are kept for the next scene, page or
// request that needs them. They are not changed once made.
type surfaceFigures struct {
	surf      optimizers.Surface
	surface   *plots.SurfaceFigure
	surfaceBG string
	data      *plots.DataFigure
	dataBG    string
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
	f := &surfaceFigures{surf: surf, surface: fig, surfaceBG: dataURL(fig.Background())}
	if data, ok := surf.Objective.(optimizers.LinReg); ok {
		if f.data, err = plots.NewDataFigure(data); err != nil {
			return nil, err
		}
		f.dataBG = dataURL(f.data.Background())
	}
	return f, nil
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
