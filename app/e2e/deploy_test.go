//go:build !js

package e2e

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"log"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/serviceworker"
	"github.com/chromedp/chromedp"
	"github.com/optimplay/optimplay/app/server"
)

// staticHost serves a static website of the app under /course/optim with
// a plain file server, as a teacher's host would, and deploys new
// versions of it at the same address.
type staticHost struct {
	t      *testing.T
	root   string // served at /
	site   string // root/course/optim
	addr   string
	srv    *http.Server
	header http.Header // sent with every file

	mu          sync.Mutex
	hold        chan struct{} // while open, requests for the service worker wait
	requests    []string      // what was asked for, to tell when a test fails
	start       time.Time
	deployments int
}

// newStaticHost starts a host on a free port.
func newStaticHost(t *testing.T) *staticHost {
	if skipReason != "" {
		t.Skip(skipReason)
	}
	root := t.TempDir()
	h := &staticHost{t: t, root: root, site: filepath.Join(root, "course", "optim"), header: http.Header{}, start: time.Now()}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	h.addr = ln.Addr().String()
	h.serve(ln)
	t.Cleanup(h.stop)
	return h
}

// url is the address of the app with query.
func (h *staticHost) url(query string) string {
	return "http://" + h.addr + "/course/optim/?" + query
}

// deploy writes version of the site over the served one. Its files are
// dated a minute after the previous deployment's: a file server's
// Last-Modified counts whole seconds, and browsers revalidate the worker
// with it, so two deployments within a second would look the same.
func (h *staticHost) deploy(version string) {
	h.mu.Lock()
	h.requests = append(h.requests, fmt.Sprintf("%.2fs deploy %s", time.Since(h.start).Seconds(), version))
	h.deployments++
	modified := h.start.Add(time.Duration(h.deployments) * time.Minute)
	h.mu.Unlock()
	if err := server.WriteStatic(h.site, webDir, "/course/optim", version); err != nil {
		h.t.Fatal(err)
	}
	err := filepath.WalkDir(h.site, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		return os.Chtimes(path, modified, modified)
	})
	if err != nil {
		h.t.Fatal(err)
	}
}

// serve serves the site on ln.
func (h *staticHost) serve(ln net.Listener) {
	files := http.FileServer(http.Dir(h.root))
	h.srv = &http.Server{ErrorLog: log.New(io.Discard, "", 0), Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.mu.Lock()
		h.requests = append(h.requests, fmt.Sprintf("%.2fs %s %s", time.Since(h.start).Seconds(), r.URL.Path, r.Header.Get("Cache-Control")))
		h.mu.Unlock()
		if strings.HasSuffix(r.URL.Path, "/app-worker.js") {
			h.mu.Lock()
			hold := h.hold
			h.mu.Unlock()
			if hold != nil {
				<-hold
			}
		}
		for k, v := range h.header {
			w.Header()[k] = v
		}
		files.ServeHTTP(w, r)
	})}
	go h.srv.Serve(ln)
}

// stop stops serving.
func (h *staticHost) stop() {
	h.release()
	h.srv.Close()
}

// restart serves again at the same address.
func (h *staticHost) restart() {
	ln, err := net.Listen("tcp", h.addr)
	if err != nil {
		h.t.Fatal(err)
	}
	h.serve(ln)
}

// holdWorker makes requests for the service worker wait until release:
// browsers look for a new version by fetching it.
func (h *staticHost) holdWorker() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.hold = make(chan struct{})
}

// release lets requests for the service worker through.
func (h *staticHost) release() {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.hold != nil {
		close(h.hold)
		h.hold = nil
	}
}

// visit is a browser of its own (a new browser context: its own caches
// and service workers) visiting a host; it records what its service
// workers do, to tell when a test fails.
type visit struct {
	t    *testing.T
	ctx  context.Context
	host *staticHost

	mu     sync.Mutex
	events []string
}

// visitor starts a visit of the host.
func (h *staticHost) visitor(t *testing.T) *visit {
	ctx, cancel := chromedp.NewContext(chrome, chromedp.WithNewBrowserContext())
	t.Cleanup(cancel)
	ctx, cancel = context.WithTimeout(ctx, 2*time.Minute)
	t.Cleanup(cancel)
	v := &visit{t: t, ctx: ctx, host: h}
	if err := chromedp.Listen(ctx, v.record); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, serviceworker.Enable, cdp.Empty{}); err != nil {
		t.Fatal(err)
	}
	return v
}

// record keeps the service workers' changes of state and errors.
func (v *visit) record(ev any) {
	at := fmt.Sprintf("%.2fs ", time.Since(v.host.start).Seconds())
	v.mu.Lock()
	defer v.mu.Unlock()
	switch e := ev.(type) {
	case *serviceworker.EventWorkerVersionUpdated:
		for _, w := range e.Versions {
			v.events = append(v.events, at+fmt.Sprintf("worker %s %s %s", w.VersionID, w.Status, w.RunningStatus))
		}
	case *serviceworker.EventWorkerErrorReported:
		v.events = append(v.events, at+fmt.Sprintf("worker error %s: %s", e.ErrorMessage.VersionID, e.ErrorMessage.ErrorMessage))
	}
}

// open navigates to the app with query.
func (v *visit) open(query string) {
	v.t.Helper()
	do(v.t, v.ctx, chromedp.Navigate(v.host.url(query)))
}

// waitVersion waits until the page runs the build version.
func (v *visit) waitVersion(version string) {
	v.t.Helper()
	expr := `document.querySelector('footer.version') !== null && document.querySelector('footer.version').textContent.includes('` + version + `')`
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		if ok, err := chromedp.Run(v.ctx, chromedp.Evaluate[bool](expr)); err == nil && ok {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	state, err := chromedp.Run(v.ctx, chromedp.Evaluate[string](`(async () => {
		const reg = await navigator.serviceWorker.getRegistration();
		const w = (x) => x ? x.state : null;
		return JSON.stringify({
			footer: (document.querySelector('footer.version') || {}).textContent,
			controller: !!navigator.serviceWorker.controller,
			active: reg && w(reg.active), waiting: reg && w(reg.waiting), installing: reg && w(reg.installing),
			caches: await caches.keys(), reloaded: sessionStorage.getItem('optimplay.reloaded-for'),
			update: !!document.getElementById('update'),
		});
	})()`, chromedp.EvalAwaitPromise))
	v.mu.Lock()
	events := strings.Join(v.events, "\n\t")
	v.mu.Unlock()
	v.host.mu.Lock()
	requests := strings.Join(v.host.requests, "\n\t")
	v.host.mu.Unlock()
	v.t.Fatalf("the page does not run %s: %s %v\nworkers:\n\t%s\nrequests:\n\t%s", version, state, err, events, requests)
}

// waitCached waits until the service worker has cached the app.
func (v *visit) waitCached() {
	v.t.Helper()
	if _, err := chromedp.Run(v.ctx, chromedp.Evaluate[bool](`navigator.serviceWorker.ready.then(r => !!r.active)`, chromedp.EvalAwaitPromise)); err != nil {
		v.t.Fatal(err)
	}
	waitJS(v.t, v.ctx, `(window.__cached = window.__cached || caches.keys().then(ks => Promise.all(ks.map(k => caches.open(k).then(c => c.keys())))).then(ls => ls.flat().some(r => r.url.endsWith('/web/app.wasm')))), window.__cached === true || (window.__cached.then(v => window.__cached = v), false)`)
}

// TestStaticSiteOffline exports the static website for a sub-path, serves
// it with a plain file server, loads it, stops the server and loads it
// again from the service worker; then deploys a new version and checks
// that the next visit runs it.
func TestStaticSiteOffline(t *testing.T) {
	host := newStaticHost(t)
	host.deploy("first")
	v := host.visitor(t)
	ctx := v.ctx
	const scene = "fn=beale&opt=adam&lr=0.05&steps=50"
	v.open(scene)
	waitJS(t, ctx, `document.querySelector('#surface-head path') !== null`)
	v.waitVersion("first")
	v.waitCached()
	// The published figure of the surface is the page's background.
	if src := eval[string](t, ctx, `document.querySelector('#surface img.background').getAttribute('src')`); src != "/course/optim/web/figures/surface-beale.svg" {
		t.Errorf("surface background %.80q", src)
	}

	// Offline: no server, no HTTP cache.
	host.stop()
	if _, err := chromedp.Call(ctx, network.ClearBrowserCache, cdp.Empty{}); err != nil {
		t.Fatal(err)
	}
	v.open(scene + "&step=5")
	waitJS(t, ctx, `document.getElementById('ro-0-step') !== null && document.getElementById('ro-0-step').textContent === '5'`)
	do(t, ctx, chromedp.Click(chromedp.ID("step")))
	waitJS(t, ctx, `document.getElementById('ro-0-step').textContent === '6'`)
	notices, err := chromedp.Run(ctx, chromedp.Evaluate[string](`fetch(document.querySelector('footer.version a').href).then(r => r.text())`, chromedp.EvalAwaitPromise))
	if err != nil || !strings.Contains(notices, "SIL OPEN FONT LICENSE") {
		t.Errorf("the third-party notices are not there offline: %.80q", notices)
	}
	// Another surface's published figure is there too.
	loaded, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`new Promise(ok => { const i = new Image(); i.onload = () => ok(i.naturalWidth > 0); i.onerror = () => ok(false); i.src = '/course/optim/web/figures/surface-rastrigin.svg' })`, chromedp.EvalAwaitPromise))
	if err != nil || !loaded {
		t.Errorf("a published figure does not load offline: %v", err)
	}

	// A new deployment at the same address replaces the cached one.
	host.deploy("second")
	host.restart()
	v.open(scene)
	v.waitVersion("second")
}

// TestDeploymentUpdate checks that a new deployment reaches a returning
// visitor whatever the order of events: the new service worker may take
// over before the page's program has started or after; the host may tell
// browsers to keep its files for an hour; a visitor who has started to
// work is told that a new version is ready, and keeps the scene on
// reloading.
func TestDeploymentUpdate(t *testing.T) {
	const scene = "fn=booth&opt=gd&lr=0.05&steps=40"
	t.Run("takeover before the program starts", func(t *testing.T) {
		host, v := returningVisitor(t, nil)
		// The page's program starts only once the new worker has taken
		// over (once, not after the reload): once the worker that
		// controls the page holds another build than the page's.
		if _, err := chromedp.Call(v.ctx, cdppage.AddScriptToEvaluateOnNewDocument, cdppage.AddScriptToEvaluateOnNewDocumentParams{Source: `
			if (!sessionStorage.getItem('test-delayed')) {
				sessionStorage.setItem('test-delayed', '1');
				const instantiate = WebAssembly.instantiateStreaming;
				const workers = navigator.serviceWorker;
				let held = null, start = null;
				const check = () => { if (start && held && held !== goappGetenv('GOAPP_VERSION')) start(); };
				const ask = () => workers.controller && workers.controller.postMessage('version?');
				workers.addEventListener('message', (e) => {
					if (e.data && e.data.appVersion) {
						held = e.data.appVersion;
						check();
					}
				});
				workers.addEventListener('controllerchange', ask);
				workers.startMessages();
				WebAssembly.instantiateStreaming = (r, i) => new Promise((ok) => {
					start = ok;
					ask();
				}).then(() => instantiate(r, i));
			}`}); err != nil {
			t.Fatal(err)
		}
		host.deploy("second")
		v.open(scene)
		v.waitVersion("second")
	})
	t.Run("takeover after the program started", func(t *testing.T) {
		host, v := returningVisitor(t, nil)
		host.deploy("second")
		host.holdWorker()
		v.open(scene)
		v.waitVersion("first")
		host.release()
		v.waitVersion("second")
	})
	t.Run("files cached for an hour", func(t *testing.T) {
		host, v := returningVisitor(t, http.Header{"Cache-Control": {"max-age=3600"}})
		host.deploy("second")
		v.open(scene)
		v.waitVersion("second")
	})
	t.Run("visitor at work", func(t *testing.T) {
		host, v := returningVisitor(t, nil)
		ctx := v.ctx
		host.deploy("second")
		host.holdWorker()
		v.open(scene)
		v.waitVersion("first")
		do(t, ctx, chromedp.Click(chromedp.ID("step")))
		waitJS(t, ctx, `document.getElementById('ro-0-step').textContent === '1'`)
		host.release()
		waitJS(t, ctx, `document.getElementById('reload-update') !== null`)
		if got := eval[string](t, ctx, `document.querySelector('footer.version').textContent`); !strings.Contains(got, "first") {
			t.Fatalf("the page reloaded while the visitor was at work: %q", got)
		}
		do(t, ctx, chromedp.Click(chromedp.ID("reload-update")))
		v.waitVersion("second")
		waitJS(t, ctx, `document.getElementById('ro-0-step').textContent === '1'`)
	})
}

// returningVisitor deploys the first version on a new host that sends
// header with its files, and visits it once, until the service worker
// has the app: the visitor's next visit is a returning one.
func returningVisitor(t *testing.T, header http.Header) (*staticHost, *visit) {
	host := newStaticHost(t)
	for k, vs := range header {
		host.header[k] = vs
	}
	host.deploy("first")
	v := host.visitor(t)
	v.open("fn=booth&opt=gd&lr=0.05&steps=40")
	v.waitVersion("first")
	v.waitCached()
	return host, v
}
