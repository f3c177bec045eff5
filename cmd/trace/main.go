// Command trace runs a scene of the playground and prints every point and
// loss, for teachers who want the numbers and for checking the app.
//
//	go run ./cmd/trace 'fn=rosenbrock&x0=-1.2,1&opt=adam&lr=0.01&steps=100'
//	go run ./cmd/trace -format csv 'fn=booth&opt=gd,adam&lr=0.05'
//
// The argument is a permalink query (package scene documents its keys; a
// whole URL works too). The JSON output is
//
//	{"v":1,"fn":"rosenbrock","query":"…","runs":[{"opt":"adam","status":"ok",
//	 "points":[[x,y],…],"loss":[…]}]}
//
// with steps+1 points (the start included) unless a run diverged, in which
// case "reason" says why. The CSV output has the columns opt,step,x,y,loss.
// trace is strict: any value the app would clamp or drop is an error here,
// printed as one line on stderr with exit code 2.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/optimplay/optimplay/optimizers"
	"github.com/optimplay/optimplay/optimizers/scene"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is the whole command, returning the exit code.
func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("trace", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	format := fs.String("format", "json", "output format: json or csv")
	if err := fs.Parse(args); err != nil {
		return fail(stderr, err)
	}
	if *format != "json" && *format != "csv" {
		return fail(stderr, fmt.Errorf("-format %q: want json or csv", *format))
	}
	if fs.NArg() != 1 {
		return fail(stderr, errors.New("want exactly one query argument, such as 'fn=rosenbrock&opt=adam&lr=0.01'"))
	}
	query := fs.Arg(0)
	if _, after, ok := strings.Cut(query, "?"); ok {
		query = after
	}
	s, notices := scene.Parse(query)
	if len(notices) > 0 {
		msgs := make([]string, len(notices))
		for i, n := range notices {
			msgs[i] = n.String()
		}
		return fail(stderr, errors.New(strings.Join(msgs, "; ")))
	}
	_, trajs, err := s.Run()
	if err != nil {
		return fail(stderr, err)
	}
	if *format == "csv" {
		err = writeCSV(stdout, s, trajs)
	} else {
		err = writeJSON(stdout, s, trajs)
	}
	if err != nil {
		return fail(stderr, err)
	}
	return 0
}

func fail(stderr io.Writer, err error) int {
	fmt.Fprintln(stderr, "trace:", strings.ReplaceAll(err.Error(), "\n", " "))
	return 2
}

type output struct {
	V     int         `json:"v"`
	Fn    string      `json:"fn"`
	Query string      `json:"query"`
	Runs  []runOutput `json:"runs"`
}

type runOutput struct {
	Opt    string       `json:"opt"`
	Status string       `json:"status"`
	Reason string       `json:"reason,omitempty"`
	Points [][2]float64 `json:"points"`
	Loss   []float64    `json:"loss"`
}

func writeJSON(w io.Writer, s scene.Scene, trajs []*optimizers.Trajectory) error {
	out := output{V: scene.Version, Fn: s.Fn, Query: scene.Encode(s)}
	for i, t := range trajs {
		r := runOutput{Opt: s.Runs[i].Opt, Status: t.Status.Code.String(), Points: t.Points, Loss: t.Loss}
		if t.Status.Code != optimizers.Done {
			r.Reason = t.Status.String()
		}
		out.Runs = append(out.Runs, r)
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

func writeCSV(w io.Writer, s scene.Scene, trajs []*optimizers.Trajectory) error {
	var b strings.Builder
	b.WriteString("opt,step,x,y,loss\n")
	f := func(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }
	for i, t := range trajs {
		for step, p := range t.Points {
			fmt.Fprintf(&b, "%s,%d,%s,%s,%s\n", s.Runs[i].Opt, step, f(p[0]), f(p[1]), f(t.Loss[step]))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
