package ssa

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// runJudge is the Go side of the generator tests (gen_*_test.go): it
// writes src as dir/judge/main.go, a program that prints one line per
// generated function, "NAME ok" or "NAME what-broke", runs it in the
// module at dir, and returns what broke, by function name.
func runJudge(t *testing.T, dir, src string) map[string]string {
	t.Helper()
	writeDiffFile(t, filepath.Join(dir, "judge", "main.go"), src)
	cmd := exec.Command("go", "run", "./judge")
	cmd.Dir, cmd.Env = dir, diffEnv()
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("running the judge: %v\n%s", err, out)
	}
	bad := map[string]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		name, v, _ := strings.Cut(line, " ")
		if v != "ok" {
			bad[name] = v
		}
	}
	return bad
}

// judgeGenerated proves the generated package pkg in dir (package
// pattern pattern; one function per entry of srcs, name to source) and
// judges vsynth against Go: a proved function must not be in bad (what
// the Go judge found broken, runJudge), every failed one's
// counterexample is replayed, unknown ones are counted, and anything else
// is an error.
func judgeGenerated(t *testing.T, seed int64, dir, pattern, pkg string, bad, srcs map[string]string) {
	t.Helper()
	prog, results := proveDir(t, dir, pattern)
	if len(results) != len(srcs) {
		t.Fatalf("%d results for %d generated functions", len(results), len(srcs))
	}
	proved, failed, unknown := 0, 0, 0
	for _, r := range results {
		name := strings.TrimPrefix(r.Target.Short, pkg+".")
		switch r.Verdict {
		case Proved:
			proved++
			if b, ok := bad[name]; ok {
				t.Errorf("%s: proved, but compiled Go breaks the contract on %s; source:\n%s", name, b, srcs[name])
			}
		case Failed:
			failed++ // its counterexample is replayed below
			if _, ok := bad[name]; !ok {
				t.Logf("%s: failed, on inputs outside the edge values", name)
			}
		case Unknown:
			unknown++
			t.Logf("%s: unknown (%s); source:\n%s", name, r.Reason, srcs[name])
		default:
			t.Errorf("%s: %s (%s); source:\n%s", name, r.Verdict, r.Reason, srcs[name])
		}
	}
	replayed := replay(t, prog, dir, failedCases(results))
	if failed > 0 && replayed == 0 {
		t.Errorf("%d functions failed but no counterexample replayed", failed)
	}
	t.Logf("seed %d: %d functions, %d proved (none broken on the edge values in Go), %d failed, %d unknown, %d counterexamples replayed", seed, len(srcs), proved, failed, unknown, replayed)
}
