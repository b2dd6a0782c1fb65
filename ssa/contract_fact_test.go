package ssa

import (
	"path/filepath"

	"github.com/vsynth/vsynth/specs"

	"go/types"
	"testing"
)

// TestContractSourceRoundTrip exports every contract of the prove corpus
// as the .vspec file a fact carries and checks it again against the
// function's package, as an importing package's load does: every
// contract the corpus writes (directives and .vspec files, methods,
// quantifiers, old, mathint, implicit math imports) survives the trip, or
// the test names the one that does not.
func TestContractSourceRoundTrip(t *testing.T) {
	prog, err := Load(LoadConfig{Dir: filepath.Join("..", "testdata", "prove")}, []string{"./..."})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, tg := range prog.Targets {
		if tg.Func == nil || prog.contracts[tg.Func] != tg {
			continue
		}
		n++
		src, err := prog.contractSource(tg)
		if err != nil {
			t.Errorf("%s: rendering its contract: %v", tg.Name, err)
			continue
		}
		checked, err := prog.foreignSpec(tg, tg.Func.Object().(*types.Func), src, prog.imp)
		if err != nil {
			t.Errorf("%s: its exported contract does not check:\n%s\n%v", tg.Name, src, err)
			continue
		}
		// The exported contract carries requires, ensures and the frame.
		frames := 0
		for _, c := range tg.Spec.Func.Clauses {
			if c.Kind == specs.Modifies {
				frames++
			}
		}
		if got, want := len(checked.Func.Clauses), len(tg.Spec.Func.Requires())+len(tg.Spec.Func.Ensures())+frames; got != want {
			t.Errorf("%s: %d clauses after the trip, want %d:\n%s", tg.Name, got, want, src)
		}
	}
	if n < 50 {
		t.Fatalf("only %d contracts in the corpus", n)
	}
	t.Logf("%d contracts exported and checked again", n)
}
