//go:build js

package plots

import "gonum.org/v1/plot"

// png is not drawn in the browser, which rasterizes the SVG itself:
// gonum's rasterizer would add a megabyte to the page's WebAssembly.
func (l *Layered) png([]plot.Plotter) ([]byte, error) { return nil, ErrPNGInBrowser }
