# The optimizer playground. `make serve` builds and serves the app on
# http://127.0.0.1:8000, `make test` runs every test.
GO ?= go
ADDR ?= 127.0.0.1:8000
# The WebAssembly build: no symbol tables, and gonum/plot's "minimal" tag,
# which leaves out the vg backends the app does not use (PDF, EPS, TeX).
WASM_FLAGS = -trimpath -ldflags="-s -w" -tags minimal

# The URL path the static website is hosted under, such as /courses/optim
# (make static STATIC_BASE=/courses/optim); empty for the root of a host.
STATIC_BASE ?=

.PHONY: all wasm serve static test fmt-check vet vet-wasm unit axe bench bench-browser screenshot clean

all: wasm

wasm:
	GOOS=js GOARCH=wasm $(GO) build $(WASM_FLAGS) -o web/app.wasm ./cmd/wasm

serve: wasm
	$(GO) run ./cmd/serve -addr $(ADDR)

# The static website, for any static host (and offline after one visit).
static: wasm
	find static -mindepth 1 ! -name README.md -delete 2>/dev/null || true
	$(GO) run ./cmd/serve -static static -base "$(STATIC_BASE)"

test: fmt-check vet vet-wasm unit

fmt-check:
	@out=$$(gofmt -l .); \
	if [ -n "$$out" ]; then echo "not gofmt-ed:"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet ./...

vet-wasm:
	GOOS=js GOARCH=wasm $(GO) vet ./...

# axe-core, which the browser tests inject to check the page's
# accessibility, from the npm registry at the version its lock file pins.
AXE = app/e2e/testdata/axe
axe:
	@if [ ! -f $(AXE)/node_modules/axe-core/axe.min.js ]; then \
	  if command -v npm >/dev/null 2>&1; then npm ci --prefix $(AXE) --no-audit --no-fund; \
	  else echo "*** npm not found: the accessibility checks will be SKIPPED ***"; fi; \
	fi

# The browser tests (app/e2e) need Debian's chromium; without it they skip,
# unless CI=true or REQUIRE_BROWSER=1.
unit: axe
	@command -v chromium >/dev/null 2>&1 || \
	  echo "*** chromium not found: the browser tests will be SKIPPED (apt-get install chromium) ***"
	$(GO) test -race ./...

# Go benchmarks of the optimizer core and of drawing frames (native).
bench:
	$(GO) test -run '^$$' -bench . ./optimizers ./app/session

# The page's benchmarks in headless Chromium: its internal timers (ms per
# animated step and per slider recompute with 1 and 4 optimizers, time to
# the first path) and the hand-to-screen figures (input event to the next
# frame, navigation to the first answered click and to the end of the last
# long task, frame cadence with 8 optimizers), median and p95 over three
# pages each. Run it on an otherwise idle machine.
bench-browser:
	$(GO) test -run '^$$' -bench 'Page|Hand' -benchtime 1x -timeout 30m ./app/e2e

# The README's screenshot, taken from the real page in headless Chromium.
screenshot:
	$(GO) test -count 1 -run TestScreenshot ./app/e2e -args -screenshot $(CURDIR)/docs/screenshot.png

clean:
	rm -f web/app.wasm web/app.wasm.*
	find static -mindepth 1 ! -name README.md -delete 2>/dev/null || true
