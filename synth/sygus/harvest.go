package sygus

import (
	"sort"

	"github.com/vsynth/vsynth/synth"
)

// anyConst is a (Constant (_ BitVec n)) rule of a nonterminal: any
// constant of the width.
type anyConst struct {
	nt *synth.Nonterminal
	t  synth.Type
}

// maxHarvested bounds the constants a (Constant (_ BitVec n)) rule
// stands for: examples can hold thousands of values.
const maxHarvested = 32

// harvest gives each (Constant (_ BitVec n)) rule its constants: vsynth
// does not solve for constants, it takes those of the problem — 0, 1,
// all ones, the sign bit, and the constants of the width in the
// constraints (define-fun bodies included), the most frequent first.
// An answer needing another constant is not found; none is wrong, since
// every answer is still proved.
func (ps *parser) harvest() {
	if len(ps.anyConst) == 0 {
		return
	}
	count := map[int]map[uint64]int{} // width -> value -> occurrences
	var walk func(t *synth.Term)
	walk = func(t *synth.Term) {
		if t.Op == synth.OpConst && !t.Type.Bool {
			if count[t.Type.Width] == nil {
				count[t.Type.Width] = map[uint64]int{}
			}
			count[t.Type.Width][t.Value]++
		}
		for _, a := range t.Args {
			walk(a)
		}
	}
	walk(ps.p.Constraint)
	for _, args := range ps.p.Invocations {
		for _, a := range args {
			walk(a)
		}
	}
	for _, ac := range ps.anyConst {
		t := ac.t
		vals := []uint64{0, 1, t.Mask(), 1 << uint(t.Width-1)}
		byCount := count[t.Width]
		var found []uint64
		for v := range byCount {
			found = append(found, v)
		}
		sort.Slice(found, func(i, j int) bool {
			if byCount[found[i]] != byCount[found[j]] {
				return byCount[found[i]] > byCount[found[j]]
			}
			return found[i] < found[j]
		})
		vals = append(vals, found...)
		seen := map[uint64]bool{}
		for _, p := range ac.nt.Prods { // constants the rule list already has
			if p.Tmpl.Op == synth.OpConst && p.Tmpl.Hole < 0 {
				seen[p.Tmpl.Value] = true
			}
		}
		added := 0
		for _, v := range vals {
			if seen[v] || added == maxHarvested {
				continue
			}
			seen[v] = true
			added++
			ac.nt.Prods = append(ac.nt.Prods, synth.LeafProd(&synth.Term{Op: synth.OpConst, Type: t, Value: v, Sym: literal(v, t)}))
		}
	}
}
