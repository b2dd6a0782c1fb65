package ssa

import (
	"go/token"
	"go/types"

	gossa "golang.org/x/tools/go/ssa"

	"github.com/vsynth/vsynth/smt"
)

// Function values. A function value the lowering meets — a function used
// as a value, or a closure made by MakeClosure — is a number: its index
// in the lowering's table of function values, which holds the function
// and the values of its free variables (go/ssa captures a variable by
// its address, an Alloc'd cell, so a closure shares the variable with
// its maker as Go does). Nil is 0. A phi of function values is an
// if-then-else of numbers, so a call of a function value dispatches over
// the leaves of that term: each known function value is inlined under
// the condition that it is the one called, a nil leaf is a nil obligation,
// and a leaf that is not a known number (a function value that came from
// a parameter, from memory or from a loop's arbitrary state) leaves the
// call unsupported. Function values never go to memory (layoutOf has no
// layout for them) and are not parameters or results of a target.

// funcWidth is the width of a function value's number.
const funcWidth = 32

// funcValue is a function value made during the lowering.
type funcValue struct {
	fn   *gossa.Function
	free []*smt.Term // the values of fn.FreeVars
}

// isFunc reports whether t is a function type.
func isFunc(t types.Type) bool {
	_, ok := t.Underlying().(*types.Signature)
	return ok
}

// funcSort is the sort of function values' numbers.
var funcSort = smt.BitVecSort(funcWidth)

// valueSort is sortOf extended to function values, which exist inside a
// lowering only.
func valueSort(t types.Type) (smt.Sort, bool) {
	if isFunc(t) {
		return funcSort, true
	}
	return sortOf(t)
}

// funcNumber records fv and returns its number.
func (l *lowering) funcNumber(fv funcValue) *smt.Term {
	if len(fv.free) == 0 {
		if n, ok := l.funcIDs[fv.fn]; ok {
			return smt.BVUint(funcWidth, uint64(n))
		}
	}
	l.funcs = append(l.funcs, fv)
	n := len(l.funcs)
	if len(fv.free) == 0 {
		if l.funcIDs == nil {
			l.funcIDs = map[*gossa.Function]int{}
		}
		l.funcIDs[fv.fn] = n
	}
	return smt.BVUint(funcWidth, uint64(n))
}

// funcValueOf lowers the values of function type; ok is false for the
// others.
func (f *frame) funcValueOf(v gossa.Value) (*smt.Term, bool, error) {
	switch v := v.(type) {
	case *gossa.Function:
		if len(v.FreeVars) > 0 {
			return nil, true, unsupported(v.Pos(), "function value %s with free variables", v.Name())
		}
		return f.l.funcNumber(funcValue{fn: v}), true, nil
	case *gossa.MakeClosure:
		fn := v.Fn.(*gossa.Function)
		free := make([]*smt.Term, len(v.Bindings))
		for i, b := range v.Bindings {
			if fn.Parent() != nil && !capturedCell(b) {
				// addrOf takes a function literal's free variables for
				// the addresses of the variables they capture.
				return nil, true, unsupported(v.Pos(), "closure capturing %s, not a variable", b.Name())
			}
			t, err := f.value(b)
			if err != nil {
				return nil, true, err
			}
			free[i] = t
		}
		return f.l.funcNumber(funcValue{fn: fn, free: free}), true, nil
	case *gossa.Const:
		if isFunc(v.Type()) && v.Value == nil {
			return smt.BVUint(funcWidth, 0), true, nil
		}
	case *gossa.ChangeType:
		if isFunc(v.Type()) {
			t, err := f.value(v.X)
			return t, true, err
		}
	case *gossa.BinOp:
		if isFunc(v.X.Type()) && (v.Op == token.EQL || v.Op == token.NEQ) {
			x, err := f.value(v.X)
			if err != nil {
				return nil, true, err
			}
			y, err := f.value(v.Y)
			if err != nil {
				return nil, true, err
			}
			eq := smt.Eq(x, y) // one side is nil: Go compares functions with nil only
			if v.Op == token.NEQ {
				eq = smt.Not(eq)
			}
			return eq, true, nil
		}
	}
	return nil, false, nil
}

// funcLeaf is one function value a call may call: n under cond.
type funcLeaf struct {
	cond *smt.Term
	n    uint64
}

// funcLeaves lists the numbers t, a function value's term, can be, each
// with the condition under which it is; ok is false when a leaf is not
// a number.
func funcLeaves(t *smt.Term, other func(*smt.Term) ([]funcLeaf, bool)) ([]funcLeaf, bool) {
	var out []funcLeaf
	var walk func(t, cond *smt.Term) bool
	walk = func(t, cond *smt.Term) bool {
		switch {
		case cond.IsFalse():
			return true
		case t.IsConst():
			for i := range out {
				if out[i].n == t.Value().Uint64() {
					out[i].cond = smt.Or(out[i].cond, cond)
					return true
				}
			}
			out = append(out, funcLeaf{cond, t.Value().Uint64()})
			return true
		case t.Op() == smt.OpIte:
			a := t.Args()
			return walk(a[1], smt.And(cond, a[0])) && walk(a[2], smt.And(cond, smt.Not(a[0])))
		}
		if other == nil {
			return false
		}
		ls, ok := other(t)
		for _, lf := range ls {
			walk(smt.BVUint(funcWidth, lf.n), smt.And(cond, lf.cond))
		}
		return ok
	}
	ok := walk(t, smt.True())
	return out, ok
}

// callValue lowers a call of a function value: each function it may be
// is called under the condition that it is, and the results, the guard
// and the memory are merged.
func (f *frame) callValue(pos token.Pos, t *smt.Term, args []*smt.Term, results *types.Tuple) ([]*smt.Term, error) {
	leaves, ok := funcLeaves(t, f.l.funcParamLeaves)
	if !ok {
		return nil, unsupported(pos, "call of a function value not known at the call site (from a parameter, memory or a loop's arbitrary state)")
	}
	for _, lf := range leaves {
		if lf.n == 0 {
			f.require(pos, []hazard{{Nil, lf.cond, "runtime error: invalid memory address or nil pointer dereference"}})
		}
	}
	g0, m0 := f.guard, f.mem
	var normals []*smt.Term
	var mems []memory
	var outs [][]*smt.Term
	for _, lf := range leaves {
		if lf.n == 0 {
			continue
		}
		f.guard, f.mem = smt.And(g0, lf.cond), m0
		if f.guard.IsFalse() {
			continue
		}
		var r []*smt.Term
		var err error
		switch {
		case lf.n >= funcParamBase: // a parameter's unknown function (funcparam.go)
			r, err = f.callUnknownParam(int(lf.n-funcParamBase), pos, results)
		case lf.n > uint64(len(f.l.funcs)):
			return nil, unsupported(pos, "call of an unknown function value")
		default:
			fv := f.l.funcs[lf.n-1]
			r, err = f.callFunction(fv.fn, fv.free, args, pos)
		}
		if err != nil {
			return nil, err
		}
		normals, mems, outs = append(normals, f.guard), append(mems, f.mem), append(outs, r)
	}
	if len(normals) == 0 { // only nil: the call panics
		f.guard, f.mem = smt.False(), m0
		return f.noResults(pos, results)
	}
	f.guard, f.mem = smt.Or(normals...), f.l.mergeMemory(normals, mems)
	res := outs[len(outs)-1]
	for i := len(outs) - 2; i >= 0; i-- {
		merged := make([]*smt.Term, len(res))
		for k := range res {
			merged[k] = smt.Ite(normals[i], outs[i][k], res[k])
		}
		res = merged
	}
	return res, nil
}

// noResults is arbitrary results for a call that never returns.
func (f *frame) noResults(pos token.Pos, results *types.Tuple) ([]*smt.Term, error) {
	res := make([]*smt.Term, results.Len())
	for i := range res {
		s, ok := valueSort(results.At(i).Type())
		if !ok {
			return nil, unsupported(pos, "result of type %s", results.At(i).Type())
		}
		res[i] = f.l.freshVar("noreturn", s)
	}
	return res, nil
}

// capturedCell reports whether b, a binding of a function literal's free
// variable, is the address of a captured variable: its Alloc'd cell, a
// phi of such cells, or the free variable of an enclosing function
// literal that holds one.
func capturedCell(b gossa.Value) bool {
	return isCell(b, map[gossa.Value]bool{})
}

// isCell is capturedCell, through phis of cells (a Go 1.22 loop variable:
// a new cell per iteration, the phi choosing the iteration's).
func isCell(b gossa.Value, seen map[gossa.Value]bool) bool {
	if seen[b] {
		return true // a cycle of phis: the other edges decide
	}
	seen[b] = true
	switch b := b.(type) {
	case *gossa.Alloc:
		return true
	case *gossa.FreeVar:
		return b.Parent() != nil && b.Parent().Parent() != nil
	case *gossa.Phi:
		for _, e := range b.Edges {
			if !isCell(e, seen) {
				return false
			}
		}
		return true
	}
	return false
}
