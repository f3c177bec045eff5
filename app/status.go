package app

import (
	"github.com/optimplay/optimplay/app/i18n"
	"github.com/optimplay/optimplay/optimizers"
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
	return msgs.T(i18n.NoticeKind(n.Kind.String()), n.Key, n.Given, used, n.Detail)
}
