//go:build !wasm

package server

import (
	"bytes"
	"compress/gzip"
	"container/list"
	"io"
	"mime"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/andybalholm/brotli"
)

const (
	// cacheBudget bounds the bytes of the responses kept, with their
	// compressed copies: some fifty pages, or more of the resources.
	cacheBudget = 32 << 20
	// minCompressed is the smallest body compressed: the icon (556 bytes)
	// and the manifest (642 bytes) halve, a smaller body gains little.
	minCompressed = 512
	// smallBody is the largest body compressed with brotli at its best
	// quality (the scripts, styles and notices: 35 ms at most, once per
	// build); larger ones, the pages of 300 KB, get pageBrotliLevel,
	// which compresses them in 17 ms instead of half a second.
	smallBody       = 64 << 10
	pageBrotliLevel = 5
)

// compressibleTypes are the media types worth compressing: the page,
// scripts, styles, manifest, SVG and text.
var compressibleTypes = map[string]bool{
	"text/html":                 true,
	"text/css":                  true,
	"text/javascript":           true,
	"application/javascript":    true,
	"application/manifest+json": true,
	"application/json":          true,
	"image/svg+xml":             true,
	"text/plain":                true,
}

// compressible reports whether a response of the Content-Type ct is worth
// compressing.
func compressible(ct string) bool {
	t, _, err := mime.ParseMediaType(ct)
	return err == nil && compressibleTypes[t]
}

// encodingFor returns the content coding to send a compressible response
// in: brotli if the client accepts it, else gzip, else "" (none).
func encodingFor(r *http.Request) string {
	for _, enc := range []string{"br", "gzip"} {
		if accepts(r, enc) {
			return enc
		}
	}
	return ""
}

// etag is the entity tag of the build's responses in the content coding
// enc: go-app's, which is the build's version, for none, and the version
// with the coding appended for a compressed one.
func (s *Server) etag(enc string) string {
	if enc == "" {
		return `"` + s.goapp.Version + `"`
	}
	return `"` + s.goapp.Version + "-" + enc + `"`
}

// matchingETag returns the entity tag of the request's If-None-Match that
// the response in the content coding enc still has: go-app's, which go-app
// answers with 304 whatever the path, or the compressed copy's.
func (s *Server) matchingETag(r *http.Request, enc string) (string, bool) {
	inm := r.Header.Get("If-None-Match")
	if inm == "" {
		return "", false
	}
	for _, tag := range strings.Split(inm, ",") {
		tag = strings.TrimPrefix(strings.TrimSpace(tag), "W/")
		if tag == s.etag("") || enc != "" && tag == s.etag(enc) {
			return tag, true
		}
	}
	return "", false
}

// serveGoApp serves go-app's response to r, compressed when the client
// accepts it and the response is worth it. A response of a compressible
// type and size is kept, with its compressed copies, so that the next
// request for it renders and compresses nothing; Range requests go to
// go-app as they are.
func (s *Server) serveGoApp(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("Range") != "" {
		s.goapp.ServeHTTP(&captureWriter{w: w, header: http.Header{}}, r)
		return
	}
	enc := encodingFor(r)
	if tag, ok := s.matchingETag(r, enc); ok {
		h := w.Header()
		h.Set("Cache-Control", "no-cache")
		h.Set("ETag", tag)
		h.Add("Vary", "Accept-Encoding")
		w.WriteHeader(http.StatusNotModified)
		return
	}
	key := cacheKey{version: s.goapp.Version, host: r.Host, uri: r.URL.RequestURI()}
	res, ok := s.cache.get(key)
	if !ok {
		if res = s.capture(w, r); res == nil {
			return
		}
		res = s.cache.add(key, res)
	}
	body := s.cache.body(res, enc)
	h := w.Header()
	for k, v := range res.header {
		h[k] = slices.Clone(v)
	}
	if enc != "" {
		h.Set("Content-Encoding", enc)
		h.Del("Accept-Ranges") // ranges are served from the uncompressed body
	}
	h.Set("ETag", s.etag(enc))
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}

// capture asks go-app for the response to r, as a GET so that a HEAD
// request gets the body to compress too. It returns the response if it is
// one to keep; any other it has sent to w.
func (s *Server) capture(w http.ResponseWriter, r *http.Request) *resource {
	cw := &captureWriter{w: w, header: http.Header{}, maxBody: s.cache.maxBody, head: r.Method == http.MethodHead}
	get := r.Clone(r.Context())
	get.Method = http.MethodGet
	s.goapp.ServeHTTP(cw, get)
	if !cw.keep {
		return nil
	}
	s.cache.renders.Add(1)
	cw.header.Del("Content-Length")
	body := allowZoom(cw.header.Get("Content-Type"), cw.body.Bytes())
	return &resource{header: cw.header, body: body, coded: map[string][]byte{}}
}

// captureWriter takes go-app's response. A 200 of a compressible type and
// a size from minCompressed to maxBody, with its Content-Length, it keeps;
// any other it passes on to w as it comes, without the body if head is
// set. It adds Vary: Accept-Encoding to a response that could be
// compressed, and to a 304, whose type it cannot see.
type captureWriter struct {
	w       http.ResponseWriter
	header  http.Header
	maxBody int  // the largest body kept; 0 keeps none
	head    bool // the request was a HEAD request made a GET

	status int // 0 until the header is written
	keep   bool
	body   bytes.Buffer
}

// Header returns the header go-app sets, passed on or kept at WriteHeader.
func (cw *captureWriter) Header() http.Header { return cw.header }

// WriteHeader decides whether to keep the response or to pass it on.
func (cw *captureWriter) WriteHeader(status int) {
	if cw.status != 0 {
		return
	}
	cw.status = status
	h := cw.header
	compress := compressible(h.Get("Content-Type"))
	if compress || status == http.StatusNotModified {
		h.Add("Vary", "Accept-Encoding")
	}
	n, err := strconv.Atoi(h.Get("Content-Length"))
	cw.keep = status == http.StatusOK && compress && h.Get("Content-Encoding") == "" &&
		err == nil && n >= minCompressed && n <= cw.maxBody
	if cw.keep {
		return
	}
	for k, v := range h {
		cw.w.Header()[k] = v
	}
	cw.w.WriteHeader(status)
}

// Write keeps b, drops it (a HEAD request) or passes it on.
func (cw *captureWriter) Write(b []byte) (int, error) {
	if cw.status == 0 {
		cw.WriteHeader(http.StatusOK)
	}
	switch {
	case cw.keep:
		return cw.body.Write(b)
	case cw.head:
		return len(b), nil
	}
	return cw.w.Write(b)
}

// cacheKey names a kept response: go-app's response depends on the build,
// the request URI, path and query (the page shows the scene of its
// query), and the Host header (the page's og:url names it).
type cacheKey struct {
	version, host, uri string
}

// resource is a response kept: go-app's headers without Content-Length,
// its body, and the body in each content coding asked for so far. The
// compressed copies are made from the body kept, so that all decode to the
// same bytes (go-app's pages are not byte for byte the same from one
// rendering to the next: attributes come in map order).
type resource struct {
	header http.Header
	body   []byte

	mu    sync.Mutex        // held while compressing
	coded map[string][]byte // content coding → body compressed with it

	// Guarded by the cache's mu.
	key  cacheKey
	size int  // bytes counted against the budget
	kept bool // in the cache, not evicted
}

// responseCache keeps go-app's compressible responses and their
// compressed copies, evicting the least recently used when they exceed
// its byte budget. It is safe for concurrent use.
type responseCache struct {
	budget       int          // bytes of bodies, copies and keys kept at most
	maxBody      int          // the largest body kept, uncompressed
	renders      atomic.Int64 // responses taken from go-app to keep, so far
	compressions atomic.Int64 // bodies compressed so far

	mu    sync.Mutex
	size  int
	order *list.List // of *resource, most recently used first
	index map[cacheKey]*list.Element
}

// newResponseCache returns a cache of budget bytes, which keeps bodies
// of up to an eighth of that.
func newResponseCache(budget int) *responseCache {
	return &responseCache{budget: budget, maxBody: budget / 8, order: list.New(), index: map[cacheKey]*list.Element{}}
}

// get returns the response kept under key, if any, as the most recently
// used.
func (c *responseCache) get(key cacheKey) (*resource, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.index[key]
	if !ok {
		return nil, false
	}
	c.order.MoveToFront(e)
	return e.Value.(*resource), true
}

// add keeps res under key and returns it, unless another response came
// first for key: then it returns that one, so that concurrent first
// requests all serve one rendering and compress it once.
func (c *responseCache) add(key cacheKey, res *resource) *resource {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.index[key]; ok {
		c.order.MoveToFront(e)
		return e.Value.(*resource)
	}
	res.key, res.kept = key, true
	res.size = len(key.version) + len(key.host) + len(key.uri) + len(res.body)
	c.index[key] = c.order.PushFront(res)
	c.size += res.size
	c.evict()
	return res
}

// body returns the body of res in the content coding enc ("" for none),
// compressing it on the first request for enc.
func (c *responseCache) body(res *resource, enc string) []byte {
	if enc == "" {
		return res.body
	}
	res.mu.Lock()
	defer res.mu.Unlock()
	if b, ok := res.coded[enc]; ok {
		return b
	}
	b := compress(res.body, enc)
	c.compressions.Add(1)
	res.coded[enc] = b
	c.mu.Lock()
	if res.kept {
		res.size += len(b)
		c.size += len(b)
		c.evict()
	}
	c.mu.Unlock()
	return b
}

// evict drops the least recently used responses until the cache is
// within its budget. The caller holds c.mu.
func (c *responseCache) evict() {
	for c.size > c.budget {
		res := c.order.Remove(c.order.Back()).(*resource)
		delete(c.index, res.key)
		c.size -= res.size
		res.kept = false
	}
}

// compress returns body compressed with enc, "br" or "gzip": brotli at
// its best quality for a small body, at pageBrotliLevel for a larger one.
func compress(body []byte, enc string) []byte {
	var buf bytes.Buffer
	var w io.WriteCloser
	if enc == "br" {
		level := brotli.BestCompression
		if len(body) > smallBody {
			level = pageBrotliLevel
		}
		w = brotli.NewWriterLevel(&buf, level)
	} else {
		w = gzip.NewWriter(&buf)
	}
	// Writing to a bytes.Buffer does not fail.
	w.Write(body)
	w.Close()
	return buf.Bytes()
}
