package gentest

import (
	"testing"

	"github.com/vsynth/vsynth/internal/testsolver"
)

// TestMain prints the resource units the tests' solvers spent when
// VSYNTH_RLIMIT_STATS=1 (internal/testsolver).
func TestMain(m *testing.M) { testsolver.Main(m, "gentest") }
