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
	// Data is linreg's data set, the points (x, y) the loss is the mean
	// squared error over; nil on other surfaces.
	Data *TraceData `json:"data,omitempty"`
}

// TraceData is a data set: the points (X[i], Y[i]).
type TraceData struct {
	X []float64 `json:"x"`
	Y []float64 `json:"y"`
}

// TraceRun is one run of a Trace. Points has steps+1 entries, the start
// included, unless the run stopped early; Reason then says why.
type TraceRun struct {
	Opt    string       `json:"opt"`
	Status string       `json:"status"`
	Reason string       `json:"reason,omitempty"`
	Points [][2]float64 `json:"points"`
	Loss   []float64    `json:"loss"`
	// Batches are, with minibatches, the indices into Data of each step's
	// minibatch: Batches[t−1] is update t's.
	Batches [][]int32 `json:"batches,omitempty"`
}

// NewTrace records the runs trajs of scene s on surface surf.
func NewTrace(s Scene, surf optimizers.Surface, trajs []*optimizers.Trajectory) Trace {
	t := Trace{V: Version, Fn: s.Fn, Query: Encode(s)}
	if d, ok := surf.Objective.(optimizers.LinReg); ok {
		t.Data = &TraceData{X: d.X, Y: d.Y}
	}
	for i, tr := range trajs {
		r := TraceRun{Opt: s.Runs[i].Opt, Status: tr.Status.Code.String(), Points: tr.Points, Loss: tr.Loss}
		if tr.Status.Code != optimizers.Done {
			r.Reason = tr.Status.String()
		}
		for step := 1; step <= tr.Steps() && tr.Batch(1) != nil; step++ {
			r.Batches = append(r.Batches, tr.Batch(step))
		}
		t.Runs = append(t.Runs, r)
	}
	return t
}

// WriteJSON writes the trace as one line of JSON.
func (t Trace) WriteJSON(w io.Writer) error { return writeJSON(w, t) }

// writeJSON writes v as one line of JSON, with <, > and & as they are.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
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
