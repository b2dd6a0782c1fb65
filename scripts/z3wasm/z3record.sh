#!/bin/sh
# z3record.sh: a `z3` for vsynth's --z3 that also appends everything vsynth
# sends it to $Z3RECORD_DIR/PID.smt2 (one file per z3 process), so that
# the queries of a run can be decided again by other Z3 builds
# (compare.js). $Z3RECORD_Z3 is the z3 that answers (default: z3).
set -e
: "${Z3RECORD_DIR:?set Z3RECORD_DIR to the directory to record into}"
tee -a "$Z3RECORD_DIR/$$.smt2" | "${Z3RECORD_Z3:-z3}" "$@"
