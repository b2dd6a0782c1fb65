package synth

import "testing"

// TestJITPriorScaled: a production's extra cost shrinks by the best
// fraction of the inputs met by a program using it; new subsets only are
// rewarded; an unrewarded production keeps the prior's cost.
func TestJITPriorScaled(t *testing.T) {
	u8 := IntType(8, false)
	g := &Grammar{NTs: []*Nonterminal{{Name: "S", Type: u8}}}
	g.NTs[0].Prods = []*Prod{LeafProd(&Term{Op: OpParam, Type: u8}), OpProd(OpAdd, u8, 0, 0), OpProd(OpAnd, u8, 0, 0)}
	s := &search{g: g, ents: []entry{{nt: 0, prod: 0}, {nt: 0, prod: 1, kids: [3]int32{0, 0}}}}
	srch := &Search{s: s}
	j := newJITPrior()
	extra := [][]int{{0, 3, 3}}
	if got := j.scaled(extra); got[0][1] != 3 || got[0][2] != 3 {
		t.Fatalf("no rewards, scaled %v", got)
	}
	j.met(srch, 1, []bool{true, true, false, false}) // x + x meets half
	j.met(srch, 1, []bool{true, true, false, false}) // the same subset: no more reward
	if got := j.scaled(extra); got[0][1] != 2 || got[0][2] != 3 {
		t.Errorf("after a half fit, scaled %v, want [0 2 3]", got) // round(3 * 0.5) = 2
	}
	j.met(srch, 1, []bool{true, true, true, false})
	if got := j.scaled(extra); got[0][1] != 1 {
		t.Errorf("after a 3/4 fit, scaled %v, want + at 1", got) // round(0.75) = 1
	}
	j.met(srch, 1, []bool{false, false, false, false}) // meets nothing: no reward
	if len(j.seen) != 2 {
		t.Errorf("subsets seen %d, want 2", len(j.seen))
	}
}
