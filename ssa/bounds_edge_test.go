package ssa

import (
	"context"
	"go/token"
	"testing"
	"time"

	"github.com/vsynth/vsynth/internal/testsolver"
	"github.com/vsynth/vsynth/smt"
)

// makeMaxSource allocates up to maxAlloc bytes: proved here, never run
// (testdata/prove is run by the replay and mutation harnesses, whose
// processes such an allocation would kill).
const makeMaxSource = `package bounds

//vsynth:requires n >= 0 && n <= 1<<48
//vsynth:ensures len(result) == n
func MakeMax(n int) []byte {
	return make([]byte, n)
}

//vsynth:requires n >= 0 && n <= 1<<45
//vsynth:ensures len(result) == n
func MakeMaxInt64(n int) []int64 {
	return make([]int64, n)
}

//vsynth:requires n >= 0 && n <= 1<<45+1
//vsynth:ensures len(result) == n
func MakeOverInt64(n int) []int64 {
	return make([]int64, n)
}
`

// TestMakeMaxAlloc checks make at the edge of maxAlloc (2^48 bytes on
// amd64): exactly maxAlloc bytes do not panic, one element more does.
func TestMakeMaxAlloc(t *testing.T) {
	fset := token.NewFileSet()
	prog, err := LoadSource(fset, NewSourceImporter(fset), "vsynth.test/bounds", []SourceFile{{Name: "/vsynth-virtual/bounds/f.go", Src: []byte(makeMaxSource)}})
	if err != nil {
		t.Fatal(err)
	}
	results, err := prog.Prove(context.Background(), prog.Targets, Options{NewSolver: testsolver.New, Limits: smt.Limits{Timeout: 20 * time.Second}})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]Verdict{"MakeMax": Proved, "MakeMaxInt64": Proved, "MakeOverInt64": Failed}
	for _, r := range results {
		name := r.Target.Func.Name()
		if r.Verdict != want[name] {
			t.Errorf("%s: %s (%s), want %s", name, r.Verdict, r.Reason, want[name])
			continue
		}
		if r.Verdict == Failed {
			ob, cex := r.Counterexample()
			if ob.Kind != Bounds || cex == nil || cex.Inputs[0].Value != "35184372088833" {
				t.Errorf("%s: refuted by %s with %+v, want the makeslice bounds panic at n = 2^45+1", name, ob.Kind, cex)
			}
		}
	}
	if len(results) != len(want) {
		t.Errorf("%d results, want %d", len(results), len(want))
	}
}
