//go:build !wasm

package server

import (
	"bytes"
	"fmt"
	"io"
	"log"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/andybalholm/brotli"
	ui "github.com/optimplay/optimplay/app"
)

// fetch sends a request with the header, without decompressing the
// response, and returns it with its body. Unlike get, it may be called
// from any goroutine.
func fetch(method, url string, header map[string]string) (*http.Response, []byte, error) {
	req, err := http.NewRequest(method, url, nil)
	if err != nil {
		return nil, nil, err
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	res, err := (&http.Transport{DisableCompression: true}).RoundTrip(req)
	if err != nil {
		return nil, nil, err
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	return res, body, err
}

// mustFetch is fetch for the test's goroutine.
func mustFetch(t *testing.T, method, url string, header map[string]string) (*http.Response, []byte) {
	t.Helper()
	res, body, err := fetch(method, url, header)
	if err != nil {
		t.Fatal(err)
	}
	return res, body
}

// decode returns body decoded from the content coding enc.
func decode(t *testing.T, body []byte, enc string) []byte {
	t.Helper()
	switch enc {
	case "br":
		out, err := io.ReadAll(brotli.NewReader(bytes.NewReader(body)))
		if err != nil {
			t.Fatal(err)
		}
		return out
	case "gzip":
		return gunzip(t, body)
	}
	return body
}

// TestCompressedResponses: the page, scripts, styles, manifest, SVG and
// text come in the coding the client prefers, decode to the uncompressed
// response, and say that they vary with Accept-Encoding; PNG icons do not
// come compressed.
func TestCompressedResponses(t *testing.T) {
	ts, s := testServer(t)
	codings := []struct{ accept, enc string }{
		{"", ""}, {"br", "br"}, {"gzip", "gzip"}, {"gzip, deflate, br", "br"}, {"br;q=0, gzip", "gzip"}, {"br;q=0.0, gzip;q=0.5", "gzip"}, {"br; Q=0.000, gzip;q=0", ""}, {"br;q=0.1", "br"}, {"identity", ""},
	}
	for _, p := range []string{
		"/", "/?fn=beale&opt=adam", "/app.js", "/app-worker.js", "/wasm_exec.js", "/app.css", "/web/app.css",
		"/manifest.webmanifest", "/web/icon.svg", "/web/third-party-notices.txt",
	} {
		_, want := mustFetch(t, http.MethodGet, ts.URL+p, nil)
		for _, c := range codings {
			res, body := mustFetch(t, http.MethodGet, ts.URL+p, map[string]string{"Accept-Encoding": c.accept})
			h := res.Header
			if res.StatusCode != 200 || h.Get("Content-Encoding") != c.enc {
				t.Errorf("%s with %q: %d, Content-Encoding %q, want %q", p, c.accept, res.StatusCode, h.Get("Content-Encoding"), c.enc)
				continue
			}
			if h.Get("Vary") != "Accept-Encoding" {
				t.Errorf("%s with %q: Vary %q", p, c.accept, h.Values("Vary"))
			}
			if h.Get("Content-Length") != strconv.Itoa(len(body)) || h.Get("ETag") != s.etag(c.enc) || h.Get("Cache-Control") != "no-cache" {
				t.Errorf("%s with %q: Content-Length %s for %d bytes, ETag %s, Cache-Control %q",
					p, c.accept, h.Get("Content-Length"), len(body), h.Get("ETag"), h.Get("Cache-Control"))
			}
			if h.Get("Content-Security-Policy") != contentSecurityPolicy || h.Get("X-Content-Type-Options") != "nosniff" ||
				h.Get("Referrer-Policy") == "" {
				t.Errorf("%s with %q: lost the security headers", p, c.accept)
			}
			if c.enc != "" && h.Get("Accept-Ranges") != "" {
				t.Errorf("%s with %q: offers ranges of the compressed body", p, c.accept)
			}
			if got := decode(t, body, c.enc); !bytes.Equal(got, want) {
				t.Errorf("%s with %q: decodes to %d bytes unlike the %d uncompressed", p, c.accept, len(got), len(want))
			}
		}
	}
	png, _ := os.ReadFile(filepath.Join(s.web, "icon-192.png"))
	res, body := mustFetch(t, http.MethodGet, ts.URL+"/web/icon-192.png", map[string]string{"Accept-Encoding": "br, gzip"})
	if res.StatusCode != 200 || res.Header.Get("Content-Encoding") != "" || !bytes.Equal(body, png) {
		t.Errorf("icon-192.png: %d, Content-Encoding %q, %d bytes of %d", res.StatusCode, res.Header.Get("Content-Encoding"), len(body), len(png))
	}
}

// TestCompressionRatio: the page is 23 KB (its surface figure is a
// published file, its loss figure a data URL), which brotli makes 4.8 KB
// and gzip 5.7 KB.
func TestCompressionRatio(t *testing.T) {
	ts, _ := testServer(t)
	_, raw := mustFetch(t, http.MethodGet, ts.URL+"/", nil)
	for _, enc := range []string{"br", "gzip"} {
		_, body := mustFetch(t, http.MethodGet, ts.URL+"/", map[string]string{"Accept-Encoding": enc})
		ratio := float64(len(body)) / float64(len(raw))
		t.Logf("%s: %d bytes of %d, %.3f", enc, len(body), len(raw), ratio)
		if ratio > 0.3 || len(raw) > 40_000 {
			t.Errorf("%s: %d bytes of %d, ratio %.3f > 0.3", enc, len(body), len(raw), ratio)
		}
	}
}

// TestCompressedOnce: requests for a response kept get it without
// rendering or compressing it again; another coding compresses once more,
// another query renders and compresses once more.
func TestCompressedOnce(t *testing.T) {
	ts, s := testServer(t)
	br := map[string]string{"Accept-Encoding": "br"}
	for _, c := range []struct {
		path, accept          string
		n                     int   // requests
		renders, compressions int64 // what they make
	}{
		{"/?fn=beale&opt=adam", "br", 20, 1, 1},
		{"/?fn=beale&opt=adam", "gzip", 20, 0, 1},
		{"/?fn=beale&opt=adam", "", 20, 0, 0},
		{"/?fn=beale&opt=gd", "br", 20, 1, 1},
		{"/?fn=beale&opt=gd", "", 20, 0, 0},
		{"/?fn=booth", "", 20, 1, 0},
		{"/app.js", "br", 20, 1, 1},
	} {
		renders0, compressions0 := s.cache.renders.Load(), s.cache.compressions.Load()
		var first []byte
		for i := range c.n {
			res, body := mustFetch(t, http.MethodGet, ts.URL+c.path, map[string]string{"Accept-Encoding": c.accept})
			if res.StatusCode != 200 {
				t.Fatalf("%s: %d", c.path, res.StatusCode)
			}
			if i == 0 {
				first = body
			} else if !bytes.Equal(body, first) {
				t.Errorf("%s with %q: request %d got other bytes", c.path, c.accept, i)
			}
		}
		renders, compressions := s.cache.renders.Load()-renders0, s.cache.compressions.Load()-compressions0
		if renders != c.renders || compressions != c.compressions {
			t.Errorf("%d requests for %s with %q: %d renderings and %d compressions, want %d and %d",
				c.n, c.path, c.accept, renders, compressions, c.renders, c.compressions)
		}
	}
	// The page names the host it is asked from: another host gets its own.
	res, body := mustFetch(t, http.MethodGet, ts.URL+"/?fn=beale&opt=adam", br)
	req, _ := http.NewRequest(http.MethodGet, ts.URL+"/?fn=beale&opt=adam", nil)
	req.Host = "playground.example"
	req.Header.Set("Accept-Encoding", "br")
	other, err := (&http.Transport{DisableCompression: true}).RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Body.Close()
	otherBody, _ := io.ReadAll(other.Body)
	if res.StatusCode != 200 || other.StatusCode != 200 ||
		!bytes.Contains(decode(t, otherBody, "br"), []byte(`"http://playground.example/?fn=beale`)) ||
		bytes.Contains(decode(t, body, "br"), []byte("playground.example")) {
		t.Error("the page of another host was not its own")
	}
}

// TestCompressConcurrently: concurrent first requests for a response
// all get it, rendered once and compressed once in each coding.
func TestCompressConcurrently(t *testing.T) {
	ts, s := testServer(t)
	const path = "/?fn=rosenbrock&opt=gd,adam"
	type result struct {
		enc  string
		body []byte
		err  error
	}
	results := make(chan result, 30)
	var wg sync.WaitGroup
	for i := range 30 {
		accept := []string{"br", "gzip", ""}[i%3]
		wg.Go(func() {
			res, body, err := fetch(http.MethodGet, ts.URL+path, map[string]string{"Accept-Encoding": accept})
			if err == nil && (res.StatusCode != 200 || res.Header.Get("Content-Encoding") != accept) {
				err = fmt.Errorf("%q: %d %q", accept, res.StatusCode, res.Header.Get("Content-Encoding"))
			}
			results <- result{accept, body, err}
		})
	}
	wg.Wait()
	close(results)
	var want []byte
	for r := range results {
		if r.err != nil {
			t.Error(r.err)
			continue
		}
		got := decode(t, r.body, r.enc)
		if want == nil {
			want = got
		} else if !bytes.Equal(got, want) {
			t.Errorf("%q: another rendering", r.enc)
		}
	}
	if n := s.cache.compressions.Load(); n != 2 {
		t.Errorf("%d compressions, want 2", n)
	}
}

// TestCompressedValidation: revalidation with either entity tag gives a
// 304 that varies with Accept-Encoding, HEAD gives GET's headers without
// the body, and a Range request gets uncompressed bytes.
func TestCompressedValidation(t *testing.T) {
	ts, s := testServer(t)
	for _, c := range []struct {
		accept, inm string
		status      int
	}{
		{"br", s.etag("br"), http.StatusNotModified},
		{"gzip", s.etag("gzip"), http.StatusNotModified},
		{"gzip, br", `"old", ` + s.etag("br"), http.StatusNotModified},
		{"br", "W/" + s.etag("br"), http.StatusNotModified},
		{"br", s.etag(""), http.StatusNotModified}, // go-app's tag, as go-app answers it
		{"", s.etag(""), http.StatusNotModified},
		{"gzip", s.etag("br"), http.StatusOK}, // another coding
		{"", s.etag("br"), http.StatusOK},
		{"br", `"old-br"`, http.StatusOK},
	} {
		for _, p := range []string{"/?fn=booth", "/web/app.css"} {
			res, body := mustFetch(t, http.MethodGet, ts.URL+p, map[string]string{"Accept-Encoding": c.accept, "If-None-Match": c.inm})
			if res.StatusCode != c.status || res.Header.Get("Vary") != "Accept-Encoding" || res.Header.Get("X-Content-Type-Options") != "nosniff" {
				t.Errorf("%s with %q, If-None-Match %s: %d, Vary %q", p, c.accept, c.inm, res.StatusCode, res.Header.Values("Vary"))
			}
			if c.status == http.StatusNotModified && len(body) != 0 {
				t.Errorf("%s with %q, If-None-Match %s: a body", p, c.accept, c.inm)
			}
		}
	}

	// HEAD first, then GET: the same headers.
	for _, accept := range []string{"br", "gzip", ""} {
		p := "/?fn=matyas&head=" + accept
		head, body := mustFetch(t, http.MethodHead, ts.URL+p, map[string]string{"Accept-Encoding": accept})
		res, _ := mustFetch(t, http.MethodGet, ts.URL+p, map[string]string{"Accept-Encoding": accept})
		if head.StatusCode != 200 || len(body) != 0 {
			t.Errorf("HEAD with %q: %d, %d bytes", accept, head.StatusCode, len(body))
		}
		for _, k := range []string{"Content-Encoding", "Content-Length", "Content-Type", "ETag", "Vary", "Cache-Control", "Content-Security-Policy"} {
			if head.Header.Get(k) != res.Header.Get(k) {
				t.Errorf("HEAD with %q: %s %q, GET has %q", accept, k, head.Header.Get(k), res.Header.Get(k))
			}
		}
	}

	css, _ := os.ReadFile(filepath.Join(s.web, "app.css"))
	res, body := mustFetch(t, http.MethodGet, ts.URL+"/web/app.css", map[string]string{"Accept-Encoding": "br, gzip", "Range": "bytes=0-99"})
	if res.StatusCode != http.StatusPartialContent || res.Header.Get("Content-Encoding") != "" || !bytes.Equal(body, css[:100]) ||
		res.Header.Get("Vary") != "Accept-Encoding" {
		t.Errorf("range of app.css: %d, Content-Encoding %q, Vary %q, %q", res.StatusCode, res.Header.Get("Content-Encoding"), res.Header.Get("Vary"), body)
	}
	res, _ = mustFetch(t, http.MethodGet, ts.URL+"/", map[string]string{"Accept-Encoding": "br, gzip", "Range": "bytes=0-99"})
	if res.StatusCode != 200 || res.Header.Get("Content-Encoding") != "" {
		t.Errorf("range of the page: %d, Content-Encoding %q", res.StatusCode, res.Header.Get("Content-Encoding"))
	}
	res, _ = mustFetch(t, http.MethodGet, ts.URL+"/web/missing.css", map[string]string{"Accept-Encoding": "br, gzip"})
	if res.StatusCode != http.StatusNotFound || res.Header.Get("Content-Encoding") != "" {
		t.Errorf("missing file: %d, Content-Encoding %q", res.StatusCode, res.Header.Get("Content-Encoding"))
	}
}

// TestCompressedLog: the log line of a compressed response records its
// status and the compressed bytes sent.
func TestCompressedLog(t *testing.T) {
	registerOnce.Do(ui.Register)
	var logged bytes.Buffer
	s, err := New(testWeb(t), log.New(&logged, "", 0))
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s)
	var sizes []int
	for range 2 {
		_, body := mustFetch(t, http.MethodGet, ts.URL+"/?fn=beale", map[string]string{"Accept-Encoding": "br"})
		sizes = append(sizes, len(body))
	}
	mustFetch(t, http.MethodHead, ts.URL+"/?fn=beale", map[string]string{"Accept-Encoding": "br"})
	ts.Close() // waits for the handlers, which log
	want := []string{
		fmt.Sprintf("GET /?fn=beale 200 %dB", sizes[0]),
		fmt.Sprintf("GET /?fn=beale 200 %dB", sizes[1]),
		"HEAD /?fn=beale 200 0B",
	}
	// A handler logs when it returns, which may be after its client has
	// the response: the lines come in any order.
	lines := strings.Split(strings.TrimSpace(logged.String()), "\n")
	slices.Sort(lines)
	if len(lines) != len(want) {
		t.Fatalf("log:\n%s", logged.String())
	}
	for i, line := range lines {
		if !strings.HasPrefix(line, want[i]+" ") {
			t.Errorf("log line %q, want %q", line, want[i])
		}
	}
}

// TestCacheEvicts: the cache keeps its byte budget, counting compressed
// copies, by evicting the least recently used response.
func TestCacheEvicts(t *testing.T) {
	c := newResponseCache(1000)
	key := func(uri string) cacheKey { return cacheKey{version: "v", host: "h", uri: uri} }
	random := rand.NewChaCha8([32]byte{})
	keep := func(uri string, size int) {
		body := make([]byte, size) // random, so that it does not compress
		random.Read(body)
		c.add(key(uri), &resource{body: body, coded: map[string][]byte{}})
	}
	kept := func() []string {
		var uris []string
		for _, uri := range []string{"/a", "/b", "/c", "/d"} {
			if _, ok := c.index[key(uri)]; ok {
				uris = append(uris, uri)
			}
		}
		return uris
	}
	const each = 300 + len("v") + len("h") + len("/a") // body and key
	keep("/a", 300)
	keep("/b", 300)
	keep("/c", 300)
	if got := strings.Join(kept(), " "); got != "/a /b /c" || c.size != 3*each {
		t.Fatalf("kept %s, %d bytes", got, c.size)
	}
	c.get(key("/a"))
	keep("/d", 300) // evicts /b, the least recently used
	if got := strings.Join(kept(), " "); got != "/a /c /d" || c.size != 3*each {
		t.Errorf("kept %s, %d bytes; want /a /c /d", got, c.size)
	}
	// Compressing /d counts its copy, which evicts /c.
	res, _ := c.get(key("/d"))
	b := c.body(res, "gzip")
	if got := strings.Join(kept(), " "); got != "/a /d" || c.size != 2*each+len(b) {
		t.Errorf("kept %s, %d bytes; want /a /d", got, c.size)
	}
	// A response larger than the budget evicts everything, itself too.
	keep("/big", 2000)
	if got := kept(); len(got) != 0 || c.size != 0 || c.order.Len() != 0 {
		t.Errorf("kept %s, %d bytes", got, c.size)
	}
}
