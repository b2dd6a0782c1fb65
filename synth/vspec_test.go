package synth

import (
	"context"
	"go/token"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/vsynth/vsynth/internal/testlimits"
	"github.com/vsynth/vsynth/specs"
)

func loadVspec(t *testing.T, name string) []*VspecTarget {
	t.Helper()
	src, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	f, err := specs.ParseFile(fset, name, src)
	if err != nil {
		t.Fatal(err)
	}
	targets, err := FromVspec(fset, f, &Prover{Limits: testlimits.Limits})
	if err != nil {
		t.Fatal(err)
	}
	return targets
}

// TestSynthExample solves the example's synth funcs and checks the
// known smallest sizes.
func TestSynthExample(t *testing.T) {
	want := map[string]int{"bitops.IsolateLowest": 2, "bitops.ClearLowest": 2, "bitops.Average": 4, "bitops.Max": 2}
	for _, target := range loadVspec(t, "../examples/synth/bitops.vspec") {
		res, err := Enum{}.Solve(context.Background(), target.Problem, Budget{Timeout: 60 * time.Second, MaxSize: 8})
		if err != nil {
			t.Fatal(err)
		}
		if res.Verdict != Solved {
			t.Errorf("%s: %s (%s)", target.Problem.Name, res.Verdict, res.Reason)
			continue
		}
		t.Logf("%s: size %d, %d candidates, %d proofs, %v\n%s", target.Problem.Name, res.Size, res.Candidates, res.Proofs, res.Time, target.GoCode(res.Term))
		if res.Size != want[target.Problem.Name] || !res.Minimal {
			t.Errorf("%s: size %d (minimal %v), want %d", target.Problem.Name, res.Size, res.Minimal, want[target.Problem.Name])
		}
	}
}

// TestPruneHook checks the enumerator's pruning seam: with every term
// using neg pruned, the smallest program is the next one.
func TestPruneHook(t *testing.T) {
	targets := loadVspec(t, "../examples/synth/bitops.vspec")
	target := targets[0] // IsolateLowest
	usesNeg := func(t *Term) bool {
		if t.Op == OpNeg {
			return true
		}
		for _, a := range t.Args {
			if a.Op == OpNeg {
				return true
			}
		}
		return false
	}
	res, err := Enum{Prune: usesNeg}.Solve(context.Background(), target.Problem, Budget{Timeout: 60 * time.Second, MaxSize: 8})
	if err != nil {
		t.Fatal(err)
	}
	got := target.GoCode(res.Term)
	if res.Verdict != Solved || !strings.Contains(got, "return x & (0 - x)") {
		t.Errorf("verdict %s, code\n%s\nwant x & (0 - x)", res.Verdict, got)
	}
}

// TestStrategySeam: Enum is a Strategy.
var _ Strategy = Enum{}
