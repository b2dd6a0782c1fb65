package synth

import (
	"context"
	"os"
	"testing"
)

// TestRulePruningCeiling measures how much any rule set could prune in
// the CEGIS enumerator (see Census), on the grammar of the hd-19
// benchmarks (& ^ << >> over three uint32 parameters, no constants) with
// the CEGIS seed inputs as points, and checks that every combination the
// shipped rules skip computes a program the enumeration evaluates. Up to
// size 4 by default, 5 with VSYNTH_LONG=1 (the figure in docs/rules.md).
func TestRulePruningCeiling(t *testing.T) {
	maxSize := 4
	if os.Getenv("VSYNTH_LONG") != "" {
		maxSize = 5
	}
	typ := IntType(32, false)
	g := &Grammar{NTs: []*Nonterminal{{Name: "Start", Type: typ}}}
	var vars []Param
	for i := range 3 {
		g.NTs[0].Prods = append(g.NTs[0].Prods, LeafProd(&Term{Op: OpParam, Type: typ, Param: i}))
		vars = append(vars, Param{Type: typ})
	}
	for _, op := range []Op{OpAnd, OpXor, OpShl, OpShr} {
		g.NTs[0].Prods = append(g.NTs[0].Prods, OpProd(op, typ, 0, 0))
	}
	p := &Problem{Grammar: g, Params: vars, Vars: vars}
	var floor int64 = -1
	for _, name := range []string{"none", "seed", "all"} {
		set, err := RuleSet(name)
		if err != nil {
			t.Fatal(err)
		}
		c := &Census{Checks: 400}
		c.Take(context.Background(), p, set, maxSize)
		if c.SkippedUnevaluated != 0 {
			t.Errorf("%s: %d skipped combinations compute no program that is evaluated", name, c.SkippedUnevaluated)
		}
		if name != "none" && c.Skipped == 0 {
			t.Errorf("%s: nothing skipped", name)
		}
		// Rules skip only duplicates here, so every rule set evaluates
		// each program at least once.
		if f := c.Evaluated - c.Duplicates; floor < 0 {
			floor = f
		} else if f != floor {
			t.Errorf("%s: %d distinct programs evaluated, %d without rules", name, f, floor)
		}
		t.Logf("rules %s, up to size %d: %d combinations evaluated, %d skipped; %d (%.1f%%) of the evaluated equal an earlier one",
			name, maxSize, c.Evaluated, c.Skipped, c.Duplicates, 100*float64(c.Duplicates)/float64(c.Evaluated))
	}
}
