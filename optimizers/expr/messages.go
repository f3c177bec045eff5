package expr

import "github.com/optimplay/optimplay/optimizers/reason"

// The kinds of SyntaxError, and of the hints some of them end with (an
// argument that is a *reason.Error, or noHint). Their codes name the
// messages of the page's catalogs.
var (
	errTooLong     = reason.Define("formula.too-long", "formula too long: more than %d characters")
	errEmpty       = reason.Define("formula.empty", "empty formula")
	errTooLarge    = reason.Define("formula.number-too-large", "number '%s' is too large at column %d")
	errCharacter   = reason.Define("formula.unexpected-character", "unexpected character %s at column %d%s")
	errUnexpected  = reason.Define("formula.unexpected", "unexpected '%s' at column %d%s")
	errEnd         = reason.Define("formula.unexpected-end", "unexpected end of formula")
	errNoOperator  = reason.Define("formula.no-operator", "expected an operator after '%[1]s' at column %[2]d; write %[1]s*%[3]s")
	errTooManyOps  = reason.Define("formula.too-many-operations", "too many operations at column %d: at most %d")
	errTooDeep     = reason.Define("formula.too-deep", "formula nested too deeply at column %d: at most %d levels")
	errUnclosed    = reason.Define("formula.unclosed", "missing ')' for the '(' at column %d")
	errNoCall      = reason.Define("formula.no-call", "expected '(' after '%s' at column %d")
	errUnknownFunc = reason.Define("formula.unknown-function", "unknown function '%s' at column %d%s")
	errUnknownName = reason.Define("formula.unknown-name", "unknown name '%s' at column %d%s")
	errArgument    = reason.Define("formula.argument", "%s takes %d argument, got %d at column %d")
	errArguments   = reason.Define("formula.arguments", "%s takes %d arguments, got %d at column %d")

	hintMeant     = reason.Define("formula.hint.meant", "; did you mean '%s'?")
	hintWrite     = reason.Define("formula.hint.write", "; write %s")
	hintVariables = reason.Define("formula.hint.variables", ": use x and y")
	hintPower     = reason.Define("formula.hint.power", "; write ^ for a power")
)

// noHint is the hint argument of an error without a hint.
const noHint = ""
