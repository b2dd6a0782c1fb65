package testmod

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// RunJudge is the Go side of the generator tests (ssa/gentest/gen_*_test.go): it
// writes src as dir/judge/main.go, a program that prints one line per
// generated function, "NAME ok" or "NAME what-broke", runs it in the
// module at dir, and returns what broke, by function name.
func RunJudge(t *testing.T, dir, src string) map[string]string {
	t.Helper()
	WriteFile(t, filepath.Join(dir, "judge", "main.go"), src)
	cmd := exec.Command("go", "run", "./judge")
	cmd.Dir, cmd.Env = dir, GoEnv()
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

// EnvUint reads a number from the environment, or returns def.
func EnvUint(t *testing.T, name string, def uint64) uint64 {
	s := os.Getenv(name)
	if s == "" {
		return def
	}
	n, err := strconv.ParseUint(s, 10, 64)
	if err != nil {
		t.Fatalf("%s=%q: %v", name, s, err)
	}
	return n
}

// WriteFile writes content to the file name, making its directory.
func WriteFile(t *testing.T, name, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// GoEnv is the go command's environment for the generated module: no
// workspace of the caller's applies to it.
func GoEnv() []string { return append(os.Environ(), "GOWORK=off") }

// WriteModule writes a module of one file into a fresh directory of t —
// go.mod declaring module path, and the file name with src — and
// returns the directory.
func WriteModule(t *testing.T, path, name, src string) string {
	t.Helper()
	dir := t.TempDir()
	WriteFile(t, filepath.Join(dir, "go.mod"), "module "+path+"\n\ngo 1.24\n")
	WriteFile(t, filepath.Join(dir, name), src)
	return dir
}
