package synth

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/vsynth/vsynth/synth/rules"
)

// TestWeightsExtra: no hints, no extra cost; hinted productions cost
// their size, the others at most MaxPenalty more; chain rules nothing.
func TestWeightsExtra(t *testing.T) {
	g := &Grammar{NTs: []*Nonterminal{{Name: "I", Type: IntType(8, false)}}}
	x := LeafProd(&Term{Op: OpParam, Type: IntType(8, false)})
	g.NTs[0].Prods = []*Prod{x, OpProd(OpAdd, IntType(8, false), 0, 0), OpProd(OpAnd, IntType(8, false), 0, 0), OpProd(OpNeg, IntType(8, false), 0)}
	w := &Weights{}
	if w.Extra(g) != nil {
		t.Fatal("extra costs without hints")
	}
	for range 7 {
		w.Hint([]ProdRef{{0, 0}, {0, 1}})
	}
	w.Hint([]ProdRef{{0, 2}})
	extra := w.Extra(g)
	// uses 7, 7, 1, 0: floor(log2(8/8)) = 0, 0; floor(log2(8/2)) = 2; floor(log2(8/1)) = 3 -> 2
	want := []int{0, 0, 2, 2}
	for i, e := range extra[0] {
		if e != want[i] {
			t.Errorf("extra %v, want %v", extra[0], want)
			break
		}
	}
}

// TestWeightedSearchComplete: with the productions of the answer
// penalized, the weighted enumeration still finds it, and does not claim
// minimality; an infeasible problem stays infeasible.
func TestWeightedSearchComplete(t *testing.T) {
	target := loadVspec(t, "../examples/synth/bitops.vspec")[0] // IsolateLowest: x & -x
	p := target.Problem
	w := &Weights{}
	// Hint everything but & and neg.
	for nt, sym := range p.Grammar.NTs {
		for pi, prod := range sym.Prods {
			if prod.Tmpl.Op != OpAnd && prod.Tmpl.Op != OpNeg {
				for range 8 {
					w.Hint([]ProdRef{{nt, pi}})
				}
			}
		}
	}
	res, err := Enum{Weights: w}.Solve(context.Background(), p, Budget{Timeout: 60 * time.Second, MaxSize: 12})
	if err != nil {
		t.Fatal(err)
	}
	if res.Verdict != Solved || res.Minimal {
		t.Fatalf("verdict %s minimal %v, want solved and not claimed minimal", res.Verdict, res.Minimal)
	}
	t.Logf("weighted: %s (size %d), %d candidates", res.Term, res.Size, res.Candidates)
	// A finite grammar without an answer: exhausted under weights too.
	g := &Grammar{NTs: []*Nonterminal{{Name: "I", Type: p.Result}}}
	g.NTs[0].Prods = []*Prod{LeafProd(&Term{Op: OpParam, Type: p.Result}), LeafProd(&Term{Op: OpConst, Type: p.Result, Value: 1})}
	q := *p
	q.Grammar, q.Reference, q.Realizable = g, nil, nil
	w2 := &Weights{}
	w2.Hint([]ProdRef{{0, 1}})
	res, err = Enum{Weights: w2}.Solve(context.Background(), &q, Budget{Timeout: 60 * time.Second, MaxSize: 12})
	if err != nil {
		t.Fatal(err)
	}
	if res.Verdict != Infeasible {
		t.Fatalf("verdict %s (%s), want infeasible", res.Verdict, res.Reason)
	}
}

// TestWeightedSearchWithRules: rule pruning defers to terms with fewer
// operators, which under weights may cost more (a later level, or past
// the cap), so it is off while costs are in force; the weighted search
// with the shipped rules still finds the answer, and a cap on costs is
// reported as one.
func TestWeightedSearchWithRules(t *testing.T) {
	set, err := rules.Shipped()
	if err != nil {
		t.Fatal(err)
	}
	target := loadVspec(t, "../examples/synth/bitops.vspec")[0] // IsolateLowest: x & -x
	p := target.Problem
	w := &Weights{}
	for nt, sym := range p.Grammar.NTs {
		for pi, prod := range sym.Prods {
			if prod.Tmpl.Op != OpAnd && prod.Tmpl.Op != OpNeg {
				for range 8 {
					w.Hint([]ProdRef{{nt, pi}})
				}
			}
		}
	}
	res, err := Enum{Weights: w, Rules: set}.Solve(context.Background(), p, Budget{Timeout: 60 * time.Second, MaxSize: 12})
	if err != nil {
		t.Fatal(err)
	}
	if res.Verdict != Solved || res.Pruned != 0 {
		t.Fatalf("verdict %s, %d pruned: want solved with pruning off under weights", res.Verdict, res.Pruned)
	}
	q := *p
	q.Reference = nil
	res, err = Enum{Weights: w, Rules: set}.Solve(context.Background(), &q, Budget{Timeout: 60 * time.Second, MaxSize: 2})
	if err != nil {
		t.Fatal(err)
	}
	if res.Verdict != Unsolved || !strings.Contains(res.Reason, "cost") {
		t.Fatalf("verdict %s (%s), want unsolved, reported as a cap on costs", res.Verdict, res.Reason)
	}
}
