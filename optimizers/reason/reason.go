// Package reason gives the optimizer core's refusals of what a user typed
// (a formula, a data set, a plotted range) a stable code and arguments
// besides their English text, so that the page can say them in the user's
// language. The core stays free of any catalog: each package defines its
// kinds of refusal with Define, in English, and a catalog keys its
// translations by Kind.Code (the app's i18n tests check that every kind
// Kinds lists has a message in every language).
package reason

import (
	"fmt"
	"slices"
	"strings"
	"sync"
)

// Kind is a kind of refusal: a stable code, such as
// "formula.unknown-function", and its English message, a fmt format whose
// verbs may index the arguments ("%[2]s").
type Kind struct {
	Code   string
	Format string
}

// Error is a refusal of a kind, with its arguments. An argument may be
// another *Error (or any error), such as the reason a number of a data
// set is refused within the point that holds it: a catalog says it in the
// same language.
type Error struct {
	Kind Kind
	Args []any
}

// Error returns the English message.
func (e *Error) Error() string { return fmt.Sprintf(e.Kind.Format, e.Args...) }

// Unwrap returns the arguments that are errors, so that errors.Is and
// errors.As see the refusals within.
func (e *Error) Unwrap() []error {
	var errs []error
	for _, a := range e.Args {
		if err, ok := a.(error); ok {
			errs = append(errs, err)
		}
	}
	return errs
}

var (
	mu    sync.Mutex
	kinds = map[string]Kind{}
)

// Define returns the kind code with the English format, and records it
// for Kinds. Packages call it once per kind, in a package-level variable;
// it panics when the code is empty, has a space, or is defined twice.
func Define(code, format string) Kind {
	mu.Lock()
	defer mu.Unlock()
	if code == "" || strings.ContainsAny(code, " \t\n") {
		panic(fmt.Sprintf("reason: bad code %q", code))
	}
	if _, ok := kinds[code]; ok {
		panic(fmt.Sprintf("reason: %q defined twice", code))
	}
	k := Kind{Code: code, Format: format}
	kinds[code] = k
	return k
}

// New returns a refusal of kind k with the arguments args.
func (k Kind) New(args ...any) *Error { return &Error{Kind: k, Args: args} }

// Kinds returns every kind the packages linked into the program have
// defined, by code.
func Kinds() []Kind {
	mu.Lock()
	defer mu.Unlock()
	list := make([]Kind, 0, len(kinds))
	for _, k := range kinds {
		list = append(list, k)
	}
	slices.SortFunc(list, func(a, b Kind) int { return strings.Compare(a.Code, b.Code) })
	return list
}
