package ssa

import (
	"context"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestPlaybackTestsFail emits the playback tests of every refuted function
// in testdata/prove and the examples, runs them with go test, and checks
// that each one fails — with the violated clause or the panic — and that
// nothing else fails.
func TestPlaybackTestsFail(t *testing.T) {
	for _, tc := range []struct {
		name   string
		corpus *corpus
	}{
		{"testdata", testdataCorpus},
		{"examples", examplesCorpus},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// The corpus is proved in place, once for the tests that need
			// it (corpus_test.go); its playback tests are written into a
			// copy of the module, beside the copies of their source files.
			root, pattern := tc.corpus.dir(), tc.corpus.pattern
			work := t.TempDir()
			copyModule(t, root, work, pattern)
			prog, results := tc.corpus.proved(t)
			if tc.corpus == testdataCorpus && !longRun() {
				results = inPlaybackSample(prog, results)
			}
			files, skips, err := prog.PlaybackTests(results)
			if err != nil {
				t.Fatal(err)
			}
			want := map[string]bool{} // test name -> emitted
			for _, f := range files {
				if !strings.HasPrefix(string(f.Content), PlaybackHeader) {
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
				if r.Verdict == Failed {
					refuted++
				}
			}
			if len(want)+len(skips) != refuted || len(want) == 0 {
				t.Fatalf("%d refuted functions, %d tests emitted, %d skipped", refuted, len(want), len(skips))
			}
			cmd := exec.Command("go", "test", "-count=1", "-run", "TestVsynth_", pattern)
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
		})
	}
}

// playbackSample is the testdata/prove directories whose playback tests
// the default run compiles and runs: together they hold about two thirds
// of the corpus's refuted functions and every kind of value the tests
// write (structs with blank fields, nested pointers and long slices in
// render, memory in heap and loops, strings, panics, overflow checks).
// Each package is one more test binary to link, which is most of this
// test's time; VSYNTH_LONG=1 runs the playback tests of every package.
var playbackSample = map[string]bool{"render": true, "overflow": true, "heap": true, "loops": true, "strings": true, "panics": true}

// inPlaybackSample keeps the results of the functions in playbackSample's
// directories.
func inPlaybackSample(prog *Program, results []*FuncResult) []*FuncResult {
	var kept []*FuncResult
	for _, r := range results {
		if playbackSample[filepath.Base(filepath.Dir(prog.Fset.Position(r.Target.Pos).Filename))] {
			kept = append(kept, r)
		}
	}
	return kept
}

// TestPlaybackPercentInClauses checks that clause text with % (Go's
// remainder) does not break the format strings of the generated tests:
// go test vets them.
func TestPlaybackPercentInClauses(t *testing.T) {
	dir := writeCacheModule(t, `package c

//vsynth:requires x % 3 != 1
//vsynth:ensures result % 2 == 0
func Even(x int8) int8 { return x }

//vsynth:ensures result % 4 == 0
func Div(a, b int8) int8 { return a % b * 4 }
`)
	prog, err := Load(LoadConfig{Dir: dir}, []string{"./..."})
	if err != nil {
		t.Fatal(err)
	}
	results, err := prog.Prove(context.Background(), prog.Targets, Options{NewSolver: newTestSolver})
	if err != nil {
		t.Fatal(err)
	}
	files, _, err := prog.PlaybackTests(results)
	if err != nil || len(files) != 1 {
		t.Fatalf("PlaybackTests: %d files, %v", len(files), err)
	}
	os.WriteFile(files[0].Path, files[0].Content, 0o644)
	cmd := exec.Command("go", "test", "-count=1", "./...")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off")
	out, _ := cmd.CombinedOutput()
	for _, want := range []string{
		"--- FAIL: TestVsynth_Even", "vsynth: ensures result % 2 == 0 is violated: Even(x = ",
		"--- FAIL: TestVsynth_Div", "vsynth: Div(a = ", "panics: runtime error: integer divide by zero (division by zero)",
	} {
		if !strings.Contains(string(out), want) {
			t.Errorf("go test output lacks %q:\n%s\n%s", want, out, files[0].Content)
		}
	}
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
