package ssa

import (
	"testing"

	"github.com/vsynth/vsynth/internal/testsolver"
)

// TestMain prints the resource units the tests' solvers spent when
// VSYNTH_RLIMIT_STATS=1 (internal/testsolver): how the tests' limits were
// sized (docs/soundness.md, "The suite under load").
func TestMain(m *testing.M) { testsolver.Main(m, "ssa") }
