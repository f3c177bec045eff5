// Command trace runs a scene of the playground and prints every point and
// loss, for teachers who want the numbers and for checking the app.
//
//	go run ./cmd/trace 'fn=rosenbrock&x0=-1.2,1&opt=adam&lr=0.01&steps=100'
//	go run ./cmd/trace -format csv 'fn=booth&opt=gd,adam&lr=0.05'
//
// The argument is a permalink query (package scene documents its keys; a
// whole URL works too), such as one with linreg's data set given as
// x1,y1,x2,y2,…:
//
//	go run ./cmd/trace 'fn=linreg&data=0,1,1,3,2,5&opt=gd&lr=0.1'
//
// The JSON output is
//
//	{"v":1,"fn":"rosenbrock","query":"…","runs":[{"opt":"adam","status":"ok",
//	 "points":[[x,y],…],"loss":[…]}]}
//
// with steps+1 points (the start included) unless a run diverged, in which
// case "reason" says why. The CSV output has the columns opt,step,x,y,loss.
// trace is strict: any value the app would clamp or drop is an error here,
// printed as one line on stderr with exit code 2.
//
// With -format pytorch it prints instead a Python script that reproduces
// the scene with PyTorch (torch.optim, float64) and, run with python3,
// prints that CSV itself: the same rows, the numbers equal up to rounding
// (package scene's WritePyTorch says how).
//
//	go run ./cmd/trace -format pytorch 'fn=booth&opt=gd,adam&lr=0.05' > scene.py
//	python3 scene.py
//
// With -sweep LO,HI,N it prints instead the learning-rate sweep of the
// scene, as the page's Sweep view computes it: every optimizer of the scene
// run with each of N learning rates spaced evenly in log scale from LO to
// HI inclusive, everything else as the query says.
//
//	go run ./cmd/trace -sweep 1e-4,10,40 'fn=quadratic&opt=gd,momentum'
//
//	{"v":1,"fn":"quadratic","query":"…","sweep":[{"opt":"gd","lr":[…],
//	 "final_loss":[…],"status":["ok",…,"diverged",…]},…]}
//
// final_loss is the loss where the run ended: after the last step, or at
// the last finite point of a run that diverged. The CSV output has the
// columns opt,lr,final_loss,status; -format pytorch does not apply. A bad
// range is an error (exit code 2).
//
// With -o FILE it prints nothing and writes instead a figure of the scene
// to FILE, as the page draws it, every layer in one image: an SVG or, at
// twice the page's pixel size (192 dpi), a PNG, as FILE's extension says
// (.svg or .png). -figure chooses it: surface (the default: the loss
// surface with each run's path, its start, the landmarks and the runs'
// current points and vectors), loss (the loss curves), data (linreg's data
// and fitted lines) or sweep (the learning-rate sweep, over the grid of
// -sweep LO,HI,N, by default 1e-4,10,40). The figure shows the view's step
// (step= in the query), or else the scene's last.
//
//	go run ./cmd/trace -o path.svg 'fn=rosenbrock&opt=gd,adam&lr=0.002'
//	go run ./cmd/trace -o loss.png -figure loss 'fn=rosenbrock&opt=gd,adam&lr=0.002&step=40'
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/optimplay/optimplay/optimizers/scene"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is the whole command, returning the exit code.
func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("trace", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	format := fs.String("format", "json", "output format: json, csv, or pytorch (a Python script that prints the CSV)")
	sweep := fs.String("sweep", "", "LO,HI,N: a learning-rate sweep instead of the trace")
	out := fs.String("o", "", "FILE.svg or FILE.png: write a figure to FILE instead")
	figure := fs.String("figure", "surface", "the figure -o writes: surface, loss, data or sweep")
	if err := fs.Parse(args); err != nil {
		return fail(stderr, err)
	}
	if *format != "json" && *format != "csv" && *format != "pytorch" {
		return fail(stderr, fmt.Errorf("-format %q: want json, csv or pytorch", *format))
	}
	if *format == "pytorch" && given(fs, "sweep") {
		return fail(stderr, errors.New("-format pytorch cannot be used with -sweep: a sweep has no PyTorch script"))
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
	if given(fs, "o") || given(fs, "figure") {
		return writeFigure(fs, query, *out, *figure, *sweep, stderr)
	}
	if *format == "pytorch" {
		if err := scene.WritePyTorch(stdout, s); err != nil { // it writes nothing when it fails
			return fail(stderr, err)
		}
		return 0
	}
	var trace interface {
		WriteJSON(io.Writer) error
		WriteCSV(io.Writer) error
	}
	sweepGiven := false // -sweep= is a bad range, not no sweep
	fs.Visit(func(f *flag.Flag) { sweepGiven = sweepGiven || f.Name == "sweep" })
	if sweepGiven {
		grid, err := scene.ParseSweepRange(*sweep)
		if err != nil {
			return fail(stderr, err)
		}
		runs, err := scene.Sweep(s, grid)
		if err != nil {
			return fail(stderr, err)
		}
		trace = scene.NewSweepTrace(s, runs)
	} else {
		surf, trajs, err := s.Run()
		if err != nil {
			return fail(stderr, err)
		}
		trace = scene.NewTrace(s, surf, trajs)
	}
	var err error
	if *format == "csv" {
		err = trace.WriteCSV(stdout)
	} else {
		err = trace.WriteJSON(stdout)
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
