//go:build !wasm

// Command serve serves the playground, or writes it as a static website.
//
//	go run ./cmd/serve -addr 127.0.0.1:8000
//	go run ./cmd/serve -static static -base /courses/optim
//
// It serves the prerendered page, go-app's resources, the web directory
// (build web/app.wasm first: make wasm, or make serve) and the published
// figures, with correct content types, everything compressed with brotli
// or gzip when the client accepts it (app.wasm once, in the background,
// kept beside it; pages, scripts, styles and figures once each, kept in
// memory), caching headers, security headers that allow embedding in any
// page, refusal of path traversal, one log line per request, and a
// graceful shutdown on SIGINT and SIGTERM.
//
// With -static DIR it writes the static website instead: the prerendered
// page, go-app's service worker and resources, and the web directory with
// app.wasm, ready for any static host, under the URL path -base.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	ui "github.com/optimplay/optimplay/app"
	"github.com/optimplay/optimplay/app/server"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8000", "address to listen on")
	static := flag.String("static", "", "write the static website into this directory instead of serving")
	base := flag.String("base", "", "URL path the static website is served under, such as /courses/optim")
	web := flag.String("web", "web", "the web directory: app.wasm, styles and icons")
	flag.Parse()
	ui.Register()
	if *static != "" {
		if err := server.WriteStatic(*static, *web, *base, ""); err != nil {
			fmt.Fprintln(os.Stderr, "serve:", err)
			os.Exit(1)
		}
		return
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := serve(ctx, *addr, *web, log.Default()); err != nil {
		fmt.Fprintln(os.Stderr, "serve:", err)
		os.Exit(1)
	}
}

// serve serves the app on addr until ctx ends, then shuts down gracefully.
func serve(ctx context.Context, addr, web string, logger *log.Logger) error {
	h, err := server.New(web, logger)
	if err != nil {
		return err
	}
	go h.Precompress(ctx)
	srv := &http.Server{
		Addr:              addr,
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       2 * time.Minute,
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.ListenAndServe() }()
	logger.Printf("serving the playground on http://%s", addr)
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	logger.Print("shutting down")
	shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil {
		return err
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
