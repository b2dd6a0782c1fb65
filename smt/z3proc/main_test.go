package z3proc

import (
	"os"
	"testing"
)

// TestMain runs the package's tests on the z3 executable named by
// $VSYNTH_TEST_Z3 when it is set, so that another Z3 build can be checked
// against the process protocol, e.g. the newer Z3 of scripts/z3wasm
// (docs/ci.md):
//
//	VSYNTH_TEST_Z3=$PWD/scripts/z3wasm/z3wasm.js go test -count=1 ./smt/z3proc
func TestMain(m *testing.M) {
	if z3 := os.Getenv("VSYNTH_TEST_Z3"); z3 != "" {
		Command = z3
	}
	os.Exit(m.Run())
}
