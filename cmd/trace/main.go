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
// columns opt,lr,final_loss,status. A bad range is an error (exit code 2).
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
	format := fs.String("format", "json", "output format: json or csv")
	sweep := fs.String("sweep", "", "LO,HI,N: a learning-rate sweep instead of the trace")
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
