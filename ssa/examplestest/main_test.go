package examplestest

import (
	"path/filepath"
	"testing"

	"github.com/vsynth/vsynth/internal/provetest"
	"github.com/vsynth/vsynth/internal/testsolver"
)

// TestMain prints the resource units the tests' solvers spent when
// VSYNTH_RLIMIT_STATS=1 (internal/testsolver).
func TestMain(m *testing.M) { testsolver.Main(m, "examplestest") }

// examplesCorpus is the examples, proved once for the tests that need
// them (internal/provetest/corpus.go).
var examplesCorpus = provetest.NewCorpus("examples", filepath.Join("..", ".."), "./examples/...")
