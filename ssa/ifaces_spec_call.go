package ssa

import (
	"fmt"
	"go/ast"
	"go/types"

	"github.com/vsynth/vsynth/smt"
)

// Interface method calls in clauses (`requires i < h.Len()`). A call
// through an interface in a clause is lowered as the code's calls are
// (ifaces_call.go): for each dynamic type of the closed world that the
// receiver may hold, its method, under the condition that the receiver
// holds that type, merged by the tag. Each method must be callable from
// a clause as any function is (clausecalls.go: it writes no memory it
// did not allocate), and is inlined, or known by its ensures when it is
// a //vsynth:pure function with a contract. The clause is defined only
// where Go would evaluate the call without panicking: the receiver is
// not nil, holds one of those types, and the method returns normally (a
// value method through a nil pointer panics). A dynamic type whose method
// cannot be lowered (another package's, an opaque error, a promoted
// method, a value vsynth does not lay out) makes the clause unsupported,
// naming it; so does a receiver no loaded type implements.

// ifaceMethodCall lowers e when it calls a method through an interface;
// ok is false for other calls.
func (s *specLowering) ifaceMethodCall(e *ast.CallExpr) (val, defined *smt.Term, ok bool, err error) {
	sel, isSel := ast.Unparen(e.Fun).(*ast.SelectorExpr)
	if !isSel {
		return nil, nil, false, nil
	}
	selection, found := s.info().Selections[sel]
	if !found || selection.Kind() != types.MethodVal || !isInterface(selection.Recv()) {
		return nil, nil, false, nil
	}
	m, isFunc := selection.Obj().(*types.Func)
	if !isFunc {
		return nil, nil, true, unsupported(e.Pos(), "call in a spec")
	}
	val, defined, err = s.ifaceMethodCallOf(e, sel, m, selection.Recv())
	return val, defined, true, err
}

func (s *specLowering) ifaceMethodCallOf(e *ast.CallExpr, sel *ast.SelectorExpr, m *types.Func, recvT types.Type) (*smt.Term, *smt.Term, error) {
	pos := e.Pos()
	if m.Type().(*types.Signature).Results().Len() != 1 {
		return nil, nil, unsupported(pos, "multi-valued call in a spec")
	}
	vals, d, err := s.exprs(append([]ast.Expr{sel.X}, e.Args...))
	if err != nil {
		return nil, nil, err
	}
	x := vals[0]
	tag, p := ifaceParts(x)
	d = smt.And(d, smt.Not(ifaceIsNil(x)))
	cands, err := s.l.candidates(recvT, pos)
	if err != nil {
		return nil, nil, err
	}
	if possible := possibleTags(tag); possible != nil {
		cands = narrow(cands, possible)
	} else if len(cands) == 0 {
		return nil, nil, unsupported(pos, "call of interface method %s in a spec: no type of the loaded packages implements %s", m.Name(), recvT)
	} else {
		s.l.noteClosed(fmt.Sprintf("%s.%s is called in a clause on %s", recvT, m.Name(), dynNames(cands)))
	}
	var conds, results []*smt.Term
	var mems []memory
	wrote := false
	matched, normal := smt.False(), smt.True()
	mem0 := s.mem
	for _, dt := range cands {
		is := smt.Eq(tag, smt.BVUint(ifaceTagWidth, dt.tag))
		why := ""
		switch {
		case dt.opaque != "":
			why = fmt.Sprintf("its method %s is not modelled", m.Name())
		case dt.unmodelled != "":
			why = fmt.Sprintf("its values are not modelled (%s)", dt.unmodelled)
		}
		if why != "" {
			return nil, nil, unsupported(pos, "call of interface method %s in a spec that may reach %s: %s", m.Name(), dt, why)
		}
		fn, deref, why := methodOf(s.l.prog, dt.t, m)
		if fn == nil {
			return nil, nil, unsupported(pos, "call of interface method %s in a spec that may reach %s: %s", m.Name(), dt, why)
		}
		recv, err := dt.value(p, pos)
		if err != nil {
			return nil, nil, err
		}
		if deref {
			elem := dt.t.(*types.Pointer).Elem()
			lay, err := layoutOf(elem)
			if err != nil {
				return nil, nil, unsupported(pos, "method %s called in a spec through a pointer to %s: %v", m.Name(), elem, err)
			}
			notNil := smt.Not(smt.Eq(recv, smt.BVUint(addrWidth, 0)))
			normal = smt.And(normal, smt.Implies(is, notNil))
			if recv, err = s.l.loadValue(s.mem, lay, recv, elem); err != nil {
				return nil, nil, unsupported(pos, "method %s called in a spec through a pointer to %s: %v", m.Name(), elem, err)
			}
		}
		args := append([]*smt.Term{recv}, vals[1:]...)
		var r, ok *smt.Term
		mem := mem0
		if t := s.l.pureContract(fn); t != nil && s.quantified == 0 {
			// A pure method with ensures clauses is known by them (pure.go).
			if r, ok, err = s.byPureContract(t, args, e); err != nil {
				return nil, nil, err
			}
		} else {
			if !s.l.inlinable(fn) {
				return nil, nil, unsupported(pos, "call of interface method %s in a spec that may reach %s, whose body vsynth cannot inline", m.Name(), fn)
			}
			s.l.inClause++
			rs, n, m2, err := s.l.call(fn, args, smt.And(s.evaluated(), is), mem0, false)
			s.l.inClause--
			if err != nil {
				return nil, nil, err
			}
			if err := s.l.clauseCallWrites(fn, pos); err != nil {
				return nil, nil, err
			}
			if len(rs) != 1 {
				return nil, nil, unsupported(pos, "multi-valued call in a spec")
			}
			if s.l.effectsOf(fn).any {
				wrote, mem = true, m2
			}
			r, ok = rs[0], n
		}
		conds, results, mems = append(conds, is), append(results, r), append(mems, mem)
		matched = smt.Or(matched, is)
		normal = smt.And(normal, smt.Implies(is, ok))
	}
	if len(results) == 0 {
		return nil, nil, unsupported(pos, "call of interface method %s in a spec on a value that holds none of the loaded types implementing %s", m.Name(), recvT)
	}
	v := results[len(results)-1]
	for i := len(results) - 2; i >= 0; i-- {
		v = smt.Ite(conds[i], results[i], v)
	}
	if wrote {
		// The methods wrote only memory they allocated (clausecalls.go).
		s.mem = s.l.mergeMemory(conds, mems)
		s.wrote++
	}
	return v, smt.And(d, matched, normal), nil
}
