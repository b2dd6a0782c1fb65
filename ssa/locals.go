package ssa

import (
	"go/constant"
	"go/token"
	"go/types"

	gossa "golang.org/x/tools/go/ssa"
)

// Loop invariants name source variables; go/ssa has replaced variables by
// values. The value a variable holds at a point is recovered from the
// DebugRef instructions the builder emits (in GlobalDebug mode) at every
// assignment and use, and from the phis that lifting placed where
// assignments meet, which carry the variable's name.

// localAt returns the value variable v holds when control enters block b.
func (f *frame) localAt(b *gossa.BasicBlock, v *types.Var) (gossa.Value, bool) {
	lf := &localFinder{v: v, loops: f.loops, start: map[*gossa.BasicBlock]gossa.Value{}, busy: map[*gossa.BasicBlock]bool{}}
	val := lf.atStart(b)
	return val, val != nil
}

type localFinder struct {
	v     *types.Var
	loops *loopForest
	start map[*gossa.BasicBlock]gossa.Value
	busy  map[*gossa.BasicBlock]bool
}

// atEnd is the value of the variable at the end of b, or nil.
func (lf *localFinder) atEnd(b *gossa.BasicBlock) gossa.Value {
	for i := len(b.Instrs) - 1; i >= 0; i-- {
		if ref, ok := b.Instrs[i].(*gossa.DebugRef); ok && !ref.IsAddr && ref.Object() == lf.v {
			return ref.X
		}
	}
	return lf.atStart(b)
}

// atStart is the value of the variable on entry to b, or nil when it
// cannot be told (the variable is not declared there, or it is dead and
// lifting placed no phi for it).
func (lf *localFinder) atStart(b *gossa.BasicBlock) gossa.Value {
	if v, ok := lf.start[b]; ok {
		return v
	}
	if lf.busy[b] {
		return nil
	}
	lf.busy[b] = true
	defer delete(lf.busy, b)
	var val gossa.Value
	if b.Index == 0 {
		for _, p := range b.Parent().Params {
			if p.Object() == lf.v {
				val = p
			}
		}
		lf.start[b] = val
		return val
	}
	// The values flowing in along forward edges.
	in := make([]gossa.Value, len(b.Preds))
	for k, p := range b.Preds {
		if b.Dominates(p) {
			continue // a back edge
		}
		in[k] = lf.atEnd(p)
	}
	for _, instr := range b.Instrs {
		phi, ok := instr.(*gossa.Phi)
		if !ok {
			break
		}
		if phi.Comment != lf.v.Name() {
			continue
		}
		matched := false
		consistent := true
		for k, x := range in {
			if x == nil {
				continue
			}
			if sameValue(phi.Edges[k], x) {
				matched = true
			} else {
				consistent = false
			}
		}
		if matched && consistent {
			val = phi
			break
		}
	}
	if val == nil {
		// No phi: every forward edge must bring the same value, and a
		// loop headed here must not assign the variable.
		for k, x := range in {
			if b.Dominates(b.Preds[k]) {
				continue
			}
			if x == nil || (val != nil && !sameValue(x, val)) {
				val = nil
				break
			}
			val = x
		}
		if val != nil && lf.assignedIn(b, val) {
			val = nil // assigned in the loop, but dead at its head: no phi to tell
		}
	}
	lf.start[b] = val
	return val
}

// assignedIn reports whether the variable takes a value other than val in
// a loop whose header is b.
func (lf *localFinder) assignedIn(b *gossa.BasicBlock, val gossa.Value) bool {
	for _, lp := range lf.loops.loops {
		if lp.header != b {
			continue
		}
		for blk := range lp.blocks {
			for _, instr := range blk.Instrs {
				if ref, ok := instr.(*gossa.DebugRef); ok && ref.Object() == lf.v && !sameValue(ref.X, val) {
					return true
				}
			}
		}
	}
	return false
}

// sameValue reports whether two values are the same: the same SSA value,
// or equal constants of identical types (go/ssa makes a Const per use).
func sameValue(a, b gossa.Value) bool {
	if a == b {
		return true
	}
	ca, ok1 := a.(*gossa.Const)
	cb, ok2 := b.(*gossa.Const)
	if !ok1 || !ok2 || !types.Identical(ca.Type(), cb.Type()) {
		return false
	}
	if ca.Value == nil || cb.Value == nil {
		return ca.Value == nil && cb.Value == nil
	}
	return constant.Compare(ca.Value, token.EQL, cb.Value)
}
