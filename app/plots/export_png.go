//go:build !js

package plots

import (
	"bytes"
	"image/png"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg/vgimg"
)

// png draws the whole figure as a PNG file at ExportDPI. Natively only:
// gonum's rasterizer would add a megabyte to the page's WebAssembly, and
// the browser rasterizes the SVG itself (ErrPNGInBrowser).
func (l *Layered) png(ps []plot.Plotter) ([]byte, error) {
	c := vgimg.NewWith(vgimg.UseWH(l.w, l.h), vgimg.UseDPI(ExportDPI))
	l.drawWhole(c, ps)
	var buf bytes.Buffer
	// The fastest compression: a quarter larger than the default in a
	// sixth of its time.
	if err := (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(&buf, c.Image()); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
