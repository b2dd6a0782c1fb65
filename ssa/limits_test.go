package ssa

import (
	"fmt"
	"os"
	"testing"

	"github.com/vsynth/vsynth/internal/testlimits"
	"github.com/vsynth/vsynth/smt"
)

// testLimits bound every check of a test that expects a verdict: Z3's
// deterministic resource limit, so that a proof does not turn into
// unknown on a loaded machine, and a wall-clock limit only as a safety
// net (internal/testlimits).
var testLimits = testlimits.Limits

// With VSYNTH_RLIMIT_STATS=1 the test solvers record the resource units
// of every check, and the run ends with their summary: how the limit was
// sized (docs/soundness.md, "The suite under load").
var (
	recordRLimit = os.Getenv("VSYNTH_RLIMIT_STATS") != ""
	rlimitStats  testlimits.Counter
)

func TestMain(m *testing.M) {
	code := m.Run()
	if recordRLimit {
		fmt.Fprintln(os.Stderr, "rlimit stats (ssa):", rlimitStats.String())
	}
	os.Exit(code)
}

// recorded is s, recording its checks when VSYNTH_RLIMIT_STATS is set.
func recorded(s closingSolver) (smt.Solver, error) {
	if !recordRLimit {
		return s, nil
	}
	return rlimitStats.Watch(s)
}

// ResourceCount is what the solver's context has spent.
func (s closingSolver) ResourceCount() (uint64, error) { return s.ctx.ResourceCount() }
