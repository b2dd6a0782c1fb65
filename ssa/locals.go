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
		fn := b.Parent()
		for _, p := range fn.Params {
			if p.Object() == lf.v {
				val = p
			}
		}
		// A named result starts as its type's zero value, which go/ssa
		// gives no debug reference.
		res := fn.Signature.Results()
		for i := 0; i < res.Len() && val == nil; i++ {
			if res.At(i) == lf.v {
				val = zeroConst(lf.v.Type())
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

// zeroConst is the zero value of t as go/ssa writes it: a constant with
// the zero value for basic types, without one for the others.
func zeroConst(t types.Type) *gossa.Const {
	var v constant.Value
	if b, ok := t.Underlying().(*types.Basic); ok {
		switch info := b.Info(); {
		case info&types.IsBoolean != 0:
			v = constant.MakeBool(false)
		case info&types.IsString != 0:
			v = constant.MakeString("")
		case info&types.IsInteger != 0:
			v = constant.MakeInt64(0)
		case info&types.IsFloat != 0:
			v = constant.MakeFloat64(0)
		case info&types.IsComplex != 0:
			v = constant.MakeImag(constant.MakeInt64(0))
		}
	}
	return gossa.NewConst(v, t)
}

// localAddr returns the address of variable v when v lives in memory
// (its address is taken, or it is an array indexed by a variable): one
// object for the whole function, whose debug references are addresses.
// It is nil when v is held as values, or declared more than once (in a
// loop: one object per iteration).
func localAddr(fn *gossa.Function, v *types.Var) gossa.Value {
	var addr gossa.Value
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			ref, ok := instr.(*gossa.DebugRef)
			if !ok || ref.Object() != v {
				continue
			}
			if !ref.IsAddr {
				return nil
			}
			alloc, ok := ref.X.(*gossa.Alloc)
			if !ok || addr != nil && addr != gossa.Value(alloc) {
				return nil
			}
			addr = alloc
		}
	}
	if alloc, ok := addr.(*gossa.Alloc); ok && inLoop(alloc.Block()) {
		return nil
	}
	return addr
}

// inLoop reports whether b lies on a cycle of its function (a variable
// allocated there is a new object each time around).
func inLoop(b *gossa.BasicBlock) bool {
	seen := map[*gossa.BasicBlock]bool{}
	work := append([]*gossa.BasicBlock(nil), b.Succs...)
	for len(work) > 0 {
		x := work[len(work)-1]
		work = work[:len(work)-1]
		if x == b {
			return true
		}
		if seen[x] {
			continue
		}
		seen[x] = true
		work = append(work, x.Succs...)
	}
	return false
}
