package gentest

import (
	"strings"
	"testing"

	"github.com/vsynth/vsynth/internal/provetest"
	"github.com/vsynth/vsynth/ssa"
)

// judgeGenerated proves the generated package pkg in dir (package
// pattern pattern; one function per entry of srcs, name to source) and
// judges vsynth against Go: a proved function must not be in bad (what
// the Go judge found broken, testmod.RunJudge), every failed one's
// counterexample is replayed, unknown ones are counted, and anything else
// is an error.
func judgeGenerated(t *testing.T, seed int64, dir, pattern, pkg string, bad, srcs map[string]string) {
	t.Helper()
	prog, results := provetest.ProveDir(t, dir, pattern)
	if len(results) != len(srcs) {
		t.Fatalf("%d results for %d generated functions", len(results), len(srcs))
	}
	proved, failed, unknown := 0, 0, 0
	for _, r := range results {
		name := strings.TrimPrefix(r.Target.Short, pkg+".")
		switch r.Verdict {
		case ssa.Proved:
			proved++
			if b, ok := bad[name]; ok {
				t.Errorf("%s: proved, but compiled Go breaks the contract on %s; source:\n%s", name, b, srcs[name])
			}
		case ssa.Failed:
			failed++ // its counterexample is replayed below
			if _, ok := bad[name]; !ok {
				t.Logf("%s: failed, on inputs outside the edge values", name)
			}
		case ssa.Unknown:
			unknown++
			t.Logf("%s: unknown (%s); source:\n%s", name, r.Reason, srcs[name])
		default:
			t.Errorf("%s: %s (%s); source:\n%s", name, r.Verdict, r.Reason, srcs[name])
		}
	}
	replayed := provetest.Replay(t, prog, dir, provetest.FailedCases(results))
	if failed > 0 && replayed == 0 {
		t.Errorf("%d functions failed but no counterexample replayed", failed)
	}
	t.Logf("seed %d: %d functions, %d proved (none broken on the edge values in Go), %d failed, %d unknown, %d counterexamples replayed", seed, len(srcs), proved, failed, unknown, replayed)
}
