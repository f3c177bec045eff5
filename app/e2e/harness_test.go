//go:build !js

package e2e

import (
	"context"
	"fmt"
	"io"
	"log"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	ui "github.com/optimplay/optimplay/app"
	"github.com/optimplay/optimplay/app/server"
)

var (
	// serverURL is the app served for the tests, by the app's server;
	// webDir is its web directory, with the app.wasm built for the tests.
	serverURL, webDir string
	// browser is the context of the one Chromium the tests share; each
	// test opens its own tab.
	chrome context.Context
	// skipReason is set when the browser tests cannot run here.
	skipReason string
)

func TestMain(m *testing.M) {
	os.Exit(run(m))
}

func run(m *testing.M) int {
	chromium, err := findChromium()
	if err != nil {
		if os.Getenv("CI") == "true" || os.Getenv("REQUIRE_BROWSER") == "1" {
			fmt.Fprintln(os.Stderr, "e2e: browser tests are required here, but", err)
			return 1
		}
		skipReason = "browser tests SKIPPED: " + err.Error() + " (apt-get install chromium)"
		fmt.Fprintln(os.Stderr, "\n*** e2e: "+skipReason+" ***")
		return m.Run()
	}
	root, err := os.MkdirTemp("", "optimplay-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	defer os.RemoveAll(root)
	if err := buildSite(root); err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	ui.Register()
	webDir = filepath.Join(root, "web")
	h, err := server.New(webDir, log.New(io.Discard, "", 0))
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	srv := httptest.NewServer(h)
	defer srv.Close()
	serverURL = srv.URL

	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.UserDataDir(filepath.Join(root, "profile")),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-quic", true),
		chromedp.WindowSize(1400, 1000),
	)...)
	defer cancelAlloc()
	var cancelBrowser context.CancelFunc
	chrome, cancelBrowser = chromedp.NewContext(alloc)
	defer cancelBrowser()
	if err := chromedp.Do(chrome); err != nil {
		fmt.Fprintln(os.Stderr, "e2e: starting chromium:", err)
		return 1
	}
	return m.Run()
}

// findChromium returns Debian's Chromium.
func findChromium() (string, error) {
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", fmt.Errorf("no chromium on PATH")
}

// moduleRoot is the repository's top directory, found before the tests
// change directory.
var moduleRoot = func() string {
	abs, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		panic(err)
	}
	return abs
}()

// buildSite puts the web resources into root/web and builds the
// WebAssembly app there, as make wasm does.
func buildSite(root string) error {
	web := filepath.Join(root, "web")
	if err := server.CopyResources(filepath.Join(moduleRoot, "web"), web); err != nil {
		return err
	}
	cmd := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-tags", "minimal",
		"-o", filepath.Join(web, "app.wasm"), "./cmd/wasm")
	cmd.Dir = moduleRoot
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("building the wasm: %v\n%s", err, out)
	}
	return nil
}

// page opens a tab on the app with query and waits for the first drawn
// path.
func page(t testing.TB, query string) context.Context {
	t.Helper()
	if skipReason != "" {
		t.Skip(skipReason)
	}
	ctx, cancel := chromedp.NewContext(chrome)
	t.Cleanup(cancel)
	ctx, cancelTimeout := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(cancelTimeout)
	if err := chromedp.Do(ctx, chromedp.Navigate(serverURL+"/?"+query)); err != nil {
		t.Fatal(err)
	}
	waitJS(t, ctx, `document.querySelector('#surface-head svg') !== null`)
	return ctx
}

// waitJS waits until the expression is true, through reloads of the page.
func waitJS(t testing.TB, ctx context.Context, expr string) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		_, err := chromedp.Run(ctx, chromedp.Poll[bool](expr, chromedp.WithPollingTimeout(time.Until(deadline))))
		if err == nil {
			return
		}
		if time.Now().After(deadline) || !(strings.Contains(err.Error(), "navigated or closed") || strings.Contains(err.Error(), "Cannot find context")) {
			t.Fatalf("waiting for %s: %v", expr, err)
		}
	}
}

// eval evaluates a JavaScript expression.
func eval[T any](t testing.TB, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("%s: %v", expr, err)
	}
	return v
}

// text returns the text of the element with that id.
func text(t testing.TB, ctx context.Context, id string) string {
	t.Helper()
	return strings.TrimSpace(eval[string](t, ctx, fmt.Sprintf(`(document.getElementById(%q) || {}).textContent || ""`, id)))
}

// do runs actions.
func do(t testing.TB, ctx context.Context, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatal(err)
	}
}
