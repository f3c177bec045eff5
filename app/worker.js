// The playground's service worker, a template of go-app's handler
// (handler.go): {{.Version}} names the build, {{.ResourcesToCache}} lists
// the page, go-app's scripts, app.wasm, styles, icons, notices and figures.
const cacheName = "app-" + "{{.Version}}";
const resourcesToCache = {{.ResourcesToCache}};

// Install: fetch every resource from the network, past the HTTP cache
// (a static host's caching headers, or their absence, which browsers
// read as "fresh for a while", would otherwise file the previous
// deployment's files under this version), then take over at once.
self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(cacheName)
      .then((cache) => cache.addAll(resourcesToCache.map((url) => new Request(url, { cache: "reload" }))))
      .then(() => self.skipWaiting())
  );
});

// Activate: drop the caches of earlier versions.
self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys().then((keys) => Promise.all(keys.filter((key) => key !== cacheName).map((key) => caches.delete(key))))
  );
});

// Fetch: this version's cache first. A navigation is answered whatever
// its query: every permalink is the one cached page with another query,
// which the app reads, so links open offline too.
self.addEventListener("fetch", (event) => {
  const navigation = event.request.mode === "navigate";
  event.respondWith(
    caches
      .open(cacheName)
      .then((cache) => cache.match(event.request, { ignoreSearch: navigation }))
      .then((response) => response || fetch(event.request))
  );
});

// A page asks which version controls it: a page of another version is
// out of date, and reloads or offers to (app/update.go).
self.addEventListener("message", (event) => {
  if (event.data === "version?" && event.source) {
    event.source.postMessage({ appVersion: "{{.Version}}" });
  }
});
