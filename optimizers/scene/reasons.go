package scene

import "github.com/optimplay/optimplay/optimizers/reason"

// The kinds of problem of a pasted CSV (RowError) and of a link's formula,
// ranges and data set (Notice.Reason); their codes name the messages of
// the page's catalogs.
var (
	errCSVSize     = reason.Define("csv.size", "the text is %d bytes, more than %d KiB")
	errCSVLine     = reason.Define("csv.line", "line %d: %s")
	errCSVColumns  = reason.Define("csv.columns", "want 2 columns, got %d")
	errCSVComma    = reason.Define("csv.decimal-comma", "'%s' is not a number: write decimals with a point, as %s")
	errCSVNumber   = reason.Define("csv.not-number", "'%s' is not a number")
	errCSVTooMany  = reason.Define("csv.too-many", "more than %d points, the most a data set may have")
	errNoFormula   = reason.Define("link.no-formula", "no formula f")
	errFormula     = reason.Define("link.formula", "f: %s")
	errRangeOrder  = reason.Define("link.range-order", "%s: the range must go from low to high")
	errNotRange    = reason.Define("link.not-range", "%s: '%s' is not a range low, high")
	errRangeBeyond = reason.Define("link.range-beyond", "%s: the ends of a range must be within ±%s")
	errDataNumber  = reason.Define("link.data-number", "number %d of %d")
	errDataOdd     = reason.Define("link.data-odd", "%d numbers, which are not x,y pairs")
	errData        = reason.Define("link.data", "data: %s")
	errStart       = reason.Define("link.start", "%s: %s")
)
