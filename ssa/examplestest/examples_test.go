package examplestest

import (
	"testing"

	"github.com/vsynth/vsynth/internal/provetest"
)

func TestProveExamplesReplay(t *testing.T) {
	prog, results := examplesCorpus.Proved(t)
	provetest.LogCrossChecks(t, prog, results)
	n, exempt := provetest.ConfirmReplays(t, prog, results)
	for _, e := range exempt {
		t.Logf("not replayed: %s", e)
	}
	if n == 0 {
		t.Fatal("the examples refute nothing: expected the known bugs to be found")
	}
	t.Logf("%d functions, %d counterexamples confirmed in Go", len(results), n)
}

// TestPlaybackTestsFail emits the playback tests of every refuted
// function of the examples, runs them with go test, and checks that each
// one fails — with the violated clause or the panic — and that nothing
// else fails.
func TestPlaybackTestsFail(t *testing.T) {
	provetest.CheckPlayback(t, examplesCorpus, nil)
}
