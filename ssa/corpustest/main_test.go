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

// testdataDir is the testdata/prove module.
var testdataDir = filepath.Join("..", "..", "testdata", "prove")

// testdataCorpus is testdata/prove but for the construct directories
// (ssa/constructstest proves those), proved once for the tests that need
// it (internal/provetest/corpus.go).
var testdataCorpus = provetest.NewCorpus("testdata/prove", testdataDir, provetest.DirPatterns(provetest.CoreDirs(testdataDir))...)
