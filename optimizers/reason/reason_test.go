package reason_test

import (
	"errors"
	"fmt"
	"slices"
	"testing"

	"github.com/optimplay/optimplay/optimizers/reason"
)

var (
	errTooMany = reason.Define("example.too-many", "%d points, more than the %d allowed")
	errPoint   = reason.Define("example.point", "point %[1]d: %[2]s = %[3]s")
	errNaN     = reason.Define("example.nan", "%s is not a finite number")
)

// A refusal keeps its kind's code and its arguments for a catalog, and
// says itself in English; a refusal within another one is an argument.
func Example() {
	err := error(errPoint.New(3, "x", errNaN.New("NaN")))
	var r *reason.Error
	if errors.As(err, &r) {
		fmt.Println(r.Kind.Code, len(r.Args))
	}
	fmt.Println(err)
	// Output:
	// example.point 3
	// point 3: x = NaN is not a finite number
}

func TestError(t *testing.T) {
	for _, tt := range []struct {
		err  *reason.Error
		want string
	}{
		{errTooMany.New(201, 200), "201 points, more than the 200 allowed"},
		{errPoint.New(2, "y", errTooMany.New(3, 2)), "point 2: y = 3 points, more than the 2 allowed"},
	} {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
	}
}

func TestUnwrap(t *testing.T) {
	inner := errNaN.New("NaN")
	err := error(errPoint.New(3, "x", inner))
	if !errors.Is(err, inner) {
		t.Error("errors.Is does not find the refusal within")
	}
	if got := errTooMany.New(3, 2).Unwrap(); len(got) != 0 {
		t.Errorf("Unwrap() = %v for a refusal without errors", got)
	}
}

func TestKinds(t *testing.T) {
	kinds := reason.Kinds()
	codes := make([]string, len(kinds))
	for i, k := range kinds {
		codes[i] = k.Code
	}
	if want := []string{"example.nan", "example.point", "example.too-many"}; !slices.Equal(codes, want) {
		t.Errorf("Kinds() = %q, want %q, sorted by code", codes, want)
	}
	if kinds[1] != errPoint {
		t.Errorf("Kinds()[1] = %+v, want %+v", kinds[1], errPoint)
	}
}

func TestDefineRefuses(t *testing.T) {
	for _, code := range []string{"", "has space", "example.nan"} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("Define(%q) did not panic", code)
				}
			}()
			reason.Define(code, "x")
		}()
	}
}
