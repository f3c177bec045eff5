package scene

import (
	"strconv"
	"strings"

	"github.com/optimplay/optimplay/optimizers"
)

// data reads linreg's data set "x1,y1,x2,y2,…" when it applies. It returns
// nil when the key is absent and, with a notice, when it does not apply or
// the data set is unusable (optimizers.CheckLinRegData).
func (d *decoder) data(applies bool) [][2]float64 {
	raw, ok := d.get("data")
	if !ok {
		return nil
	}
	if !applies {
		d.note(NewNotice(NotApplicable, "data", raw, ""))
		return nil
	}
	items := strings.Split(raw, ",")
	var x, y []float64
	for k, item := range items {
		item = strings.TrimSpace(item)
		v, ok := readNumber(item)
		if !ok {
			n := NewNotice(NotNumber, "data", item, UsedDefault)
			n.because(errDataNumber.New(k+1, len(items)))
			d.note(n)
			return nil
		}
		if v == 0 {
			v = 0 // not −0
		}
		if k%2 == 0 {
			x = append(x, v)
		} else {
			y = append(y, v)
		}
	}
	if len(x) != len(y) {
		d.invalidData(raw, errDataOdd.New(len(items)))
		return nil
	}
	if err := optimizers.CheckLinRegData(x, y); err != nil {
		d.invalidData(raw, err)
		return nil
	}
	pts := make([][2]float64, len(x))
	for i := range pts {
		pts[i] = [2]float64{x[i], y[i]}
	}
	return pts
}

// invalidData notes that the data set raw is unusable, and why.
func (d *decoder) invalidData(raw string, why error) {
	n := NewNotice(Invalid, "data", raw, UsedDefault)
	n.because(errData.New(why))
	d.note(n)
}

// dataLen returns n, the number of points of a data set the link gives,
// noting a key n that says otherwise: it is ignored.
func (d *decoder) dataLen(n int) int {
	if raw, ok := d.get("n"); ok {
		if v, err := strconv.ParseFloat(raw, 64); err != nil || v != float64(n) {
			d.note(NewNotice(NotApplicable, "n", raw, ""))
		}
	}
	return n
}

// fmtData writes a data set as the key data does: "x1,y1,x2,y2,…".
func fmtData(pts [][2]float64) string {
	var b strings.Builder
	for i, p := range pts {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(fmtPoint(p))
	}
	return b.String()
}
