package vsynthanalyzer_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/vsynth/vsynth/analysis/vsynthanalyzer"
)

// TestAnalyzer runs the analyzer on the packages of testdata/src, whose
// expected diagnostics and facts are // want comments. Package p calls
// into q: the checker analyzes q first, for its facts, whether or not q
// is named, as go vet does.
func TestAnalyzer(t *testing.T) {
	dir, err := filepath.Abs("testdata/src")
	if err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, dir, vsynthanalyzer.Analyzer, "vsynthtest/q")
	analysistest.Run(t, dir, vsynthanalyzer.Analyzer, "vsynthtest/p")
}
