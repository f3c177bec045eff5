// Local stand-in for codeberg.org/go-fonts/liberation v0.5.0 (see ../README.md).
// Upstream embeds LiberationMono-Regular.ttf here; this copy reuses Liberation Serif Regular
// to keep WebAssembly binaries small.

// Package liberationmonoregular provides the "LiberationMono Regular" TrueType font
// from the Liberation font family.
//
// In this local stand-in it holds Liberation Serif Regular instead.
package liberationmonoregular // import "codeberg.org/go-fonts/liberation/liberationmonoregular"

import "codeberg.org/go-fonts/liberation/liberationserifregular"

// TTF is the data for the "LiberationMono Regular" TrueType font.
//
// In this local stand-in it is the same slice as liberationserifregular.TTF
// (Liberation Serif Regular), not LiberationMono-Regular.ttf.
var TTF = liberationserifregular.TTF
