package scene

import (
	"slices"
	"strings"

	"github.com/optimplay/optimplay/optimizers"
)

// sceneKeys are the keys of the scene besides the hyperparameters and the
// schedules' keys.
var sceneKeys = []string{"v", "fn", "f", "xr", "yr", "kappa", "n", "data", "seed", "x0", "steps", "lesson", "opt", "noise", "batch", "sched"}

// IsKey reports whether key is one of the scene's keys: a surface or run
// setting, a hyperparameter or schedule key, or either prefixed by an
// optimizer's name (adam.lr). The page's own keys (lang, step, embed…)
// are not.
func IsKey(key string) bool {
	if _, after, ok := strings.Cut(key, "."); ok {
		key = after
	}
	if slices.Contains(sceneKeys, key) {
		return true
	}
	if _, ok := LookupSchedKey(key); ok {
		return true
	}
	_, ok := optimizers.LookupParam(key)
	return ok
}
