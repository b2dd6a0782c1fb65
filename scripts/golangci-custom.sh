#!/bin/sh
# golangci-custom.sh OUT: builds a golangci-lint binary with vsynth's
# linter (analysis/vsynthlint) into OUT, as `golangci-lint custom` does,
# but from the Go module proxy instead of a git clone of GitHub:
#
#   1. go mod download the golangci-lint module ($GOLANGCI_LINT_VERSION,
#      default v2.15.0) and copy its source to a temporary directory;
#   2. write cmd/golangci-lint/plugins.go with a blank import of
#      github.com/vsynth/vsynth/analysis/vsynthlint (custom's template);
#   3. go mod edit -replace github.com/vsynth/vsynth=<this checkout>,
#      go mod tidy, go build ./cmd/golangci-lint.
#
# The build links libz3 (cgo), as vsynth does. Heavy: nice it.
set -eu
out=${1:?usage: golangci-custom.sh OUT}
version=${GOLANGCI_LINT_VERSION:-v2.15.0}
case $out in /*) ;; *) out=$(pwd)/$out ;; esac
repo=$(cd "$(dirname "$0")/.." && pwd)

src=$(go mod download -json "github.com/golangci/golangci-lint/v2@$version" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
if [ -z "$src" ] || [ ! -f "$src/cmd/golangci-lint/plugins.go" ]; then
	echo "golangci-custom.sh: no golangci-lint $version source (go mod download)" >&2
	exit 1
fi
work=$(mktemp -d)
trap 'chmod -R u+w "$work"; rm -rf "$work"' EXIT
cp -R "$src/." "$work/"
chmod -R u+w "$work"
cd "$work"
cat > cmd/golangci-lint/plugins.go <<'GO'
package main

import (
	_ "github.com/vsynth/vsynth/analysis/vsynthlint"
)
GO
go mod edit -replace "github.com/vsynth/vsynth=$repo"
go mod tidy
go build -ldflags "-X 'main.version=$version-custom-vsynth' -X 'main.date=$(date -u +%Y-%m-%dT%H:%M:%SZ)'" -o "$out" ./cmd/golangci-lint
echo "golangci-custom.sh: built $out (golangci-lint $version with vsynth)" >&2
