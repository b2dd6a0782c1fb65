package constructstest

import (
	"path/filepath"
	"testing"

	"github.com/vsynth/vsynth/internal/provetest"
	"github.com/vsynth/vsynth/internal/testsolver"
)

// TestMain prints the resource units the tests' solvers spent when
// VSYNTH_RLIMIT_STATS=1 (internal/testsolver).
func TestMain(m *testing.M) { testsolver.Main(m, "constructstest") }

// constructsCorpus is the construct directories of testdata/prove
// (provetest.ConstructDirs), proved once for the tests that need them
// (internal/provetest/corpus.go).
var constructsCorpus = provetest.NewCorpus("testdata/prove constructs", filepath.Join("..", "..", "testdata", "prove"), provetest.DirPatterns(provetest.ConstructDirs)...)
