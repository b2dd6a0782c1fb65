package corpustest

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vsynth/vsynth/internal/provetest"
	"github.com/vsynth/vsynth/internal/testlimits"
	"github.com/vsynth/vsynth/internal/testmod"
	"github.com/vsynth/vsynth/internal/testsolver"
	"github.com/vsynth/vsynth/ssa"
)

// TestPlaybackTestsFail emits the playback tests of the refuted functions
// of testdata/prove (those of playbackSample's directories; every one with
// VSYNTH_LONG=1), runs them with go test, and checks that each one fails
// — with the violated clause or the panic — and that nothing else fails.
func TestPlaybackTestsFail(t *testing.T) {
	provetest.CheckPlayback(t, testdataCorpus, func(prog *ssa.Program, results []*ssa.FuncResult) []*ssa.FuncResult {
		if testlimits.Long() {
			return results
		}
		return inPlaybackSample(prog, results)
	})
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
func inPlaybackSample(prog *ssa.Program, results []*ssa.FuncResult) []*ssa.FuncResult {
	var kept []*ssa.FuncResult
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
	dir := testmod.WriteModule(t, "example.com/c", "c.go", `package c

//vsynth:requires x % 3 != 1
//vsynth:ensures result % 2 == 0
func Even(x int8) int8 { return x }

//vsynth:ensures result % 4 == 0
func Div(a, b int8) int8 { return a % b * 4 }
`)
	prog, err := ssa.Load(ssa.LoadConfig{Dir: dir}, []string{"./..."})
	if err != nil {
		t.Fatal(err)
	}
	results, err := prog.Prove(context.Background(), prog.Targets, ssa.Options{NewSolver: testsolver.New})
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
