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
