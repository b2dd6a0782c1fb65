#!/bin/sh
# cibench.sh measures vsynth prove as a CI gate: cold vs warm proof cache
# on examples/ and on a generated 500-function package, --jobs 1 vs 2, and
# peak RSS on a generated 1000-function package. Run from the repository
# root:
#
#	sh testdata/perf/cibench.sh [RUNS]
#
# Every figure is the median of RUNS runs (default 3). Needs /usr/bin/time.
set -eu
runs=${1:-3}
root=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/vsynth" ./cmd/vsynth
vs="$work/vsynth"
for n in 500 1000; do
	mkdir -p "$work/gen$n/funcs"
	printf 'module example.com/perf\n\ngo 1.24\n' >"$work/gen$n/go.mod"
	(cd testdata/perf && go run ./gen -n $n) >"$work/gen$n/funcs/funcs.go"
done

# seconds DIR ARGS...: wall-clock seconds of one vsynth prove run in DIR.
seconds() {
	dir=$1
	shift
	(cd "$dir" && /usr/bin/time -f %e -o "$work/t" "$vs" prove "$@" >/dev/null 2>&1) || true
	tail -1 "$work/t"
}

# median: the median of the numbers on stdin.
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# coldwarm NAME DIR PATTERN: median cold and warm times with a fresh cache.
coldwarm() {
	: >"$work/cold"
	: >"$work/warm"
	for i in $(seq "$runs"); do
		rm -rf "$work/cache"
		seconds "$2" --cache "$work/cache" "$3" >>"$work/cold"
		seconds "$2" --cache "$work/cache" "$3" >>"$work/warm"
	done
	c=$(median <"$work/cold")
	w=$(median <"$work/warm")
	echo "$1: cold ${c}s, warm ${w}s, warm/cold $(echo "$w $c" | awk '{printf "%.1f%%", 100*$1/$2}')"
}

coldwarm "examples (16 functions)" "$root" ./examples/...
coldwarm "generated (500 functions)" "$work/gen500" ./funcs

: >"$work/j1"
: >"$work/j2"
for i in $(seq "$runs"); do
	seconds "$work/gen500" --no-cache --jobs 1 ./funcs >>"$work/j1"
	seconds "$work/gen500" --no-cache --jobs 2 ./funcs >>"$work/j2"
done
j1=$(median <"$work/j1")
j2=$(median <"$work/j2")
echo "generated (500 functions), no cache: --jobs 1 ${j1}s, --jobs 2 ${j2}s, speedup $(echo "$j1 $j2" | awk '{printf "%.2f", $1/$2}')x"

: >"$work/rss"
for i in $(seq "$runs"); do
	(cd "$work/gen1000" && /usr/bin/time -f %M -o "$work/m" "$vs" prove --no-cache ./funcs >/dev/null 2>&1) || true
	tail -1 "$work/m" >>"$work/rss"
done
echo "generated (1000 functions), no cache, --jobs 2: peak RSS $(median <"$work/rss" | awk '{printf "%.0f MB", $1/1024}')"
(cd "$work/gen1000" && "$vs" prove --no-cache ./funcs | tail -1)
