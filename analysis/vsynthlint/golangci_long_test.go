package vsynthlint

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestGolangciLintCustomBuild builds a real golangci-lint with this plugin
// (scripts/golangci-custom.sh: the golangci-lint module from the Go
// proxy, plugins.go importing this package, as `golangci-lint custom`
// does) and runs it on testdata/mod, a module whose package p calls into
// package q's contracts. It checks golangci-lint's report: q's refuted
// contract, p's functions that are not provable from q's contracts or
// rely on the refuted one (the fact crossed packages), the replayed
// call-requires counterexample, and nothing for the functions that are
// proved. The build downloads and
// compiles golangci-lint and its linters (minutes, hundreds of MB), so
// it runs under VSYNTH_LONG=1 only:
//
//	VSYNTH_LONG=1 nice go test -count=1 -run TestGolangciLintCustomBuild -v ./analysis/vsynthlint
func TestGolangciLintCustomBuild(t *testing.T) {
	if os.Getenv("VSYNTH_LONG") == "" {
		t.Skip("builds golangci-lint from source: VSYNTH_LONG=1 runs it")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "golangci-lint")
	start := time.Now()
	build := exec.Command("sh", "../../scripts/golangci-custom.sh", bin)
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("scripts/golangci-custom.sh: %v\n%s", err, tail(out, 4000))
	}
	t.Logf("built golangci-lint with vsynth in %v", time.Since(start).Round(time.Second))

	version, err := exec.Command(bin, "version").CombinedOutput()
	if err != nil {
		t.Fatalf("golangci-lint version: %v\n%s", err, version)
	}
	t.Logf("%s", strings.TrimSpace(string(version)))

	mod := filepath.Join(dir, "mod")
	if err := os.CopyFS(mod, os.DirFS("testdata/mod")); err != nil {
		t.Fatal(err)
	}
	start = time.Now()
	run := exec.Command(bin, "run", "--output.text.path", "stdout", "--output.text.print-issued-lines=false", "./...")
	run.Dir = mod
	run.Env = append(os.Environ(), "GOFLAGS=", "GOCACHE="+filepath.Join(dir, "gocache"), "GOLANGCI_LINT_CACHE="+filepath.Join(dir, "lintcache"))
	out, err := run.CombinedOutput()
	t.Logf("golangci-lint run ./... in %v:\n%s", time.Since(start).Round(time.Second), out)
	// Exit status 1: issues were found.
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 1 {
		t.Fatalf("golangci-lint run: %v, want exit status 1 (issues found)", err)
	}
	// golangci-lint reports a diagnostic's related information (the
	// clause) as an issue of its own.
	want := []string{
		`q/q\.go:9:1: q\.Wrong: failed: ensures result < x \(q\.go:8\): counterexample: x = -?\d+; returns result = -?\d+ \(vsynth\)`,
		`q/q\.go:8:18: vsynth\(related information\): refuted: ensures result < x \(vsynth\)`,
		`p/p\.go:15:1: p\.Tight: unknown: not provable from the contract of q\.Inc: .* \(vsynth\)`,
		`p/p\.go:14:18: vsynth\(related information\): unknown: ensures result == y \+ 1 \(vsynth\)`,
		`p/p\.go:21:1: p\.Careless: unknown: relies on the contract of q\.Wrong, which its package's run did not prove \(failed\) \(vsynth\)`,
		`p/p\.go:27:1: p\.Outside: failed: call-requires x < 100 \(p\.go:27\): counterexample: y = \d+ \(vsynth\)`,
	}
	for _, w := range want {
		if !regexp.MustCompile(`(?m)^` + w + `$`).Match(out) {
			t.Errorf("no diagnostic matching\n\t%s", w)
		}
	}
	for _, proved := range []string{"q.Inc", "p.Caller"} {
		if regexp.MustCompile(`(?m)^\S+:\d+:\d+: ` + regexp.QuoteMeta(proved) + `: `).Match(out) {
			t.Errorf("a diagnostic for %s, which is proved", proved)
		}
	}
	if n := strings.Count(string(out), "(vsynth)\n"); n != len(want) {
		t.Errorf("%d vsynth diagnostics, want %d", n, len(want))
	}
}

// tail is the last n bytes of b.
func tail(b []byte, n int) []byte {
	if len(b) > n {
		return b[len(b)-n:]
	}
	return b
}
