package scene

import (
	"fmt"

	"github.com/optimplay/optimplay/optimizers/reason"
)

// NoticeKind says what decoding did with a value it could not use as given.
type NoticeKind int

// The kinds of notices.
const (
	// NotNumber: the value is not a finite number; the default is used.
	// With the key "data", Detail says which number of the list it is;
	// the data set is dropped for the generated data.
	NotNumber NoticeKind = iota
	// NotInteger: the value is not a whole number; the default is used.
	NotInteger
	// NotFlag: the value is not 0 or 1; the default is used.
	NotFlag
	// NotPoint: the value is not two numbers "x,y"; the default is used.
	NotPoint
	// Clamped: the value is out of range; the nearest allowed one is used.
	Clamped
	// NotApplicable: the key does not apply to this scene; it is ignored.
	// With the key "opt", the optimizer Given (a mistake of lesson 8 that
	// needs a data set) does not apply to the surface; it is left out.
	NotApplicable
	// UnknownSurface: no surface has that name; the default is used.
	UnknownSurface
	// UnknownOptimizer: no optimizer has that name; it is left out.
	UnknownOptimizer
	// Duplicate: the optimizer is listed twice; the repeat is left out.
	Duplicate
	// TooMany: more than MaxRuns optimizers; the rest are left out.
	TooMany
	// Invalid: the hyperparameters together are invalid (Nesterov without
	// momentum); the optimizer's defaults are used. With the key "data",
	// the data set is unusable (an odd count, too few or too many points,
	// a number out of range, the x all equal): it is dropped for the
	// generated data, and Used is UsedDefault. With "f", "xr" or "yr", the
	// formula or a plotted range cannot be used, and with "x0" no run can
	// start at the point: Used is what is used instead.
	Invalid
	// NewerVersion: the link names a schema version this code does not
	// know; it is read as version 1.
	NewerVersion
	// Malformed: the query string is not well formed; what could be read
	// is used.
	Malformed
	// UnknownValue: the value is not one of the key's choices; it is
	// ignored.
	UnknownValue
)

var noticeNames = [...]string{
	NotNumber: "not-number", NotInteger: "not-integer", NotFlag: "not-flag", NotPoint: "not-point",
	Clamped: "clamped", NotApplicable: "not-applicable", UnknownSurface: "unknown-surface",
	UnknownOptimizer: "unknown-optimizer", Duplicate: "duplicate", TooMany: "too-many",
	Invalid: "invalid", NewerVersion: "newer-version", Malformed: "malformed", UnknownValue: "unknown-value",
}

// String returns the kind's name, such as "clamped": a stable identifier
// for message catalogs.
func (k NoticeKind) String() string {
	if k >= 0 && int(k) < len(noticeNames) {
		return noticeNames[k]
	}
	return fmt.Sprintf("NoticeKind(%d)", int(k))
}

// maxGiven bounds how much of a hostile value a notice repeats.
const maxGiven = 40

// Notice reports a value of a query that decoding could not use as given.
type Notice struct {
	Kind NoticeKind
	// Key is the query key, such as "lr" or "adam.lr".
	Key string
	// Given is the value as given, cut to 40 characters.
	Given string
	// Used is the value used instead, or "" when the key was ignored.
	Used string
	// Detail explains an Invalid notice, or says which number of the data
	// list a NotNumber notice is about.
	Detail string
	// Reason is Detail as a kind of refusal and its arguments, where the
	// notice is about a formula, a plotted range or a data set, for a
	// catalog to say in another language. A Clamped notice of a range has
	// one too: why the range as given cannot be used, which is what
	// Session.SetFormula answers to a range typed on the page.
	Reason *reason.Error
}

// because sets the notice's Reason, and its Detail to the English text.
func (n *Notice) because(r *reason.Error) {
	n.Reason, n.Detail = r, r.Error()
}

// NewNotice makes a notice, cutting a long given value.
func NewNotice(kind NoticeKind, key, given, used string) Notice {
	return Notice{Kind: kind, Key: key, Given: cut(given), Used: used}
}

// cut cuts s to maxGiven characters, marking the cut with "…".
func cut(s string) string {
	if r := []rune(s); len(r) > maxGiven {
		return string(r[:maxGiven]) + "…"
	}
	return s
}

// String explains the notice in English, such as `lr: 50 is above the
// allowed range; using 10`.
func (n Notice) String() string {
	switch n.Kind {
	case NotNumber:
		if n.Detail != "" {
			return fmt.Sprintf("%s: %q (%s) is not a number; using %s", n.Key, n.Given, n.Detail, n.Used)
		}
		return fmt.Sprintf("%s: %q is not a number; using %s", n.Key, n.Given, n.Used)
	case NotInteger:
		return fmt.Sprintf("%s: %q is not a whole number; using %s", n.Key, n.Given, n.Used)
	case NotFlag:
		return fmt.Sprintf("%s: %q must be 0 or 1; using %s", n.Key, n.Given, n.Used)
	case NotPoint:
		return fmt.Sprintf("%s: %q is not a point x,y; using %s", n.Key, n.Given, n.Used)
	case Clamped:
		return fmt.Sprintf("%s: %s is out of range; using %s", n.Key, n.Given, n.Used)
	case NotApplicable:
		if n.Key == "opt" { // a mistake of lesson 8 that needs a data set
			return fmt.Sprintf("%s: %q does not apply to this surface; left out", n.Key, n.Given)
		}
		return fmt.Sprintf("%s: does not apply here; ignored", n.Key)
	case UnknownSurface:
		return fmt.Sprintf("%s: unknown surface %q; using %s", n.Key, n.Given, n.Used)
	case UnknownOptimizer:
		return fmt.Sprintf("%s: unknown optimizer %q; left out", n.Key, n.Given)
	case Duplicate:
		return fmt.Sprintf("%s: %q is listed twice; the repeat is left out", n.Key, n.Given)
	case TooMany:
		return fmt.Sprintf("%s: at most %d optimizers; %q left out", n.Key, MaxRuns, n.Given)
	case Invalid:
		if n.Used != "" {
			return fmt.Sprintf("%s; using %s", n.Detail, n.Used)
		}
		return fmt.Sprintf("%s; using the defaults of %s", n.Detail, n.Key)
	case NewerVersion:
		return fmt.Sprintf("%s: version %q is newer than this app; read as version %d", n.Key, n.Given, Version)
	case Malformed:
		return fmt.Sprintf("the link is malformed (%s); what could be read is used", n.Detail)
	case UnknownValue:
		return fmt.Sprintf("%s: %q is not one of the choices; ignored", n.Key, n.Given)
	}
	return fmt.Sprintf("%s: %q", n.Key, n.Given)
}
