package corpustest

import (
	"path/filepath"
	"testing"

	"github.com/vsynth/vsynth/internal/provetest"
	"github.com/vsynth/vsynth/internal/testsolver"
)

// TestMain prints the resource units the tests' solvers spent when
// VSYNTH_RLIMIT_STATS=1 (internal/testsolver).
func TestMain(m *testing.M) { testsolver.Main(m, "corpustest") }

// testdataCorpus is testdata/prove, proved once for the tests that need
// it (internal/provetest/corpus.go).
var testdataCorpus = provetest.NewCorpus("testdata/prove", filepath.Join("..", "..", "testdata", "prove"), "./...")
