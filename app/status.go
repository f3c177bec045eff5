package app

import (
	"errors"

	"github.com/optimplay/optimplay/app/i18n"
	"github.com/optimplay/optimplay/optimizers"
	"github.com/optimplay/optimplay/optimizers/reason"
	"github.com/optimplay/optimplay/optimizers/scene"
)

// statusWord is the readout's one-word status.
func statusWord(msgs i18n.Catalog, st optimizers.Status) string {
	switch st.Code {
	case optimizers.Done:
		return msgs.T(i18n.StatusDone)
	case optimizers.Diverged:
		return msgs.T(i18n.StatusDiverged)
	case optimizers.Escaped:
		return msgs.T(i18n.StatusEscapedWord)
	}
	return msgs.T(i18n.StatusRunning)
}

// statusMessage explains why run opt stopped, or returns "".
func statusMessage(msgs i18n.Catalog, opt string, st optimizers.Status) string {
	name := msgs.T(i18n.OptimizerName(opt))
	switch {
	case st.Code == optimizers.Escaped:
		return msgs.T(i18n.StatusEscaped, name, st.Step)
	case st.Code != optimizers.Diverged:
		return ""
	case st.StableLimitKnown() && st.LR > st.MaxLR:
		return msgs.T(i18n.StatusDivergedLR, name, st.Step, formatNumber(st.LR), st.MaxLRFormula,
			formatNumber(st.MaxLR), formatNumber(st.LambdaMax))
	case st.Cause == optimizers.OutOfBounds:
		return msgs.T(i18n.StatusDivergedOut, name, st.Step)
	}
	return msgs.T(i18n.StatusDivergedNaN, name, st.Step)
}

// noticeMessage words a permalink notice.
func noticeMessage(msgs i18n.Catalog, n scene.Notice) string {
	used := n.Used
	if used == scene.UsedDefault {
		used = msgs.T(i18n.ParamUseDefault)
	}
	detail := n.Detail
	if n.Reason != nil {
		detail = explain(msgs, n.Reason)
	}
	return msgs.T(i18n.NoticeKind(n.Kind.String()), n.Key, n.Given, used, detail)
}

// explain says err in the catalog's language: a refusal of the optimizer
// core (a *reason.Error in err's chain) by its code, each argument that is
// an error said the same way; any other error as it is, in English.
func explain(msgs i18n.Catalog, err error) string {
	if c, ok := errors.AsType[catalogError](err); ok {
		return msgs.T(c.key, c.args...)
	}
	r, ok := errors.AsType[*reason.Error](err)
	if !ok {
		return err.Error()
	}
	args := make([]any, len(r.Args))
	for i, a := range r.Args {
		if e, ok := a.(error); ok {
			a = explain(msgs, e)
		}
		args[i] = a
	}
	return msgs.T(i18n.Reason(r.Kind.Code), args...)
}

// pageNotice is what the page tells about a link or an edit: a notice of
// the scene's decoding, or an error. It is worded when the page renders,
// so that a notice shown before the language changes is said in the new
// language.
type pageNotice struct {
	notice scene.Notice
	err    error // when set, the notice is this error
}

// message words the notice in the catalog's language.
func (n pageNotice) message(msgs i18n.Catalog) string {
	if n.err != nil {
		return errorMessage(msgs, n.err)
	}
	return noticeMessage(msgs, n.notice)
}

// noticeOf is the notice of an error.
func noticeOf(err error) pageNotice { return pageNotice{err: err} }

// catalogError is an error of the page itself, a message of the catalog
// with its arguments, said in the page's language when it is shown.
type catalogError struct {
	key  i18n.Key
	args []any
}

// Error returns the English message.
func (e catalogError) Error() string { return i18n.For(i18n.English).T(e.key, e.args...) }

// errorMessage words err as an error, in the catalog's language.
func errorMessage(msgs i18n.Catalog, err error) string {
	return msgs.T(i18n.ErrorPrefix, explain(msgs, err))
}
