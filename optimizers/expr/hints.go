package expr

// The hints of the error messages: the known name nearest a misspelt one,
// and how to write what the grammar lacks.

import (
	"slices"
	"strings"
)

// funcHint suggests a function for the unknown function name: a
// *reason.Error, or noHint.
func funcHint(name string) any {
	switch name {
	case "ln":
		return hintMeant.New("log")
	case "relu":
		return hintWrite.New("max(…, 0)")
	}
	names := make([]string, len(functions))
	for i, f := range functions {
		names[i] = f.name
	}
	if s, ok := nearest(name, names); ok {
		return hintMeant.New(s)
	}
	return noHint
}

// nameHint suggests what to write for the unknown name, as a
// *reason.Error.
func nameHint(name string) any {
	if vs, ok := splitValues(name); ok {
		return hintWrite.New(strings.Join(vs, "*"))
	}
	for _, f := range functions {
		if f.arity != 1 || !strings.HasPrefix(name, f.name) {
			continue
		}
		if vs, ok := splitValues(name[len(f.name):]); ok {
			return hintWrite.New(f.name + "(" + strings.Join(vs, "*") + ")")
		}
	}
	if s, ok := nearest(name, valueNames); ok {
		return hintMeant.New(s)
	}
	return hintVariables.New()
}

// splitValues splits name into variables and constants, such as "xy" into
// x and y, if it can. No name of valueNames begins another, so at most one
// fits at each place.
func splitValues(name string) ([]string, bool) {
	var parts []string
	for rest := name; rest != ""; {
		i := slices.IndexFunc(valueNames, func(v string) bool { return strings.HasPrefix(rest, v) })
		if i < 0 {
			return nil, false
		}
		parts = append(parts, valueNames[i])
		rest = rest[len(valueNames[i]):]
	}
	return parts, len(parts) > 0
}

// nearest returns the candidate that equals name but for case, else the
// first nearest within an edit per three letters of name and at most two.
func nearest(name string, candidates []string) (string, bool) {
	best, bestDist := "", 3
	for _, c := range candidates {
		if strings.EqualFold(c, name) {
			return c, true
		}
		if d := editDistance(name, c); d < bestDist && d <= len(name)/3 {
			best, bestDist = c, d
		}
	}
	return best, best != ""
}

// editDistance returns the Levenshtein distance between a and b, in bytes.
func editDistance(a, b string) int {
	row := make([]int, len(b)+1)
	for j := range row {
		row[j] = j
	}
	for i := 1; i <= len(a); i++ {
		diag := row[0]
		row[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			diag, row[j] = row[j], min(row[j]+1, row[j-1]+1, diag+cost)
		}
	}
	return row[len(b)]
}
