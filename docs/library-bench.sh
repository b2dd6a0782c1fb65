#!/bin/sh
# library-bench.sh: the measurement of docs/learning.md's component
# library and race. Hacker's Delight held out by program (family): for
# each file hd-NN-*, a library is mined from the experience store without
# program NN's answers, and vsynth bench runs each configuration of
# CONFIGS on the file, the order rotated per file, REPS times, with the
# reference hidden and a timeout of T.
#
#   docs/library-bench.sh EXP_DIR OUT_DIR [FILES...]   (default: the 44 hd files)
#
# Configurations: plain (--prior none --library none), lib (the fold's
# library: mined components and spec operators, racing the plain
# search), libsaving (the same, its components ranked by the operators
# they save, --rank saving, from one family or more: --min-families 1),
# prior (the fold's prior, learned without program NN, racing
# the plain search), and two controls: shuffled (the fold's prior with
# its operator counts permuted at random, seed SEED, default 1: the same
# spread of costs on random productions, racing the plain search) and
# plainrace (--race-plain: the plain search racing a copy of itself, one
# worker each: the race's own cost). PRIORFLAGS (e.g. --prior-jit) are
# added to the prior and shuffled runs. A library with nothing in it
# ("empty") is the plain search by construction: nothing to guide, so
# no race.
set -e
exp=${1:?usage: library-bench.sh EXP_DIR OUT_DIR [FILES...]}; out=${2:?}; shift 2
hd=${HD:-../shared/benchmarks/sygus/hd}
[ $# -gt 0 ] || set -- $hd/hd-*.sl
files="$*"
T=${T:-20s}; REPS=${REPS:-1}; CONFIGS=${CONFIGS:-"plain lib"}
vsynth=${VSYNTH:-vsynth}
SEED=${SEED:-1}
mkdir -p $out/libs $out/priors
printf '{"schema":"vsynth-library/1","derive_spec_operators":false,"provenance":{"store":"","answers":0,"families":[]},"components":[]}\n' > $out/libs/empty.json
uptime >> $out/load
[ -f $out/ab.csv ] || echo "file,config,status,seconds,size,candidates,rep" > $out/ab.csv
rep=1
while [ $rep -le $REPS ]; do
  i=$rep
  for f in $files; do
    nn=$(basename $f | sed 's/^hd-\([0-9][0-9]\)-.*/\1/')
    lib=$out/libs/hd-$nn.json
    # The library's expansions are proved at learning time in the
    # grammars of the fold's own files (grammars only: their answers were
    # left out), so that a run admits them without a Z3 proof.
    case " $CONFIGS " in *" lib "*)
      [ -f $lib ] || nice $vsynth learn library --from $exp --exclude "hd-$nn-" -o $lib $(dirname $f)/hd-$nn-*.sl > /dev/null;;
    esac
    # libsaving: components ranked by the operators they save over the
    # answers (Stitch's compression), from one family or more.
    saving=$out/libs/hd-$nn-saving.json
    case " $CONFIGS " in *" libsaving "*)
      [ -f $saving ] || nice $vsynth learn library --from $exp --exclude "hd-$nn-" --min-families 1 --rank saving --max 6 \
          -o $saving $(dirname $f)/hd-$nn-*.sl > /dev/null;;
    esac
    prior=$out/priors/hd-$nn.json; shuffled=$out/priors/hd-$nn-shuffled.json
    case " $CONFIGS " in *" prior "*|*" shuffled "*)
      [ -f $prior ] || $vsynth learn prior --from $exp --exclude "hd-$nn-" -o $prior > /dev/null
      [ -f $shuffled ] || $vsynth learn prior --from $exp --exclude "hd-$nn-" --shuffle $SEED -o $shuffled > /dev/null;;
    esac
    set -- $CONFIGS; n=$#
    order=""; k=0
    while [ $k -lt $n ]; do
      j=$(( (i + k) % n + 1 )); eval "c=\${$j}"; order="$order $c"; k=$((k+1))
    done
    for cfg in $order; do
      case $cfg in
        plain) flag="--prior none --library none";;
        lib) flag="--library $lib";;
        libsaving) flag="--library $saving";;
        empty) flag="--library $out/libs/empty.json";;
        prior) flag="--prior $prior $PRIORFLAGS";;
        shuffled) flag="--prior $shuffled $PRIORFLAGS";;
        plainrace) flag="--race-plain";;
      esac
      nice $vsynth bench --no-cvc5 --timeout $T --hide-reference --experience off $flag \
          --csv $out/one.csv $f > /dev/null 2>&1 || true
      tail -1 $out/one.csv | awk -F, -v c=$cfg -v r=$rep '{print $1","c","$2","$3","$4","$5","r}' >> $out/ab.csv
    done
    i=$((i+1))
  done
  uptime >> $out/load
  rep=$((rep+1))
done
