//go:build !wasm

// Command serve serves the playground: the prerendered page, go-app's
// resources and web/app.wasm (build it first: make wasm, or make serve).
//
//	go run ./cmd/serve -addr 127.0.0.1:8000
package main

import (
	"flag"
	"log"
	"net/http"

	ui "github.com/optimplay/optimplay/app"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8000", "address to listen on")
	flag.Parse()
	ui.Register()
	http.Handle("/", ui.Handler())
	log.Printf("serving the playground on http://%s", *addr)
	log.Fatal(http.ListenAndServe(*addr, nil))
}
