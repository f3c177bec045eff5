# The optimizer playground. `make serve` builds and serves the app,
# `make test` runs every test.
GO ?= go

.PHONY: test fmt-check vet vet-wasm unit

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
