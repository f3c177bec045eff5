// Package i18n is the message catalog of the user interface: every text
// the page shows comes from here, by key, so that a language is one more
// table. English is the reference; Simplified Chinese is complete too (the
// tests check that every catalog has exactly English's keys, with the same
// fmt verbs). A key a catalog lacks falls back to English, and a language
// without a catalog gets English.
package i18n

import (
	"fmt"
	"maps"
	"slices"
)

// Lang is a language tag, such as "en".
type Lang string

// The languages with a catalog.
const (
	English Lang = "en"
	Chinese Lang = "zh" // Simplified Chinese (简体中文)
)

// Key names a message.
type Key string

// Catalog is the messages of one language.
type Catalog struct {
	lang Lang
	msgs map[Key]string
}

// For returns the catalog of lang, or English when there is none.
func For(lang Lang) Catalog {
	if msgs, ok := catalogs[lang]; ok {
		return Catalog{lang: lang, msgs: msgs}
	}
	return Catalog{lang: English, msgs: catalogs[English]}
}

// Lang returns the catalog's language.
func (c Catalog) Lang() Lang { return c.lang }

// T returns the message of key formatted with args (fmt verbs), falling
// back to English and then to the key itself.
func (c Catalog) T(key Key, args ...any) string {
	msg, ok := c.msgs[key]
	if !ok {
		if msg, ok = catalogs[English][key]; !ok {
			return string(key)
		}
	}
	if len(args) == 0 {
		return msg
	}
	return fmt.Sprintf(msg, args...)
}

// Has reports whether the catalog or its English fallback has key.
func (c Catalog) Has(key Key) bool {
	_, ok := c.msgs[key]
	_, en := catalogs[English][key]
	return ok || en
}

var catalogs = map[Lang]map[Key]string{English: english, Chinese: chinese}

// Keys returns the keys of the catalog's own messages (not those it
// falls back to), sorted.
func (c Catalog) Keys() []Key {
	return slices.Sorted(maps.Keys(c.msgs))
}
