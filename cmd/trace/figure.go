package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/optimplay/optimplay/app/session"
	"github.com/optimplay/optimplay/optimizers/scene"
)

// writeFigure is the command with -o: it writes the figure called name of
// the scene of query to the file out, in the format its extension names,
// at the view's step (step=) or else at the scene's last step, and prints
// nothing. sweep is -sweep's value, the grid of the sweep figure. It
// returns the exit code.
func writeFigure(fs *flag.FlagSet, query, out, name, sweep string, stderr io.Writer) int {
	if err := figureToFile(fs, query, out, name, sweep); err != nil {
		return fail(stderr, err)
	}
	return 0
}

// figureToFile does writeFigure's work.
func figureToFile(fs *flag.FlagSet, query, out, name, sweep string) error {
	format := strings.ToLower(strings.TrimPrefix(filepath.Ext(out), "."))
	switch {
	case !given(fs, "o"):
		return errors.New("-figure needs -o FILE.svg or -o FILE.png")
	case !slices.Contains(session.ExportFormats, format):
		return fmt.Errorf("-o %q: want a file name ending in .%s", out, strings.Join(session.ExportFormats, " or ."))
	case !slices.Contains(session.ExportFigures, name):
		return fmt.Errorf("-figure %q: want one of %s", name, strings.Join(session.ExportFigures, ", "))
	case given(fs, "format"):
		return errors.New("-format and -o do not go together: -o writes a figure, not the numbers")
	case given(fs, "sweep") && name != "sweep":
		return fmt.Errorf("-sweep with -o sets the grid of -figure sweep, not of -figure %s", name)
	}
	// The scene's notices were refused before: these are the view's.
	s, notices, err := session.New(query)
	if len(notices) > 0 {
		msgs := make([]string, len(notices))
		for i, n := range notices {
			msgs[i] = n.String()
		}
		return errors.New(strings.Join(msgs, "; "))
	}
	if err != nil {
		return err
	}
	if q, _ := url.ParseQuery(query); !q.Has("step") {
		s.Seek(s.End())
	}
	if given(fs, "sweep") {
		grid, err := scene.ParseSweepRange(sweep)
		if err != nil {
			return err
		}
		if err := s.SetSweepRange(session.SweepRange{Lo: grid[0], Hi: grid[len(grid)-1], N: len(grid)}); err != nil {
			return err
		}
	}
	b, err := s.ExportFigure(name, format)
	if err != nil {
		return err
	}
	return os.WriteFile(out, b, 0o644)
}

// given reports whether the flag called name is on the command line.
func given(fs *flag.FlagSet, name string) bool {
	found := false
	fs.Visit(func(f *flag.Flag) { found = found || f.Name == name })
	return found
}
