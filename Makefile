# The optimizer playground. `make serve` builds and serves the app on
# http://127.0.0.1:8000, `make test` runs every test.
GO ?= go
ADDR ?= 127.0.0.1:8000
# The WebAssembly build: no symbol tables, and gonum/plot's "minimal" tag,
# which leaves out the vg backends the app does not use (PDF, EPS, TeX).
WASM_FLAGS = -trimpath -ldflags="-s -w" -tags minimal

.PHONY: all wasm serve test fmt-check vet vet-wasm unit bench clean

all: wasm

wasm:
	GOOS=js GOARCH=wasm $(GO) build $(WASM_FLAGS) -o web/app.wasm ./cmd/wasm

serve: wasm
	$(GO) run ./cmd/serve -addr $(ADDR)

test: fmt-check vet vet-wasm unit

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "not gofmt-ed:"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet ./...

vet-wasm:
	GOOS=js GOARCH=wasm $(GO) vet ./...

unit:
	$(GO) test -race ./...

bench:
	$(GO) test -run '^$$' -bench . ./optimizers

clean:
	rm -f web/app.wasm
