package app

import (
	"strings"
	"time"

	"github.com/optimplay/optimplay/app/i18n"
	"github.com/optimplay/optimplay/app/session"
)

// narrationEvery is the shortest interval between two narrations while
// the animation plays: a screen reader then hears a step every few
// seconds, not sixty a second.
const narrationEvery = 3 * time.Second

// narrator tells the shown step in words, in a live region (#narration)
// that screen readers speak: at once for a step taken by hand, at most
// every narrationEvery while playing, and at the end.
type narrator struct {
	last time.Time // when the live region was last written
}

// narration is the sentence for frame f: the step, then each run's loss
// and the length of its latest step, and its status once it stopped.
func narration(msgs i18n.Catalog, f session.Frame) string {
	runs := make([]string, len(f.Runs))
	for i, r := range f.Runs {
		runs[i] = msgs.T(i18n.NarrationRun, msgs.T(i18n.OptimizerName(r.Opt)), formatNumber(r.Loss), formatNumber(r.Moved))
		if m := statusMessage(msgs, r.Opt, r.Status); m != "" {
			runs[i] += msgs.T(i18n.NarrationSep) + m
		}
	}
	return msgs.T(i18n.NarrationStep, f.Step, strings.Join(runs, msgs.T(i18n.NarrationSep)))
}

// narrate writes frame f's narration with pt, unless the animation plays
// (playing), is not at its end and spoke less than narrationEvery ago.
func (n *narrator) narrate(pt *painter, msgs i18n.Catalog, f session.Frame, playing bool, end int) {
	now := time.Now()
	if playing && f.Step < end && now.Sub(n.last) < narrationEvery {
		return
	}
	n.last = now
	pt.set("narration", narration(msgs, f), false)
}
