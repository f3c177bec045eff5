// Local stand-in for codeberg.org/go-fonts/liberation v0.5.0 (see ../README.md).
// Upstream embeds LiberationSans-BoldItalic.ttf here; this copy reuses Liberation Serif Regular
// to keep WebAssembly binaries small.

// Package liberationsansbolditalic provides the "LiberationSans BoldItalic" TrueType font
// from the Liberation font family.
//
// In this local stand-in it holds Liberation Serif Regular instead.
package liberationsansbolditalic // import "codeberg.org/go-fonts/liberation/liberationsansbolditalic"

import "codeberg.org/go-fonts/liberation/liberationserifregular"

// TTF is the data for the "LiberationSans BoldItalic" TrueType font.
//
// In this local stand-in it is the same slice as liberationserifregular.TTF
// (Liberation Serif Regular), not LiberationSans-BoldItalic.ttf.
var TTF = liberationserifregular.TTF
