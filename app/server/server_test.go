//go:build !wasm

package server

import (
	"bytes"
	"context"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/andybalholm/brotli"
	ui "github.com/optimplay/optimplay/app"
	"github.com/optimplay/optimplay/app/session"
)

// testWeb makes a web directory with a stand-in app.wasm (the server does
// not look inside it) and the real styles and icons.
func testWeb(t testing.TB) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "web")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	wasm := append([]byte("\x00asm\x01\x00\x00\x00"), bytes.Repeat([]byte("optimizer playground "), 5000)...)
	if err := os.WriteFile(filepath.Join(dir, "app.wasm"), wasm, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := CopyResources(filepath.Join("..", "..", "web"), dir); err != nil {
		t.Fatal(err)
	}
	// The repository's web directory may hold a real build: put the
	// stand-in back over it.
	if err := os.WriteFile(filepath.Join(dir, "app.wasm"), wasm, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

var registerOnce sync.Once

// testServer serves a test web directory with compressed app.wasm ready.
func testServer(t testing.TB) (*httptest.Server, *Server) {
	t.Helper()
	registerOnce.Do(ui.Register)
	s, err := New(testWeb(t), log.New(io.Discard, "", 0))
	if err != nil {
		t.Fatal(err)
	}
	s.Precompress(context.Background())
	ts := httptest.NewServer(s)
	t.Cleanup(ts.Close)
	return ts, s
}

func get(t testing.TB, url string, header map[string]string) *http.Response {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	// No automatic decompression: the test looks at the coding itself.
	res, err := (&http.Transport{DisableCompression: true}).RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { res.Body.Close() })
	return res
}

// TestHeaders checks the page's and app.wasm's headers.
func TestHeaders(t *testing.T) {
	ts, s := testServer(t)
	res := get(t, ts.URL+"/?fn=booth", nil)
	if res.StatusCode != 200 || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") {
		t.Fatalf("page: %d %s", res.StatusCode, res.Header.Get("Content-Type"))
	}
	csp := res.Header.Get("Content-Security-Policy")
	for _, want := range []string{"frame-ancestors *", "script-src 'self' 'wasm-unsafe-eval'", "object-src 'none'"} {
		if !strings.Contains(csp, want) {
			t.Errorf("CSP %q lacks %q", csp, want)
		}
	}
	if res.Header.Get("X-Frame-Options") != "" || res.Header.Get("X-Content-Type-Options") != "nosniff" {
		t.Errorf("frame options %q, nosniff %q", res.Header.Get("X-Frame-Options"), res.Header.Get("X-Content-Type-Options"))
	}
	if cc := res.Header.Get("Cache-Control"); cc != "no-cache" {
		t.Errorf("page Cache-Control %q", cc)
	}
	raw, _ := os.ReadFile(filepath.Join(s.web, "app.wasm"))
	for _, c := range []struct{ accept, encoding string }{
		{"gzip, deflate, br", "br"}, {"gzip", "gzip"}, {"", ""}, {"br;q=0, gzip", "gzip"}, {"identity", ""},
	} {
		res := get(t, ts.URL+"/web/app.wasm", map[string]string{"Accept-Encoding": c.accept})
		body, _ := io.ReadAll(res.Body)
		if res.StatusCode != 200 || res.Header.Get("Content-Type") != "application/wasm" || res.Header.Get("Content-Encoding") != c.encoding {
			t.Errorf("Accept-Encoding %q: %d %s %q", c.accept, res.StatusCode, res.Header.Get("Content-Type"), res.Header.Get("Content-Encoding"))
			continue
		}
		if res.Header.Get(wasmLengthHeader) != "105008" || !strings.Contains(res.Header.Get("Vary"), "Accept-Encoding") {
			t.Errorf("%q: length header %q, Vary %q", c.accept, res.Header.Get(wasmLengthHeader), res.Header.Get("Vary"))
		}
		var got []byte
		switch c.encoding {
		case "br":
			got, _ = io.ReadAll(brotli.NewReader(bytes.NewReader(body)))
		case "gzip":
			got = gunzip(t, body)
		default:
			got = body
		}
		if !bytes.Equal(got, raw) {
			t.Errorf("%q: the body does not decode to app.wasm", c.accept)
		}
		etag := res.Header.Get("ETag")
		again := get(t, ts.URL+"/web/app.wasm", map[string]string{"Accept-Encoding": c.accept, "If-None-Match": etag})
		if again.StatusCode != http.StatusNotModified {
			t.Errorf("%q: revalidation with %s gave %d", c.accept, etag, again.StatusCode)
		}
	}
}

// TestTraversal tries to leave the web directory.
func TestTraversal(t *testing.T) {
	ts, _ := testServer(t)
	for _, p := range []string{
		"/web/../go.mod", "/web/..%2f..%2fgo.mod", "/web/%2e%2e/%2e%2e/go.mod", "/web/..\\..\\go.mod",
		"/web/%5c..%5cgo.mod", "/../../etc/passwd", "/web/./app.css", "/web//app.css", "/web/%00",
	} {
		req, _ := http.NewRequest(http.MethodGet, ts.URL, nil)
		req.URL.RawPath, req.URL.Path = p, p
		req.URL.Opaque = p // send the path as written
		res, err := http.DefaultTransport.RoundTrip(req)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != 400 && res.StatusCode != 404 {
			t.Errorf("%s: %d %q", p, res.StatusCode, body)
		}
		if bytes.Contains(body, []byte("module github.com")) || bytes.Contains(body, []byte("root:")) {
			t.Errorf("%s: leaked a file", p)
		}
	}
	if res := get(t, ts.URL+"/web/app.css", nil); res.StatusCode != 200 {
		t.Errorf("app.css: %d", res.StatusCode)
	}
	req, _ := http.NewRequest(http.MethodPost, ts.URL+"/", strings.NewReader("x"))
	if res, err := http.DefaultClient.Do(req); err != nil || res.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST: %v %v", res, err)
	}
}

// TestLoad sends 4000 requests, 50 at a time, over loopback to pages,
// scripts, styles and app.wasm, and demands that every one succeeds. The
// rate is logged, not asserted.
func TestLoad(t *testing.T) {
	ts, _ := testServer(t)
	paths := []string{"/", "/?fn=booth&opt=gd,adam&lr=0.1", "/app.js", "/wasm_exec.js", "/web/app.css",
		"/manifest.webmanifest", "/web/icon-192.png", "/web/app.wasm", "/app-worker.js"}
	const total, workers = 4000, 50
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: workers}, Timeout: 30 * time.Second}
	var next, failures atomic.Int64
	var wg sync.WaitGroup
	start := time.Now()
	for range workers {
		wg.Go(func() {
			for {
				i := next.Add(1) - 1
				if i >= total {
					return
				}
				req, _ := http.NewRequest(http.MethodGet, ts.URL+paths[i%int64(len(paths))], nil)
				req.Header.Set("Accept-Encoding", "br, gzip")
				res, err := client.Do(req)
				if err != nil {
					failures.Add(1)
					continue
				}
				_, err = io.Copy(io.Discard, res.Body)
				res.Body.Close()
				if err != nil || res.StatusCode != 200 {
					failures.Add(1)
				}
			}
		})
	}
	wg.Wait()
	elapsed := time.Since(start)
	if failures.Load() != 0 {
		t.Errorf("%d of %d requests failed", failures.Load(), total)
	}
	t.Logf("%d requests, %d at a time: %.0f requests/s, %d errors", total, workers, total/elapsed.Seconds(), failures.Load())
}

// TestStaleCompressedCopies: compressed copies of another build, however
// fresh their files, are not served; Precompress replaces them.
func TestStaleCompressedCopies(t *testing.T) {
	registerOnce.Do(ui.Register)
	web := testWeb(t)
	for _, name := range []string{"app.wasm.br", "app.wasm.gz"} {
		if err := os.WriteFile(filepath.Join(web, name), []byte("an old build"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(web, name+".version"), []byte("old"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s, err := New(web, log.New(io.Discard, "", 0))
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s)
	defer ts.Close()
	if res := get(t, ts.URL+"/web/app.wasm", map[string]string{"Accept-Encoding": "br, gzip"}); res.Header.Get("Content-Encoding") != "" {
		t.Errorf("served the stale %s copy", res.Header.Get("Content-Encoding"))
	}
	s.Precompress(context.Background())
	if res := get(t, ts.URL+"/web/app.wasm", map[string]string{"Accept-Encoding": "br, gzip"}); res.Header.Get("Content-Encoding") != "br" {
		t.Errorf("after compressing: %q", res.Header.Get("Content-Encoding"))
	}
	if v, _ := os.ReadFile(filepath.Join(web, "app.wasm.br.version")); string(v) != s.Version() {
		t.Errorf("version file %q, build %q", v, s.Version())
	}
}

// TestPrerenderedPage: the page arrives with its content (the surface's
// image, the controls, the readout) before app.wasm loads, and go-app's
// loader reports the download's progress.
func TestPrerenderedPage(t *testing.T) {
	ts, _ := testServer(t)
	res := get(t, ts.URL+"/?fn=himmelblau&opt=gd,adam&lr=0.01", nil)
	body, _ := io.ReadAll(res.Body)
	page := string(body)
	// The backgrounds, whose attributes come in any order: the surface's
	// published figure, in the box the page keeps before it loads, and
	// the loss axes.
	var backgrounds []string
	for _, img := range regexp.MustCompile(`<img [^>]*class="background"[^>]*>`).FindAllString(page, -1) {
		attr := func(name string) string {
			m := regexp.MustCompile(` ` + name + `="([^"]*)"`).FindStringSubmatch(img)
			if m == nil {
				return ""
			}
			return m[1]
		}
		src, _, _ := strings.Cut(attr("src"), ",")
		backgrounds = append(backgrounds, src+" "+attr("width")+"x"+attr("height"))
	}
	if want := []string{"/web/figures/surface-himmelblau.svg 540x450", "data:image/svg+xml;base64 540x227"}; !slices.Equal(backgrounds, want) {
		t.Errorf("backgrounds %q, want %q", backgrounds, want)
	}
	for _, want := range []string{
		`id="surface-select"`, `id="run0-lr"`, `id="run1-b1"`, `class="readout"`,
		"Himmelblau", "Loading the playground: 0%", // go-app fills in {progress}
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the prerendered page lacks %s", want)
		}
	}
	if strings.Contains(page, "<script>") {
		t.Error("an inline script, which the CSP would block")
	}
}

// TestPublishedFigures: the server draws the published figures, the same
// as the session's, compressed like the other resources; names it does
// not publish are not found, and the web directory is not listed.
func TestPublishedFigures(t *testing.T) {
	ts, _ := testServer(t)
	for _, name := range session.PublishedFigures() {
		want, _, err := session.PublishedFigure(name)
		if err != nil {
			t.Fatal(err)
		}
		res, body := mustFetch(t, http.MethodGet, ts.URL+session.FigureDir+name, map[string]string{"Accept-Encoding": "br"})
		if res.StatusCode != 200 || res.Header.Get("Content-Type") != "image/svg+xml" || res.Header.Get("Content-Encoding") != "br" {
			t.Fatalf("%s: %d %s %q", name, res.StatusCode, res.Header.Get("Content-Type"), res.Header.Get("Content-Encoding"))
		}
		if got := decode(t, body, "br"); !bytes.Equal(got, want) {
			t.Errorf("%s: %d bytes, not the session's figure of %d", name, len(got), len(want))
		}
	}
	for _, p := range []string{session.FigureDir + "surface-nosuch.svg", session.FigureDir + "surface-booth.svg.br", session.FigureDir, "/web/"} {
		if res := get(t, ts.URL+p, nil); res.StatusCode != http.StatusNotFound {
			t.Errorf("%s: %d", p, res.StatusCode)
		}
	}
}

// TestProxyPathsStayLocal: /robots.txt, /sitemap.xml and /ads.txt come
// from the web directory, whatever Host the request names: go-app's own
// handler fetched them from that host and kept what it got for everyone.
func TestProxyPathsStayLocal(t *testing.T) {
	var fetched atomic.Int64
	evil := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fetched.Add(1)
		w.Header().Set("Content-Type", "text/html")
		io.WriteString(w, "<script>alert(1)</script>")
	}))
	defer evil.Close()
	ts, s := testServer(t)
	if err := os.WriteFile(filepath.Join(s.web, "robots.txt"), []byte("User-agent: *\nAllow: /\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"/robots.txt", "/sitemap.xml", "/ads.txt"} {
		for _, host := range []string{strings.TrimPrefix(evil.URL, "http://"), ""} {
			req, _ := http.NewRequest(http.MethodGet, ts.URL+p, nil)
			if host != "" {
				req.Host = host
			}
			res, err := http.DefaultTransport.RoundTrip(req)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(res.Body)
			res.Body.Close()
			want := http.StatusNotFound
			if p == "/robots.txt" {
				want = http.StatusOK
			}
			if res.StatusCode != want || strings.Contains(string(body), "alert") {
				t.Errorf("%s with Host %q: %d %q", p, host, res.StatusCode, body)
			}
		}
	}
	if n := fetched.Load(); n != 0 {
		t.Errorf("the server fetched %d files from the Host the request named", n)
	}
}
