package ssa

import (
	"go/ast"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	gofmt "go/format"
)

// inferTarget loads testdata/prove/infer and returns the target named
// short with its first loop statement.
func inferTarget(t *testing.T, short string) (*Program, *Target, ast.Stmt) {
	t.Helper()
	dir, _ := filepath.Abs(filepath.Join("..", "testdata", "prove"))
	prog, err := Load(LoadConfig{Dir: dir}, []string{"./infer"})
	if err != nil {
		t.Fatal(err)
	}
	for _, tg := range prog.Targets {
		if tg.Short != short {
			continue
		}
		sites := prog.inferSites(tg)
		if len(sites) == 0 {
			t.Fatalf("%s: no loop to infer for", short)
		}
		return prog, tg, sites[0].stmt
	}
	t.Fatalf("no target %s", short)
	return nil, nil, nil
}

// TestInferCandidates checks that the candidates of each kind are
// proposed, and that each type-checks as an invariant of its loop.
func TestInferCandidates(t *testing.T) {
	for _, tc := range []struct {
		fn   string
		want []string
	}{
		// ensures with the bound replaced by the counter, the range of
		// the counter, an ordering of the variables changed together
		{"infer.CountUp", []string{"c == i", "i <= n", "0 <= i", "c <= i"}},
		// the condition made non-strict, entry values, lengths
		{"infer.Midpoint", []string{"lo <= hi", "int(hi) <= len(a)", "hi <= int16(len(a))"}},
	} {
		prog, tg, stmt := inferTarget(t, tc.fn)
		got := prog.loopCandidates(tg, stmt)
		for _, w := range tc.want {
			if !slices.Contains(got, w) {
				t.Errorf("%s: candidate %q missing from %q", tc.fn, w, got)
			}
		}
		site := prog.inferSites(tg)[0]
		for i, text := range got {
			if prog.checkCandidate(tg, site, i, text) == nil && !strings.Contains(text, "result") {
				t.Logf("%s: %q does not check (dropped)", tc.fn, text)
			}
		}
	}
}

// TestInferCandidatesQuantified checks the prefix quantifiers a write
// and an early exit give.
func TestInferCandidatesQuantified(t *testing.T) {
	dir := t.TempDir()
	src := `package q

//vsynth:ensures forall k int :: 0 <= k && k < len(a) ==> a[k] == v
func Fill(a []int32, v int32) {
	for i := 0; i < len(a); i++ {
		a[i] = v
	}
}

//vsynth:ensures result == -1 ==> forall k int :: 0 <= k && k < len(a) ==> a[k] != x
func Index(a []int32, x int32) int {
	for i := range a {
		if a[i] == x {
			return i
		}
	}
	return -1
}
`
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module q\n\ngo 1.24\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "q.go"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	prog, err := Load(LoadConfig{Dir: dir}, []string{"."})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{
		"q.Fill":  {"forall k int :: 0 <= k && k < i ==> a[k] == v"},
		"q.Index": {"forall k int :: 0 <= k && k < i ==> a[k] != x", "i <= len(a)"},
	}
	for _, tg := range prog.Targets {
		site := prog.inferSites(tg)[0]
		got := prog.loopCandidates(tg, site.stmt)
		for _, w := range want[tg.Short] {
			if !slices.Contains(got, w) {
				t.Errorf("%s: candidate %q missing from %q", tg.Short, w, got)
			}
			if prog.checkCandidate(tg, site, 0, w) == nil {
				t.Errorf("%s: candidate %q does not type-check", tg.Short, w)
			}
		}
	}
}

// TestInvariantEdits checks that --write-invariants inserts the lines
// above the loop, indented like it, keeping the file gofmt-clean, and
// only for proved functions.
func TestInvariantEdits(t *testing.T) {
	prog, tg, stmt := inferTarget(t, "infer.CountUp")
	res := []*FuncResult{{Target: tg, Verdict: Proved, Inferred: []InferredLoop{{Pos: stmt.Pos(), Invariants: []string{"c == i", "i <= n"}}}}}
	edits, err := prog.InvariantEdits(res)
	if err != nil {
		t.Fatal(err)
	}
	if len(edits) != 1 || edits[0].Loops != 1 {
		t.Fatalf("edits = %+v, want one file with one loop", edits)
	}
	out := string(edits[0].Content)
	if !strings.Contains(out, "\tc := 0\n\t//vsynth:invariant c == i\n\t//vsynth:invariant i <= n\n\tfor i := 0; i < n; i++ {") {
		t.Errorf("invariants not written above the loop:\n%s", out)
	}
	if formatted, err := gofmt.Source(edits[0].Content); err != nil || string(formatted) != out {
		t.Errorf("the edited file is not gofmt-clean (err %v)", err)
	}
	res[0].Verdict = Unknown
	if edits, _ := prog.InvariantEdits(res); len(edits) != 0 {
		t.Errorf("invariants written for a function that is not proved: %+v", edits)
	}
}
