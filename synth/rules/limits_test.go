package rules

import (
	"fmt"
	"os"
	"testing"

	"github.com/vsynth/vsynth/internal/testlimits"
)

// The gate's tests decide rules under Z3's deterministic resource limit,
// not DefaultLimits' 30 s, so that a proof does not turn into unknown on a
// loaded machine (internal/testlimits). With VSYNTH_RLIMIT_STATS=1 they
// record what every check spends and print the summary at the end.
var (
	recordRLimit = os.Getenv("VSYNTH_RLIMIT_STATS") != ""
	rlimitStats  testlimits.Counter
)

// testOptions are the gate's options in the tests.
func testOptions() CheckOptions {
	o := CheckOptions{Limits: testlimits.Limits}
	if recordRLimit {
		o.NewSolver = rlimitStats.Wrap(NewZ3Solver)
	}
	return o
}

func TestMain(m *testing.M) {
	code := m.Run()
	if recordRLimit {
		fmt.Fprintln(os.Stderr, "rlimit stats (synth/rules):", rlimitStats.String())
	}
	os.Exit(code)
}
