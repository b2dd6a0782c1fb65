package gentest

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vsynth/vsynth/internal/testlimits"
	"github.com/vsynth/vsynth/internal/testmod"
	"github.com/vsynth/vsynth/internal/testsolver"
	"github.com/vsynth/vsynth/ssa"
)

// TestGenBounded generates loops whose invariants are too weak for an
// inductive proof, with a bug (a postcondition or an invariant broken
// after m iterations) or without one, and checks what bounded model
// checking makes of them: failed, with a counterexample Go confirms,
// exactly when the bug is reached within the unrolling bound; otherwise
// the inductive verdict stays, with the bound searched in its reason.
// A correct function is never refuted. VSYNTH_LONG=1 generates more.
func TestGenBounded(t *testing.T) {
	n := 6
	if os.Getenv("VSYNTH_LONG") != "" {
		n = 40
	}
	rng := rand.New(rand.NewPCG(testmod.EnvUint(t, "VSYNTH_MUTANT_SEED", 1), 18))
	const bound = 8
	type gen struct {
		name  string
		found bool // a counterexample within the bound exists
		buggy bool
	}
	var gens []gen
	var src strings.Builder
	src.WriteString("package p\n")
	for j := range n {
		step := 1 + rng.IntN(5)
		m := 1 + rng.IntN(2*bound) // the iteration after which the bug shows
		buggy := rng.IntN(4) != 0
		target := step * m
		if !buggy {
			target = -1 // s never is
			if step > 1 {
				target = step*m + 1 + rng.IntN(step-1) // not a multiple of step
			}
		}
		loop := fmt.Sprintf("for i := 0; i < n; i++ {\n\t\ts += %d\n\t}", step)
		if rng.IntN(2) == 0 {
			loop = fmt.Sprintf("i := 0\n\t//vsynth:invariant 0 <= i && i <= n\n\tfor i < n {\n\t\ts += %d\n\t\ti++\n\t}", step)
		} else {
			loop = "//vsynth:invariant 0 <= i && i <= n\n\t" + loop
		}
		name := fmt.Sprintf("F%d", j)
		if rng.IntN(2) == 0 {
			// The bug is the postcondition.
			fmt.Fprintf(&src, "\n//vsynth:requires 0 <= n && n <= 40\n//vsynth:ensures result != %d\nfunc %s(n int) int {\n\ts := 0\n\t%s\n\treturn s\n}\n", target, name, loop)
		} else {
			// The bug is an invariant: s stays below target.
			loop = strings.Replace(loop, "//vsynth:invariant 0 <= i && i <= n", fmt.Sprintf("//vsynth:invariant 0 <= i && i <= n\n\t//vsynth:invariant s != %d", target), 1)
			fmt.Fprintf(&src, "\n//vsynth:requires 0 <= n && n <= 40\nfunc %s(n int) int {\n\ts := 0\n\t%s\n\treturn s\n}\n", name, loop)
		}
		gens = append(gens, gen{name: "p." + name, found: buggy && m <= bound, buggy: buggy})
	}
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "p"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module example.com/gen\n\ngo 1.24\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "p", "p.go"), []byte(src.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	prog, err := ssa.Load(ssa.LoadConfig{Dir: dir}, []string{"./..."})
	if err != nil {
		t.Fatalf("load: %v\n%s", err, src.String())
	}
	results, err := prog.Prove(context.Background(), prog.Targets, ssa.Options{Limits: testlimits.Limits, NewSolver: testsolver.New, Unroll: bound})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := prog.Confirm(context.Background(), results, ssa.ConfirmOptions{}); err != nil {
		t.Fatal(err)
	}
	by := map[string]*ssa.FuncResult{}
	for _, r := range results {
		by[r.Target.Short] = r
	}
	found := 0
	for _, g := range gens {
		r := by[g.name]
		if r == nil {
			t.Fatalf("%s: no result", g.name)
		}
		ob, _ := r.Counterexample()
		switch {
		case r.Verdict == ssa.Proved:
			t.Errorf("%s: proved with a weak invariant", g.name)
		case g.found && (r.Verdict != ssa.Failed || ob.Unrolled != bound || ob.Confirmation != ssa.Confirmed):
			t.Errorf("%s: a bug within %d iterations is %s (%s)", g.name, bound, r.Verdict, r.Reason)
		case !g.buggy && r.Verdict == ssa.Failed:
			t.Errorf("%s: a correct function is refuted", g.name)
		case !g.found && (r.Verdict != ssa.Unknown || !strings.Contains(r.Reason, fmt.Sprintf("up to %d iterations", bound))):
			t.Errorf("%s: %s, want unknown with the bound searched (%s)", g.name, r.Verdict, r.Reason)
		}
		if g.found {
			found++
		}
	}
	if t.Failed() {
		t.Logf("source:\n%s", src.String())
	}
	t.Logf("%d generated loops, %d with a bug within the bound", len(gens), found)
}
