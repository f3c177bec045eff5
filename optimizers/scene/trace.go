package scene

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/optimplay/optimplay/optimizers"
)

// Trace is the record of a scene's runs as the trace command prints it
// and the page exports it: every point and loss of every run.
type Trace struct {
	V     int        `json:"v"`
	Fn    string     `json:"fn"`
	Query string     `json:"query"`
	Runs  []TraceRun `json:"runs"`
}

// TraceRun is one run of a Trace. Points has steps+1 entries, the start
// included, unless the run stopped early; Reason then says why.
type TraceRun struct {
	Opt    string       `json:"opt"`
	Status string       `json:"status"`
	Reason string       `json:"reason,omitempty"`
	Points [][2]float64 `json:"points"`
	Loss   []float64    `json:"loss"`
}

// NewTrace records the runs trajs of scene s.
func NewTrace(s Scene, trajs []*optimizers.Trajectory) Trace {
	t := Trace{V: Version, Fn: s.Fn, Query: Encode(s)}
	for i, tr := range trajs {
		r := TraceRun{Opt: s.Runs[i].Opt, Status: tr.Status.Code.String(), Points: tr.Points, Loss: tr.Loss}
		if tr.Status.Code != optimizers.Done {
			r.Reason = tr.Status.String()
		}
		t.Runs = append(t.Runs, r)
	}
	return t
}

// WriteJSON writes the trace as one line of JSON.
func (t Trace) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(t)
}

// WriteCSV writes the trace with the columns opt,step,x,y,loss, numbers in
// their shortest exact form.
func (t Trace) WriteCSV(w io.Writer) error {
	var b strings.Builder
	b.WriteString("opt,step,x,y,loss\n")
	f := func(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }
	for _, r := range t.Runs {
		for step, p := range r.Points {
			fmt.Fprintf(&b, "%s,%d,%s,%s,%s\n", r.Opt, step, f(p[0]), f(p[1]), f(r.Loss[step]))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
