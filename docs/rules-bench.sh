#!/bin/sh
# rules-bench.sh: the "Self-improvement, measured" comparison of
# docs/rules.md. It runs the eleven Hacker's Delight searches with the
# rule sets none, seed and all (seed and learned), alternating, RUNS times
# (default 3), and prints one row per benchmark: the candidates of each
# rule set (deterministic: every search runs to its end), the pruned
# combinations, and the median wall time of each.
#
# VSYNTH_SYGUS_DIR is a copy of the SyGuS-Comp benchmark sets laid out as
# docs/benchmarks.md says (hd/, hd/cegist-cav18/, hd/comp14-sygus2/); the
# repository ships only the two files the tests use.
#
#   go build -o vsynth ./cmd/vsynth
#   VSYNTH=$PWD/vsynth VSYNTH_SYGUS_DIR=DIR docs/rules-bench.sh [RUNS]
set -eu
V=${VSYNTH:-vsynth}
RUNS=${1:-3}
out=$(mktemp -d)
cd "${VSYNTH_SYGUS_DIR:?set VSYNTH_SYGUS_DIR to the SyGuS benchmark directory}"
i=1
while [ "$i" -le "$RUNS" ]; do
	for R in none seed all; do
		"$V" bench --no-cvc5 --timeout 60s --improve 60s --rules $R --csv "$out/a-$R-$i.csv" \
			hd/hd-14-d5-prog.sl hd/hd-15-d5-prog.sl hd/cegist-cav18/hd-14-d5-prog.sl hd/comp14-sygus2/hd-18-d1-prog.sl >/dev/null
		"$V" bench --no-cvc5 --timeout 120s --improve 120s --max-size 6 --rules $R --csv "$out/b-$R-$i.csv" \
			hd/hd-19-d0-prog.sl hd/hd-20-d0-prog.sl >/dev/null
		"$V" bench --no-cvc5 --timeout 60s --improve 60s --max-size 4 --rules $R --csv "$out/c-$R-$i.csv" \
			hd/hd-19-d1-prog.sl hd/hd-20-d1-prog.sl hd/cegist-cav18/hd-20-d0-prog.sl >/dev/null
		"$V" bench --no-cvc5 --timeout 60s --improve 60s --max-size 3 --rules $R --csv "$out/d-$R-$i.csv" \
			hd/hd-19-d5-prog.sl hd/hd-20-d5-prog.sl >/dev/null
	done
	i=$((i + 1))
done
# file,status,seconds,size,candidates,pruned
for f in "$out"/*.csv; do
	R=$(basename "$f" | cut -d- -f2)
	tail -n +2 "$f" | sed "s/^/$R,/"
done | sort -t, -k2,2 -k1,1 -k4,4n | awk -F, -v runs="$RUNS" '
	{ key = $2 " " $1; t[key, ++n[key]] = $4; c[key] = $6; p[key] = $7; s[$2] = $3 " size " $5; files[$2] = 1 }
	function median(key,   m) { m = n[key]; return (m % 2) ? t[key, (m + 1) / 2] : (t[key, m / 2] + t[key, m / 2 + 1]) / 2 }
	END {
		print "file | status | candidates none seed all | seed/all | pruned seed all | median s none seed all"
		for (f in files) {
			printf "%s | %s | %d %d %d | %.2fx | %d %d | %.2f %.2f %.2f\n", f, s[f],
				c[f " none"], c[f " seed"], c[f " all"], c[f " seed"] / c[f " all"],
				p[f " seed"], p[f " all"], median(f " none"), median(f " seed"), median(f " all")
		}
	}' | sort
rm -r "$out"
