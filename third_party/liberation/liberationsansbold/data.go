// Local stand-in for codeberg.org/go-fonts/liberation v0.5.0 (see ../README.md).
// Upstream embeds LiberationSans-Bold.ttf here; this copy reuses Liberation Serif Regular
// to keep WebAssembly binaries small.

// Package liberationsansbold provides the "LiberationSans Bold" TrueType font
// from the Liberation font family.
//
// In this local stand-in it holds Liberation Serif Regular instead.
package liberationsansbold // import "codeberg.org/go-fonts/liberation/liberationsansbold"

import "codeberg.org/go-fonts/liberation/liberationserifregular"

// TTF is the data for the "LiberationSans Bold" TrueType font.
//
// In this local stand-in it is the same slice as liberationserifregular.TTF
// (Liberation Serif Regular), not LiberationSans-Bold.ttf.
var TTF = liberationserifregular.TTF
