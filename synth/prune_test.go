package synth

import (
	"context"
	"testing"
	"time"
)

// TestRulePrunerAdapter checks which terms the rule pruner skips in a
// uint32 grammar of + and & over x with the constant 0: a term with a
// rule rewriting it to a smaller term of the grammar is skipped; one
// whose smaller form the grammar cannot build (x + x => x << 1) is kept.
func TestRulePrunerAdapter(t *testing.T) {
	set, err := RuleSet("seed")
	if err != nil {
		t.Fatal(err)
	}
	u32 := IntType(32, false)
	g := &Grammar{NTs: []*Nonterminal{{Name: "Start", Type: u32}}}
	x := &Term{Op: OpParam, Type: u32}
	zero := &Term{Op: OpConst, Type: u32}
	g.NTs[0].Prods = []*Prod{LeafProd(x), LeafProd(zero), OpProd(OpAdd, u32, 0, 0), OpProd(OpAnd, u32, 0, 0)}
	pr := NewRulePruner(set, &Problem{Grammar: g})
	if pr == nil {
		t.Fatal("no pruner for a uint32 grammar")
	}
	bin := func(op Op, a, b *Term) *Term { return &Term{Op: op, Type: u32, Args: []*Term{a, b}} }
	cases := []struct {
		term *Term
		want bool
	}{
		{bin(OpAdd, x, zero), true},                                // add-zero
		{bin(OpAnd, x, x), true},                                   // and-self
		{bin(OpAnd, bin(OpAdd, x, x), zero), true},                 // and-zero
		{bin(OpAdd, x, x), false},                                  // x << 1 is not in the grammar
		{bin(OpAnd, x, bin(OpAdd, x, x)), false},                   // irreducible
		{&Term{Op: OpUDiv, Type: u32, Args: []*Term{x, x}}, false}, // not a Go operator
	}
	for _, c := range cases {
		if got := pr.Prune(c.term); got != c.want {
			t.Errorf("Prune(%v) = %v, want %v", c.term, got, c.want)
		}
	}
	if got := pr.Pruned(); got != 3 {
		t.Errorf("Pruned() = %d, want 3", got)
	}
	if NewRulePruner(nil, &Problem{Grammar: g}) != nil {
		t.Error("a pruner without rules")
	}
	if _, err := RuleSet("most"); err == nil {
		t.Error("RuleSet accepted an unknown name")
	}
}

// TestRulePruningKeepsMinimal solves the example's synth funcs with
// the shipped rules: the known smallest programs are still found, rules
// prune some terms, and no more terms are evaluated than without rules.
func TestRulePruningKeepsMinimal(t *testing.T) {
	want := map[string]int{"bitops.IsolateLowest": 2, "bitops.ClearLowest": 2, "bitops.Average": 4, "bitops.Max": 2}
	all, err := RuleSet("all")
	if err != nil {
		t.Fatal(err)
	}
	var pruned int64
	for _, target := range loadVspec(t, "../examples/synth/bitops.vspec") {
		b := Budget{Timeout: 60 * time.Second, MaxSize: 8}
		plain, err := Enum{}.Solve(context.Background(), target.Problem, b)
		if err != nil {
			t.Fatal(err)
		}
		res, err := Enum{Rules: all}.Solve(context.Background(), target.Problem, b)
		if err != nil {
			t.Fatal(err)
		}
		name := target.Problem.Name
		if res.Verdict != Solved || res.Size != want[name] || !res.Minimal {
			t.Errorf("%s with rules: %s size %d (minimal %v), want size %d", name, res.Verdict, res.Size, res.Minimal, want[name])
			continue
		}
		t.Logf("%s: %d candidates with rules (%d pruned), %d without", name, res.Candidates, res.Pruned, plain.Candidates)
		if res.Candidates > plain.Candidates {
			t.Errorf("%s: %d candidates with rules, %d without", name, res.Candidates, plain.Candidates)
		}
		pruned += res.Pruned
	}
	if pruned == 0 {
		t.Error("the shipped rules pruned nothing on bitops.vspec")
	}
}
