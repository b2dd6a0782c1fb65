#!/bin/sh
# realgo-bench.sh: the figures of docs/real-go.md, "The real-Go corpus".
# It proves every package of testdata/realgo with the CLI, one package at
# a time (JSON reports in OUT, default a fresh temporary directory), and
# prints the summary of docs/realgo-summary.py: verdicts, the share in
# scope, prove times, the unsupported functions by construct, and every
# failed function with its replay. Then, unless RANDOM_RUNS=0, it runs the
# proved functions on random inputs in compiled Go against their
# contracts (TestRealGoRandom in package ssa, reading OUT).
#
#   docs/realgo-bench.sh [OUT]
#
# PKG_TIMEOUT bounds each package (vsynth prove --total-timeout, default
# 240s) and OB_TIMEOUT each obligation (--timeout, default 30s; the
# deterministic --rlimit of Z3 stays the default): what is not decided by
# then is unknown. The proof cache is off, so times are those of a first
# run. The second pass (below) has PASS2_TIMEOUT per package (120s).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
OUT=${1:-$(mktemp -d)}
mkdir -p "$OUT"
cd "$root"
go build -o "$OUT/vsynth" ./cmd/vsynth
cd testdata/realgo
for d in */; do
	p=${d%/}
	start=$(date +%s)
	"$OUT/vsynth" prove --no-cache --format json --timeout "${OB_TIMEOUT:-30s}" --total-timeout "${PKG_TIMEOUT:-240s}" "./$p" >"$OUT/$p.json" 2>"$OUT/$p.err" || true
	echo "$p: $(($(date +%s) - start)) s" >&2
done
# A second pass for the packages where --total-timeout canceled functions
# that never started: the functions that took 60 s or more in the first
# pass are excluded (their first verdict stands), and the summary takes
# the second pass's verdict for the canceled ones.
pkgs=$(ls -d */)
set -f # the exclusions are regular expressions
for d in $pkgs; do
	p=${d%/}
	ex=$(python3 "$root/docs/realgo-summary.py" --slow "$OUT/$p.json") || continue
	start=$(date +%s)
	"$OUT/vsynth" prove --no-cache --format json --timeout "${OB_TIMEOUT:-30s}" --total-timeout "${PASS2_TIMEOUT:-120s}" $ex "./$p" >"$OUT/$p.pass2.json" 2>"$OUT/$p.pass2.err" || true
	echo "$p (second pass): $(($(date +%s) - start)) s" >&2
done
set +f
python3 "$root/docs/realgo-summary.py" "$OUT"/*.json
if [ "${RANDOM_RUNS:-1}" != 0 ]; then
	cd "$root"
	VSYNTH_LONG=1 VSYNTH_REALGO_JSON="$OUT" go test -count=1 -run 'TestRealGoRandom$' -v ./ssa | grep -E '^(=== RUN|--- |    |ok|FAIL|PASS)' || true
fi
