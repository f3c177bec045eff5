// Local stand-in for codeberg.org/go-fonts/liberation v0.5.0 (see ../README.md).
// Upstream embeds LiberationMono-Italic.ttf here; this copy reuses Liberation Serif Regular
// to keep WebAssembly binaries small.

// Package liberationmonoitalic provides the "LiberationMono Italic" TrueType font
// from the Liberation font family.
//
// In this local stand-in it holds Liberation Serif Regular instead.
package liberationmonoitalic // import "codeberg.org/go-fonts/liberation/liberationmonoitalic"

import "codeberg.org/go-fonts/liberation/liberationserifregular"

// TTF is the data for the "LiberationMono Italic" TrueType font.
//
// In this local stand-in it is the same slice as liberationserifregular.TTF
// (Liberation Serif Regular), not LiberationMono-Italic.ttf.
var TTF = liberationserifregular.TTF
