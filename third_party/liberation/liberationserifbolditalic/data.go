// Local stand-in for codeberg.org/go-fonts/liberation v0.5.0 (see ../README.md).
// Upstream embeds LiberationSerif-BoldItalic.ttf here; this copy reuses Liberation Serif Regular
// to keep WebAssembly binaries small.

// Package liberationserifbolditalic provides the "LiberationSerif BoldItalic" TrueType font
// from the Liberation font family.
//
// In this local stand-in it holds Liberation Serif Regular instead.
package liberationserifbolditalic // import "codeberg.org/go-fonts/liberation/liberationserifbolditalic"

import "codeberg.org/go-fonts/liberation/liberationserifregular"

// TTF is the data for the "LiberationSerif BoldItalic" TrueType font.
//
// In this local stand-in it is the same slice as liberationserifregular.TTF
// (Liberation Serif Regular), not LiberationSerif-BoldItalic.ttf.
var TTF = liberationserifregular.TTF
