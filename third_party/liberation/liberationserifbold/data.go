// Local stand-in for codeberg.org/go-fonts/liberation v0.5.0 (see ../README.md).
// Upstream embeds LiberationSerif-Bold.ttf here; this copy reuses Liberation Serif Regular
// to keep WebAssembly binaries small.

// Package liberationserifbold provides the "LiberationSerif Bold" TrueType font
// from the Liberation font family.
//
// In this local stand-in it holds Liberation Serif Regular instead.
package liberationserifbold // import "codeberg.org/go-fonts/liberation/liberationserifbold"

import "codeberg.org/go-fonts/liberation/liberationserifregular"

// TTF is the data for the "LiberationSerif Bold" TrueType font.
//
// In this local stand-in it is the same slice as liberationserifregular.TTF
// (Liberation Serif Regular), not LiberationSerif-Bold.ttf.
var TTF = liberationserifregular.TTF
