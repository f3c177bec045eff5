//go:build !wasm

// Package server serves the playground over HTTP and writes it as a static
// website: go-app's handler behind request checks, security headers,
// compressed responses, caching headers and request logging.
package server

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"fmt"
	"io"
	"log"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/andybalholm/brotli"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
	ui "github.com/optimplay/optimplay/app"
	"github.com/optimplay/optimplay/app/session"
)

// contentSecurityPolicy allows what go-app needs and nothing more: its
// scripts and the WebAssembly module from this origin, style attributes
// (the page sets colours through them), images from this origin and the
// figures' data URLs, and embedding in any page.
const contentSecurityPolicy = "default-src 'self'; " +
	"script-src 'self' 'wasm-unsafe-eval'; " +
	"style-src 'self' 'unsafe-inline'; " +
	"img-src 'self' data:; " +
	"connect-src 'self'; " +
	"worker-src 'self'; " +
	"manifest-src 'self'; " +
	"object-src 'none'; " +
	"base-uri 'self'; " +
	"form-action 'self'; " +
	"frame-ancestors *"

// wasmLengthHeader carries the uncompressed size of app.wasm, which
// go-app's loader needs for its progress indicator when the response is
// compressed.
const wasmLengthHeader = "X-Uncompressed-Content-Length"

// Server is the playground's HTTP handler: go-app's handler, behind
// request checks, security headers, compressed responses and logging.
type Server struct {
	goapp  *app.Handler
	web    string
	logger *log.Logger
	cache  *responseCache // go-app's responses, compressed once

	mu        sync.RWMutex
	encodings map[string]string // content coding → file of app.wasm in it
	wasmSize  int64
}

// New builds the handler for the web directory web (app.wasm, styles,
// icons), logging to logger.
func New(web string, logger *log.Logger) (*Server, error) {
	wasm := filepath.Join(web, "app.wasm")
	info, err := os.Stat(wasm)
	if err != nil {
		return nil, fmt.Errorf("%v: build it first with make wasm", err)
	}
	version, err := fileVersion(wasm)
	if err != nil {
		return nil, err
	}
	h := ui.Handler()
	h.Version = version
	h.WasmContentLengthHeader = wasmLengthHeader
	root, err := filepath.Abs(filepath.Dir(filepath.Clean(web)))
	if err != nil {
		return nil, err
	}
	h.Resources = resourceDir(root)
	s := &Server{goapp: h, web: web, logger: logger, cache: newResponseCache(cacheBudget), encodings: map[string]string{}, wasmSize: info.Size()}
	for _, enc := range []string{"br", "gzip"} {
		if f := s.compressedName(enc); madeFrom(f, version) {
			s.encodings[enc] = f
		}
	}
	return s, nil
}

// fileVersion names a build of the app by its WebAssembly module, so that
// browsers and the service worker fetch a new build and keep an old one.
func fileVersion(file string) (string, error) {
	f, err := os.Open(file)
	if err != nil {
		return "", err
	}
	defer f.Close()
	sum := sha256.New()
	if _, err := io.Copy(sum, f); err != nil {
		return "", err
	}
	return fmt.Sprintf("%x", sum.Sum(nil))[:16], nil
}

// resourceDir serves web/ from the directory root, and the published
// figures (session.PublishedFigures), which are drawn, not read from disk.
type resourceDir string

func (d resourceDir) Package() string { return "" }
func (d resourceDir) Static() string  { return "" }
func (d resourceDir) AppWASM() string { return "/web/app.wasm" }
func (d resourceDir) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if name, ok := strings.CutPrefix(r.URL.Path, session.FigureDir); ok {
		serveFigure(w, r, name)
		return
	}
	if strings.HasSuffix(r.URL.Path, "/") {
		http.NotFound(w, r) // no listing of the web directory
		return
	}
	http.FileServer(http.Dir(string(d))).ServeHTTP(w, r)
}

// serveFigure serves the published figure name.
func serveFigure(w http.ResponseWriter, r *http.Request, name string) {
	svg, ok, err := session.PublishedFigure(name)
	switch {
	case !ok:
		http.NotFound(w, r)
	case err != nil:
		http.Error(w, err.Error(), http.StatusInternalServerError)
	default:
		w.Header().Set("Content-Type", "image/svg+xml")
		http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(svg))
	}
}

func (s *Server) compressedName(enc string) string {
	ext := map[string]string{"br": ".br", "gzip": ".gz"}[enc]
	return filepath.Join(s.web, "app.wasm"+ext)
}

// madeFrom reports whether the compressed file exists and was made from
// the build version, as its ".version" file says: a copied or stale file
// with a fresh modification time is not taken for it.
func madeFrom(file, version string) bool {
	v, err := os.ReadFile(file + ".version")
	if err != nil {
		return false
	}
	_, err = os.Stat(file)
	return err == nil && string(v) == version
}

// Precompress writes app.wasm compressed with gzip, then brotli at its
// best quality (tens of seconds), beside app.wasm with a ".version" file
// naming the build, unless they are there for this build; each is served
// as soon as it is written. Run it in the
// background; it returns when done or when ctx ends.
func (s *Server) Precompress(ctx context.Context) {
	wasm := filepath.Join(s.web, "app.wasm")
	for _, enc := range []string{"gzip", "br"} {
		if ctx.Err() != nil {
			return
		}
		s.mu.RLock()
		_, done := s.encodings[enc]
		s.mu.RUnlock()
		if done {
			continue
		}
		start := time.Now()
		if err := compressFile(ctx, wasm, s.compressedName(enc), enc); err != nil {
			s.logger.Printf("compressing app.wasm with %s: %v", enc, err)
			continue
		}
		if err := os.WriteFile(s.compressedName(enc)+".version", []byte(s.goapp.Version), 0o644); err != nil {
			s.logger.Printf("compressing app.wasm with %s: %v", enc, err)
			continue
		}
		s.mu.Lock()
		s.encodings[enc] = s.compressedName(enc)
		s.mu.Unlock()
		s.logger.Printf("compressed app.wasm with %s in %v", enc, time.Since(start).Round(time.Millisecond))
	}
}

// compressFile compresses src into dst with enc, atomically.
func compressFile(ctx context.Context, src, dst, enc string) error {
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	var w io.WriteCloser
	if enc == "br" {
		w = brotli.NewWriterLevel(&buf, brotli.BestCompression)
	} else {
		w, _ = gzip.NewWriterLevel(&buf, gzip.BestCompression)
	}
	// Write in chunks so that a shutdown does not wait for the end.
	for chunk := data; len(chunk) > 0; {
		if err := ctx.Err(); err != nil {
			return err
		}
		n := min(len(chunk), 1<<20)
		if _, err := w.Write(chunk[:n]); err != nil {
			return err
		}
		chunk = chunk[n:]
	}
	if err := w.Close(); err != nil {
		return err
	}
	tmp := dst + ".tmp"
	if err := os.WriteFile(tmp, buf.Bytes(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, dst)
}

// Version names the build being served.
func (s *Server) Version() string { return s.goapp.Version }

// ServeHTTP refuses bad paths, sets the security headers, serves app.wasm
// compressed when it can, serves go-app's responses for the rest,
// compressed when they are worth it, and logs the request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
	method, uri := r.Method, r.URL.RequestURI()
	defer func() {
		s.logger.Printf("%s %s %d %dB %v", method, uri, rec.status, rec.bytes, time.Since(start).Round(time.Microsecond))
	}()
	h := rec.Header()
	h.Set("Content-Security-Policy", contentSecurityPolicy)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "strict-origin-when-cross-origin")
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		h.Set("Allow", "GET, HEAD")
		http.Error(rec, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	if !cleanPath(r) {
		http.Error(rec, "bad path", http.StatusBadRequest)
		return
	}
	switch r.URL.Path {
	case "/web/app.wasm", "/app.wasm":
		s.serveWasm(rec, r)
		return
	case "/robots.txt", "/sitemap.xml", "/ads.txt":
		// go-app fetches these over HTTP from the Host the request names,
		// and keeps what it got for every later client: serve them from
		// the web directory instead.
		r = r.Clone(r.Context())
		r.URL.Path = "/web" + r.URL.Path
	}
	s.serveGoApp(rec, r)
}

// cleanPath reports whether the request's path is clean: no dot segments,
// backslashes or NUL bytes, before or after unescaping.
func cleanPath(r *http.Request) bool {
	for _, p := range []string{r.URL.Path, r.URL.RawPath, r.URL.EscapedPath()} {
		if p == "" {
			continue
		}
		if !strings.HasPrefix(p, "/") || strings.ContainsAny(p, "\\\x00") ||
			strings.Contains(strings.ToLower(p), "%2e%2e") || strings.Contains(strings.ToLower(p), "%5c") {
			return false
		}
		if c := path.Clean(p); c != p && c+"/" != p {
			return false
		}
	}
	return true
}

// serveWasm serves app.wasm in the best coding the client accepts.
func (s *Server) serveWasm(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Type", "application/wasm")
	h.Set("Cache-Control", "no-cache")
	h.Add("Vary", "Accept-Encoding")
	h.Set(wasmLengthHeader, strconv.FormatInt(s.wasmSize, 10))
	file, etag := filepath.Join(s.web, "app.wasm"), s.etag("")
	s.mu.RLock()
	for _, enc := range []string{"br", "gzip"} {
		if f, ok := s.encodings[enc]; ok && accepts(r, enc) {
			file, etag = f, s.etag(enc)
			h.Set("Content-Encoding", enc)
			break
		}
	}
	s.mu.RUnlock()
	h.Set("ETag", etag)
	f, err := os.Open(file)
	if err != nil {
		http.Error(w, "app.wasm is missing", http.StatusNotFound)
		return
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	http.ServeContent(w, r, "app.wasm", info.ModTime(), f)
}

// accepts reports whether the request accepts the content coding enc.
func accepts(r *http.Request, enc string) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if !strings.EqualFold(strings.TrimSpace(name), enc) {
			continue
		}
		// A weight of zero (q=0, q=0.0, q=0.000) refuses the coding.
		for _, param := range strings.Split(params, ";") {
			key, value, _ := strings.Cut(strings.TrimSpace(param), "=")
			if q, err := strconv.ParseFloat(strings.TrimSpace(value), 64); strings.EqualFold(strings.TrimSpace(key), "q") && err == nil {
				return q > 0
			}
		}
		return true
	}
	return false
}

// statusRecorder remembers the status and size of a response, for the log.
type statusRecorder struct {
	http.ResponseWriter
	status int
	bytes  int64
}

func (r *statusRecorder) WriteHeader(status int) {
	r.status = status
	r.ResponseWriter.WriteHeader(status)
}

func (r *statusRecorder) Write(b []byte) (int, error) {
	n, err := r.ResponseWriter.Write(b)
	r.bytes += int64(n)
	return n, err
}
