package i18n

// Endonym is lang's name in itself, the same whatever the page's
// language, so that readers find theirs in the language switch.
func Endonym(lang Lang) string {
	if lang == Chinese {
		return "简体中文"
	}
	return "English"
}
