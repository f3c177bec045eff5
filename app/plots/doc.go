// Package plots draws the playground's figures with gonum/plot, as pure
// functions from the optimizer core's types to SVG.
//
// Each figure is layered: a background (colour map, contours, axes, data
// points) that is drawn once per surface, view or run, and overlays (paths,
// current points, vectors, curves) drawn every animation frame onto the
// same data area, so that the two align exactly while only the cheap part
// is redrawn. A figure's Export draws the background and the overlays on
// one canvas instead, as one SVG or PNG file. The package knows nothing of
// the browser.
package plots
