package app

import (
	"testing"

	"github.com/optimplay/optimplay/app/i18n"
)

// TestPreferredLang: the reader's first language the page speaks wins,
// by primary subtag and whatever the case; any Chinese reads 简体中文.
func TestPreferredLang(t *testing.T) {
	for _, c := range []struct {
		tags []string
		want i18n.Lang
	}{
		{nil, i18n.English},
		{[]string{"en-US", "en"}, i18n.English},
		{[]string{"zh-CN", "zh", "en"}, i18n.Chinese},
		{[]string{"ZH-hans-cn"}, i18n.Chinese},
		{[]string{"zh-TW"}, i18n.Chinese},
		{[]string{"fr-FR", "de", "zh"}, i18n.Chinese},
		{[]string{"fr-FR", "en-GB", "zh"}, i18n.English},
		{[]string{"fr", "de"}, i18n.English},
		{[]string{"", "-", "zhx"}, i18n.English},
	} {
		if got := preferredLang(c.tags); got != c.want {
			t.Errorf("preferredLang(%q) = %q, want %q", c.tags, got, c.want)
		}
	}
}
