#!/usr/bin/env bash
# Measures what counterexample confirmation costs vsynth prove: the
# examples and testdata/prove, proved without the proof cache, with
# --confirm=true and --confirm=false alternately, three times each. Prints
# one line per run: the load before it, the wall time, and the stats line
# (whose "confirm" field is the time spent building and running replays).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(mktemp -d)/vsynth
go build -o "$bin" ./cmd/vsynth
TIMEFORMAT=%R
run() { # name dir pattern confirm
	local load wall
	load=$(cut -d' ' -f1 /proc/loadavg)
	wall=$( { time (cd "$2" && "$bin" prove --no-cache --stats --confirm="$4" "$3" > "$bin.out" 2>&1 || true) ; } 2>&1 )
	echo "$1 confirm=$4 load=$load wall=${wall}s $(grep '^vsynth:' "$bin.out" | sed 's/ (.*//') | $(grep '^stats:' "$bin.out")"
}
for i in 1 2 3; do
	for c in true false; do
		run examples . ./examples/... "$c"
		run testdata testdata/prove ./... "$c"
	done
done
