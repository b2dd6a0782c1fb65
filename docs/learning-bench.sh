#!/bin/sh
# learning-bench.sh: the measurement of docs/learning.md. Hacker's
# Delight held out by program: a plain run records the experience; for
# each file hd-NN-*, a prior is learned without program NN's answers and
# vsynth bench runs plain and with that prior, alternating which goes
# first, at 10 s, the reference hidden. PRIORFLAGS (e.g. --prior-jit)
# are added to the prior runs.
#
#   docs/learning-bench.sh OUT_DIR [FILES...]   (default: the 44 hd files)
set -e
out=${1:?usage: learning-bench.sh OUT_DIR [FILES...]}; shift
hd=${HD:-../shared/benchmarks/sygus/hd}
[ $# -gt 0 ] || set -- $hd/hd-*.sl
mkdir -p $out/priors
vsynth=${VSYNTH:-vsynth}
uptime > $out/load
$vsynth bench --no-cvc5 --timeout 10s --hide-reference --experience $out/exp \
    --csv $out/train.csv "$@" > $out/train.summary 2>&1
echo "file,config,status,seconds,size,candidates" > $out/ab.csv
i=0
for f in "$@"; do
  nn=$(basename $f | sed 's/^hd-\([0-9][0-9]\)-.*/\1/')
  p=$out/priors/hd-$nn.json
  [ -f $p ] || $vsynth learn prior --from $out/exp --exclude "hd-$nn-" -o $p > /dev/null
  if [ $((i % 2)) -eq 0 ]; then order="plain prior"; else order="prior plain"; fi
  for cfg in $order; do
    flag="--prior none"; [ $cfg = prior ] && flag="--prior $p $PRIORFLAGS"
    $vsynth bench --no-cvc5 --timeout 10s --hide-reference --experience off $flag \
        --csv $out/one.csv $f > /dev/null 2>&1 || true
    tail -1 $out/one.csv | awk -F, -v c=$cfg '{print $1","c","$2","$3","$4","$5}' >> $out/ab.csv
  done
  i=$((i+1))
done
uptime >> $out/load
python3 "$(dirname "$0")/learning-summary.py" $out/ab.csv
