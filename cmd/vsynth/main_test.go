package main

import (
	"testing"

	"github.com/vsynth/vsynth/internal/clitest"
)

// The CLI's txtar scripts (testdata/script) run against the built binary
// in the packages under scripttest, split by concern (internal/clitest).

// setTestLimits sets vsynth's --rlimit and --timeout defaults for the rest
// of the test: Z3's deterministic resource limit decides, the time limit
// is only a safety net (internal/testlimits).
func setTestLimits(t *testing.T) {
	for k, v := range clitest.LimitsEnv() {
		t.Setenv(k, v)
	}
}
