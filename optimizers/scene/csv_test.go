package scene

import (
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/optimplay/optimplay/optimizers"
)

// TestParseCSV reads good and bad pastes: the points of the good lines,
// and every problem with its line.
func TestParseCSV(t *testing.T) {
	lines := func(n int) string {
		var b strings.Builder
		b.WriteString("x,y\n")
		for i := range n {
			b.WriteString(strconv.Itoa(i) + "," + strconv.Itoa(i%3) + "\n")
		}
		return b.String()
	}
	for _, c := range []struct {
		name, text string
		x, y       []float64
		problems   []string // RowError.Error()
	}{
		{"header", "x,y\n0,1\n1,3\n2,5\n", []float64{0, 1, 2}, []float64{1, 3, 5}, nil},
		{"no header", "0,1\n1,3", []float64{0, 1}, []float64{1, 3}, nil},
		{"semicolons, comments", "# from the lab\n\ntime;temp\n 0.5 ; -1e-3 \n# a comment\n1.5;2\n", []float64{0.5, 1.5}, []float64{-1e-3, 2}, nil},
		{"tabs", "x\ty\n1\t2\n3\t5\n", []float64{1, 3}, []float64{2, 5}, nil},
		{"CRLF, BOM, quotes", "\uFEFF\"x\",\"y\"\r\n\"1\",\"2\"\r\n3,4\r\n", []float64{1, 3}, []float64{2, 4}, nil},
		{"bad rows", "x,y\n0,1\n1,2\n2,3\n\n# ok so far\n1,abc\n4,5\n1,2,3\n7\n", []float64{0, 1, 2, 4}, []float64{1, 2, 3, 5},
			[]string{"line 7: 'abc' is not a number", "line 9: want 2 columns, got 3", "line 10: want 2 columns, got 1"}},
		{"both bad", "0,1\nx,y\n1,2", []float64{0, 1}, []float64{1, 2},
			[]string{"line 2: 'x' is not a number", "line 2: 'y' is not a number"}},
		{"decimal commas", "x;y\n1,5;2\n2;3,25\n", []float64{}, []float64{},
			[]string{"line 2: '1,5' is not a number: write decimals with a point, as 1.5", "line 3: '3,25' is not a number: write decimals with a point, as 3.25"}},
		{"out of range", "0,NaN\n1,2e6\nInf,1\n3,4\n5,-1e999", []float64{3}, []float64{4},
			[]string{"line 1: 'NaN' is not a number", "line 2: 2e+06 is beyond ±1e+06", "line 3: +Inf is not a finite number", "line 5: -Inf is not a finite number"}},
		{"long field", "0,1\n1," + strings.Repeat("z", 100), []float64{0}, []float64{1},
			[]string{"line 2: '" + strings.Repeat("z", 40) + "…' is not a number"}},
		{"one point", "x,y\n1,2\n", []float64{1}, []float64{2}, []string{"a line needs at least 2 points, not 1"}},
		{"empty", "", nil, nil, []string{"a line needs at least 2 points, not 0"}},
		{"header only", "x,y", nil, nil, []string{"a line needs at least 2 points, not 0"}},
		{"x all equal", "2,1\n2,5\n", []float64{2, 2}, []float64{1, 5}, []string{"every x is 2: every line through (2, mean y) fits equally well, so there is no unique least-squares line"}},
		{"200 points", lines(200), nil, nil, nil},
		{"201 points", lines(201) + "oops\n", nil, nil, []string{"line 202: more than 200 points, the most a data set may have", "line 203: want 2 columns, got 1"}},
		{"too long", strings.Repeat("0,1\n", MaxCSVBytes/4) + "1", nil, nil, []string{"the text is 65537 bytes, more than 64 KiB"}},
	} {
		x, y, problems := ParseCSV(c.text)
		var got []string
		for _, p := range problems {
			got = append(got, p.Error())
		}
		if !reflect.DeepEqual(got, c.problems) {
			t.Errorf("%s: problems\n%q\nwant\n%q", c.name, got, c.problems)
		}
		if c.x != nil && (len(x) != len(c.x) || len(x) > 0 && (!reflect.DeepEqual(x, c.x) || !reflect.DeepEqual(y, c.y))) {
			t.Errorf("%s: x %v, y %v; want %v, %v", c.name, x, y, c.x, c.y)
		}
		if len(x) != len(y) || len(x) > optimizers.MaxDataPoints {
			t.Errorf("%s: %d x, %d y", c.name, len(x), len(y))
		}
	}
	if x, _, _ := ParseCSV(lines(250)); len(x) != optimizers.MaxDataPoints || x[199] != 199 {
		t.Errorf("250 lines: %d points kept, want the first %d", len(x), optimizers.MaxDataPoints)
	}
}
