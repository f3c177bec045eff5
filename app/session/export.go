package session

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/optimplay/optimplay/app/plots"
)

// ExportFigures are the names of the figures ExportFigure draws: the
// loss surface with the runs' paths, the loss curves, linreg's data with
// the fitted lines, and the learning-rate sweep.
var ExportFigures = []string{"surface", "loss", "data", "sweep"}

// ExportFormats are the file formats ExportFigure writes, named as their
// file name extensions.
var ExportFormats = []string{plots.SVG, plots.PNG}

// ExportFigure draws the figure called name as the page shows it at the
// shown step, its background and every overlay composed into one
// standalone file of the given format: "svg", or "png" at twice the
// page's pixel size (plots.ExportDPI), for slides and papers (natively:
// in the browser a PNG is plots.ErrPNGInBrowser, and the page rasterizes
// the SVG). The names
// are ExportFigures: "surface" draws the surface with every run's path up
// to the step, the start, the landmarks and the runs' current points and
// vectors; "loss" the loss curves; "data" linreg's data points and fitted
// lines, an error on other surfaces; "sweep" the learning-rate sweep over
// the sweep's grid (SetSweepRange), computing it first when it is not
// done, which takes as long as the Sweep panel does.
func (s *Session) ExportFigure(name, format string) ([]byte, error) {
	if !slices.Contains(ExportFormats, format) {
		return nil, fmt.Errorf("no figure format %q: want %s", format, strings.Join(ExportFormats, " or "))
	}
	switch name {
	case "surface":
		at, paths := s.shownAt(s.wholePath)
		return s.figs.surface.Export(format, paths, at.heads)
	case "loss":
		at, curves := s.shownAt(s.wholeLoss)
		return s.lossFig.Export(format, curves, at.points)
	case "data":
		if s.figs.data == nil {
			return nil, fmt.Errorf("no data figure on %s: only linreg has data points", s.sc.Fn)
		}
		at, _ := s.shownAt(nil)
		return s.figs.data.Export(format, at.fits, at.batch)
	case "sweep":
		for done := false; !done; {
			var err error
			// A budget without end: SweepWork returns after each stage.
			if done, err = s.SweepWork(time.Duration(math.MaxInt64)); err != nil {
				return nil, err
			}
		}
		return s.sweep.fig.Export(format, s.learningRates())
	}
	return nil, fmt.Errorf("no figure %q: want one of %s", name, strings.Join(ExportFigures, ", "))
}

// shownAt returns what the figures show of the runs at the shown step,
// each run at its own step, and of each run the segment whole gives at
// that step (none when whole is nil).
func (s *Session) shownAt(whole func(i, ki int) plots.Segment) (shown, []plots.Segment) {
	k := s.Shown()
	at := newShown(len(s.trajs))
	var segs []plots.Segment
	for i, t := range s.trajs {
		ki := min(k, t.Steps())
		s.showRun(&at, i, ki)
		if whole != nil {
			segs = append(segs, whole(i, ki))
		}
	}
	return at, segs
}
