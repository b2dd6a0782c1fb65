package provetest

import (
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/vsynth/vsynth/ssa"
)

// CheckPlayback emits the playback tests of the refuted functions of
// corpus c (of those keep keeps, when keep is not nil), runs them with go
// test, and checks that each one fails — with the violated clause or the
// panic — and that nothing else fails.
func CheckPlayback(t *testing.T, c *Corpus, keep func(*ssa.Program, []*ssa.FuncResult) []*ssa.FuncResult) {
	t.Helper()
	// The corpus is proved in place, once for the tests that need
	// it (corpus.go); its playback tests are written into a
	// copy of the module, beside the copies of their source files.
	root, patterns := c.Dir(), c.Patterns()
	work := t.TempDir()
	for _, pattern := range patterns {
		copyModule(t, root, work, pattern)
	}
	prog, results := c.Proved(t)
	if keep != nil {
		results = keep(prog, results)
	}
	files, skips, err := prog.PlaybackTests(results)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{} // test name -> emitted
	for _, f := range files {
		if !strings.HasPrefix(string(f.Content), ssa.PlaybackHeader) {
			t.Errorf("%s does not start with the generated-code header", f.Path)
		}
		for _, m := range regexp.MustCompile(`func (TestVsynth_\w+)\(`).FindAllStringSubmatch(string(f.Content), -1) {
			want[m[1]] = true
		}
		rel, err := filepath.Rel(root, f.Path)
		if err != nil || !filepath.IsLocal(rel) {
			t.Fatalf("playback file %s is not under %s", f.Path, root)
		}
		if err := os.WriteFile(filepath.Join(work, rel), f.Content, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	refuted := 0
	for _, r := range results {
		if r.Verdict == ssa.Failed {
			refuted++
		}
	}
	if len(want)+len(skips) != refuted || len(want) == 0 {
		t.Fatalf("%d refuted functions, %d tests emitted, %d skipped", refuted, len(want), len(skips))
	}
	cmd := exec.Command("go", append([]string{"test", "-count=1", "-run", "TestVsynth_"}, patterns...)...)
	cmd.Dir = work
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off")
	out, err := cmd.CombinedOutput()
	if err == nil {
		t.Fatalf("go test passed; the playback tests must fail:\n%s", out)
	}
	if strings.Contains(string(out), "build failed") || strings.Contains(string(out), "[setup failed]") {
		t.Fatalf("the playback tests do not compile:\n%s", out)
	}
	failed := map[string]bool{}
	for _, m := range regexp.MustCompile(`--- FAIL: (TestVsynth_\w+)`).FindAllStringSubmatch(string(out), -1) {
		failed[m[1]] = true
	}
	for name := range want {
		if !failed[name] {
			t.Errorf("%s did not fail", name)
		}
	}
	// Every failure says what is violated: a clause or a panic.
	msgs := regexp.MustCompile(`_vsynth_test\.go:\d+: (vsynth: .*)`).FindAllStringSubmatch(string(out), -1)
	if len(msgs) < len(want) {
		t.Errorf("%d failure messages for %d tests:\n%s", len(msgs), len(want), out)
	}
	for _, m := range msgs {
		if !strings.Contains(m[1], "is violated") && !strings.Contains(m[1], "panics: ") && !strings.Contains(m[1], "not evaluated in Go") {
			t.Errorf("failure does not name the violation: %s", m[1])
		}
		if strings.Contains(m[1], "stale") {
			t.Errorf("a counterexample does not meet its requires in Go: %s", m[1])
		}
	}
	t.Logf("%d playback tests fail as they should, %d skipped: %v", len(want), len(skips), skips)
}

// copyModule copies the module at root (go.mod, go.sum, and the Go and
// .vspec files of the packages pattern names) into dst.
func copyModule(t *testing.T, root, dst, pattern string) {
	t.Helper()
	for _, name := range []string{"go.mod", "go.sum"} {
		if b, err := os.ReadFile(filepath.Join(root, name)); err == nil {
			os.WriteFile(filepath.Join(dst, name), b, 0o644)
		}
	}
	sub := strings.TrimSuffix(strings.TrimSuffix(pattern, "..."), "/")
	from := filepath.Join(root, sub)
	err := filepath.WalkDir(from, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !(strings.HasSuffix(path, ".go") || strings.HasSuffix(path, ".vspec")) {
			return nil
		}
		rel, _ := filepath.Rel(root, path)
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		os.MkdirAll(filepath.Join(dst, filepath.Dir(rel)), 0o755)
		return os.WriteFile(filepath.Join(dst, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}
