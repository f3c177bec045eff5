#!/bin/sh
# Regenerates this directory from an upstream release of
# codeberg.org/go-fonts/liberation (see README.md).
#
#   usage: ./update.sh [VERSION]      (default: v0.5.0)
#
# It copies the licenses, go.mod/go.sum, the root package, the example test
# and the Liberation Serif Regular package verbatim, and writes every other
# face package as an alias of Liberation Serif Regular. Needs only the Go
# module proxy. Review `git diff` afterwards.
set -eu

VERSION=${1:-v0.5.0}
KEEP=liberationserifregular
DST=$(cd "$(dirname "$0")" && pwd)

# Run outside any module so that the local replace does not shadow upstream.
SRC=$(cd / && GOFLAGS=-mod=mod go mod download -json \
	"codeberg.org/go-fonts/liberation@$VERSION" |
	sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
[ -d "$SRC/$KEEP" ] || { echo "update.sh: no $KEEP in $SRC" >&2; exit 1; }

cd "$DST"
# Remove the previous face packages (all of them are regenerated below).
for d in liberation*/; do
	[ -d "$d" ] && rm -rf "$d"
done

for f in LICENSE LICENSE-SIL go.mod go.sum liberation.go example_liberation_test.go; do
	if [ -f "$SRC/$f" ]; then
		cp "$SRC/$f" "$f"
		chmod u+w "$f"
	fi
done

mkdir -p "$KEEP"
cp "$SRC/$KEEP"/* "$KEEP"/
chmod -R u+w "$KEEP"

for dir in "$SRC"/liberation*/; do
	pkg=$(basename "$dir")
	[ "$pkg" = "$KEEP" ] && continue
	ttf=$(cd "$dir" && ls ./*.ttf | sed 's#^\./##')
	name=$(sed -n 's/^\/\/ TTF is the data for the \(".*"\) TrueType font\.$/\1/p' "$dir/data.go")
	mkdir -p "$pkg"
	cat >"$pkg/data.go" <<EOF
// Local stand-in for codeberg.org/go-fonts/liberation $VERSION (see ../README.md).
// Upstream embeds $ttf here; this copy reuses Liberation Serif Regular
// to keep WebAssembly binaries small.

// Package $pkg provides the $name TrueType font
// from the Liberation font family.
//
// In this local stand-in it holds Liberation Serif Regular instead.
package $pkg // import "codeberg.org/go-fonts/liberation/$pkg"

import "codeberg.org/go-fonts/liberation/$KEEP"

// TTF is the data for the $name TrueType font.
//
// In this local stand-in it is the same slice as $KEEP.TTF
// (Liberation Serif Regular), not $ttf.
var TTF = $KEEP.TTF
EOF
done

gofmt -l . | sed 's/^/update.sh: not gofmt-clean: /'
go vet ./...
echo "update.sh: regenerated from $SRC"
