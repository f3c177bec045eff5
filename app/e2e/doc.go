// Package e2e holds the browser tests of the playground: they build the
// WebAssembly app, serve it on 127.0.0.1 with the app's own handler, and
// drive Debian's Chromium through chromedp.
//
// Without a chromium binary the tests skip, saying so loudly; with CI=true
// or REQUIRE_BROWSER=1 they fail instead. BenchmarkPage runs the page's
// benchmark mode (go test -bench Page ./app/e2e), and TestScreenshot
// writes the README's screenshot when given -screenshot FILE.
package e2e
