package scene

import (
	"strings"

	"github.com/optimplay/optimplay/optimizers"
)

// MaxCSVBytes is the size of the largest text ParseCSV reads, 64 KiB.
const MaxCSVBytes = 64 << 10

// RowError is a problem ParseCSV found in the line Line (counted from 1),
// or in the text as a whole when Line is 0.
type RowError struct {
	Line   int
	Reason error // a *reason.Error
}

// Error returns the problem as "line 7: 'abc' is not a number", or its
// reason alone for the whole text.
func (e RowError) Error() string { return e.Unwrap().Error() }

// Unwrap returns the problem as a refusal, with its line when it has one,
// for a catalog to say in another language.
func (e RowError) Unwrap() error {
	if e.Line == 0 {
		return e.Reason
	}
	return errCSVLine.New(e.Line, e.Reason)
}

// ParseCSV reads the data set of linreg that the page's "paste or upload a
// CSV" gives: one point x,y per line, the two numbers separated by a
// comma, a semicolon or a tab (the first line that is not blank or a
// comment decides which), spaces and double quotes around a number
// ignored. Blank lines and lines starting with # are skipped, and so is a
// first line with no number, a header such as "x,y".
//
// It returns the points of the good lines and the problems, in line order
// and then those of the whole text (RowError.Line 0): a line that is not
// two numbers, a number that optimizers.CheckDataValue refuses, more than
// optimizers.MaxDataPoints points (the points beyond are left out), a
// text longer than MaxCSVBytes (not read at all), or a data set that
// optimizers.CheckLinRegData refuses. The page refuses the whole paste
// when there is any problem, saying that nothing changed and listing
// them; without problems, the points (x[i], y[i]) are a data set for
// Scene.Data, which the link carries exactly.
func ParseCSV(text string) (x, y []float64, problems []RowError) {
	if len(text) > MaxCSVBytes {
		return nil, nil, []RowError{{Reason: errCSVSize.New(len(text), MaxCSVBytes>>10)}}
	}
	text = strings.TrimPrefix(text, "\uFEFF") // a spreadsheet's byte order mark
	sep, over := "", false
	for i, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		first := sep == ""
		if first {
			sep = separator(line)
		}
		fields := strings.Split(line, sep)
		if first && len(fields) == 2 && !isNumber(fields[0]) && !isNumber(fields[1]) {
			continue // a header
		}
		problem := func(r error) {
			problems = append(problems, RowError{Line: i + 1, Reason: r})
		}
		if len(fields) != 2 {
			problem(errCSVColumns.New(len(fields)))
			continue
		}
		var p [2]float64
		ok := true
		for k, field := range fields {
			v, err := csvNumber(unquote(field), sep)
			if err != nil {
				problem(err)
				ok = false
			}
			p[k] = v
		}
		switch {
		case !ok:
		case len(x) < optimizers.MaxDataPoints:
			x, y = append(x, p[0]), append(y, p[1])
		case !over:
			over = true
			problem(errCSVTooMany.New(optimizers.MaxDataPoints))
		}
	}
	if len(problems) == 0 {
		if err := optimizers.CheckLinRegData(x, y); err != nil {
			problems = append(problems, RowError{Reason: err})
		}
	}
	return x, y, problems
}

// csvNumber reads a field of a CSV whose separator is sep as a number a
// data set may hold, or says why it is not one.
func csvNumber(field, sep string) (float64, error) {
	v, ok := readNumber(field)
	if !ok {
		if comma := strings.Replace(field, ",", ".", 1); sep != "," && isNumber(comma) {
			return 0, errCSVComma.New(cut(field), comma)
		}
		return 0, errCSVNumber.New(cut(field))
	}
	return v, optimizers.CheckDataValue(v)
}

// separator returns the separator of a CSV whose first line is line: a
// tab or a semicolon when it has one, else a comma.
func separator(line string) string {
	for _, sep := range []string{"\t", ";"} {
		if strings.Contains(line, sep) {
			return sep
		}
	}
	return ","
}

// unquote trims spaces and one pair of double quotes around a field.
func unquote(field string) string {
	field = strings.TrimSpace(field)
	if len(field) >= 2 && field[0] == '"' && field[len(field)-1] == '"' {
		field = strings.TrimSpace(field[1 : len(field)-1])
	}
	return field
}

// isNumber reports whether the field reads as a number.
func isNumber(field string) bool {
	_, ok := readNumber(unquote(field))
	return ok
}
