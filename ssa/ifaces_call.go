package ssa

import (
	"fmt"
	"go/token"
	"go/types"

	gossa "golang.org/x/tools/go/ssa"

	"github.com/vsynth/vsynth/smt"
)

// A method call through an interface (go/ssa's invoke mode) is resolved
// over the closed world (ifaces.go): for each dynamic type that
// implements the interface, the call of its method is lowered under the
// condition that the value holds that type, and the results, the normal
// return and the memory are merged as at a phi. A nil interface panics.
// A dynamic type whose method vsynth cannot lower (a type of a package
// not loaded from source, an error errors.New made) is not assumed to do
// anything: reaching the call with it is a dynamic-call obligation that
// is unknown, never proved or failed, when it is reachable.

// DynamicCall obligations hold when a call through an interface never
// reaches an implementation vsynth cannot lower; when one is reachable
// the verdict is unknown with the reason (prove.go).
const DynamicCall ObligationKind = "dynamic-call"

// TypeAssertion obligations hold when a single-result type assertion
// x.(T) never fails (it would panic).
const TypeAssertion ObligationKind = "type-assertion"

// methodOf returns the function implementing method m for dynamic type t
// and whether the receiver must be loaded through the pointer t (a value
// method called through a pointer), or why there is none to lower.
func methodOf(prog *gossa.Program, t types.Type, m *types.Func) (*gossa.Function, bool, string) {
	sel := prog.MethodSets.MethodSet(t).Lookup(m.Pkg(), m.Name())
	if sel == nil {
		return nil, false, fmt.Sprintf("%s has no method %s", t, m.Name())
	}
	if len(sel.Index()) > 1 {
		return nil, false, fmt.Sprintf("method %s of %s is promoted from an embedded field", m.Name(), t)
	}
	recv := sel.Obj().Type().(*types.Signature).Recv().Type()
	_, recvPtr := recv.(*types.Pointer)
	ptr, isPtr := t.(*types.Pointer)
	deref := isPtr && !recvPtr
	if deref {
		sel = prog.MethodSets.MethodSet(ptr.Elem()).Lookup(m.Pkg(), m.Name())
		if sel == nil {
			return nil, false, fmt.Sprintf("%s has no method %s", ptr.Elem(), m.Name())
		}
	}
	fn := prog.MethodValue(sel)
	if fn == nil {
		return nil, false, fmt.Sprintf("no SSA function for method %s of %s", m.Name(), t)
	}
	return fn, deref, ""
}

// branch is one way a dynamic call returns.
type branch struct {
	normal  *smt.Term
	results []*smt.Term
	mem     memory
}

// invoke lowers a method call through an interface.
func (f *frame) invoke(c *gossa.Call) ([]*smt.Term, error) {
	common := c.Common()
	pos := c.Pos()
	recvT := common.Value.Type()
	x, err := f.value(common.Value)
	if err != nil {
		return nil, err
	}
	args := []*smt.Term{nil}
	for _, a := range common.Args {
		t, err := f.value(a)
		if err != nil {
			return nil, err
		}
		args = append(args, t)
	}
	tag, p := ifaceParts(x)
	f.require(pos, []hazard{{Nil, ifaceIsNil(x), "runtime error: invalid memory address or nil pointer dereference"}})
	cands, err := f.l.candidates(recvT, pos)
	if err != nil {
		return nil, err
	}
	if possible := possibleTags(tag); possible != nil {
		cands = narrow(cands, possible) // the value's own types: no closed world needed
	} else {
		f.l.noteClosed(fmt.Sprintf("%s.%s is called on %s", recvT, common.Method.Name(), dynNames(cands)))
	}
	guard0, mem0 := f.guard, f.mem
	if len(cands) == 0 {
		// No implementation in the loaded packages: the closed world
		// would make the call unreachable, and every proof after it
		// vacuous. It is unknown instead, whenever it is reachable.
		f.unknownCall(pos, fmt.Sprintf("no type of the loaded packages implements %s, whose method %s is called: its implementations are not known", recvT, common.Method.Name()))
		return f.mergeBranches(nil, common.Signature(), pos, mem0)
	}
	var branches []branch
	for _, d := range cands {
		f.guard, f.mem = smt.And(guard0, smt.Eq(tag, smt.BVUint(ifaceTagWidth, d.tag))), mem0
		if f.guard.IsFalse() {
			continue
		}
		var fn *gossa.Function
		deref, why := false, ""
		switch {
		case d.opaque != "":
			why = fmt.Sprintf("the method %s of %s is not modelled", common.Method.Name(), d)
		case d.unmodelled != "":
			why = fmt.Sprintf("values of %s are not modelled (%s)", d.t, d.unmodelled)
		default:
			fn, deref, why = methodOf(f.l.prog, d.t, common.Method)
			if fn != nil && f.l.contract(fn) == nil && !f.l.inlinable(fn) {
				why = fmt.Sprintf("%s has no body vsynth can inline (its package is not loaded from source) and no contract", fn)
			}
		}
		if why != "" {
			f.unknownCall(pos, fmt.Sprintf("the call of %s.%s may reach %s: %s", recvT, common.Method.Name(), d, why))
			continue
		}
		recv, err := d.value(p, pos)
		if err != nil {
			return nil, err
		}
		if deref {
			elem := d.t.(*types.Pointer).Elem()
			lay, err := layoutOf(elem)
			if err != nil {
				return nil, unsupported(pos, "method %s called through a pointer to %s: %v", common.Method.Name(), elem, err)
			}
			// The wrapper Go makes for the pointer's method set panics
			// with its own message (runtime.panicwrap).
			msg := "runtime error: invalid memory address or nil pointer dereference"
			if n, ok := elem.(*types.Named); ok && n.Obj().Pkg() != nil {
				msg = fmt.Sprintf("value method %s.%s.%s called using nil *%s pointer", n.Obj().Pkg().Path(), n.Obj().Name(), common.Method.Name(), n.Obj().Name())
			}
			f.require(pos, []hazard{{Nil, smt.Eq(recv, smt.BVUint(addrWidth, 0)), msg}})
			if recv, err = f.l.loadValue(f.mem, lay, recv, elem); err != nil {
				return nil, err
			}
		}
		args[0] = recv
		r, err := f.callFunction(fn, nil, append([]*smt.Term(nil), args...), pos)
		if err != nil {
			return nil, err
		}
		branches = append(branches, branch{f.guard, r, f.mem})
	}
	return f.mergeBranches(branches, common.Signature(), pos, mem0)
}

// unknownCall records that control may reach, under the frame's guard, a
// call vsynth cannot lower, and continues as if it did not return.
func (f *frame) unknownCall(pos token.Pos, why string) {
	if f.emit {
		f.l.obligations = append(f.l.obligations, &Obligation{
			Kind: DynamicCall, Pos: pos, Guard: f.guard, Goal: smt.False(),
			Via: append([]token.Pos(nil), f.l.via...), unknownWhy: why,
		})
	}
	f.guard = smt.False()
}

// mergeBranches joins the ways a dynamic call returns.
func (f *frame) mergeBranches(bs []branch, sig *types.Signature, pos token.Pos, mem0 memory) ([]*smt.Term, error) {
	n := sig.Results().Len()
	results := make([]*smt.Term, n)
	for i := range n {
		s, ok := sortOf(sig.Results().At(i).Type())
		if !ok {
			return nil, unsupported(pos, "result of type %s", sig.Results().At(i).Type())
		}
		var v *smt.Term
		for j := len(bs) - 1; j >= 0; j-- {
			if v == nil {
				v = bs[j].results[i]
			} else {
				v = smt.Ite(bs[j].normal, bs[j].results[i], v)
			}
		}
		if v == nil {
			v = f.l.freshVar("noreturn", s)
		}
		results[i] = v
	}
	var normals []*smt.Term
	var mems []memory
	for _, b := range bs {
		normals = append(normals, b.normal)
		mems = append(mems, b.mem)
	}
	f.guard = smt.Or(normals...)
	f.mem = mem0
	if len(mems) > 0 {
		f.mem = f.l.mergeMemory(normals, mems)
	}
	return results, nil
}

// invokeWrites adds what the implementations a call through an interface
// may reach write (heap.go's writes).
func (l *lowering) invokeWrites(c *gossa.CallCommon, seen map[*gossa.Function]bool, out map[string]bool) error {
	cands, err := l.candidates(c.Value.Type(), c.Pos())
	if err != nil {
		return err
	}
	for _, d := range cands {
		if d.t == nil || d.unmodelled != "" {
			continue
		}
		fn, _, _ := methodOf(l.prog, d.t, c.Method)
		if fn == nil || seen[fn] {
			continue
		}
		seen[fn] = true
		w, err := l.writes(fn.Blocks, seen)
		if err != nil {
			return err
		}
		for r := range w {
			out[r] = true
		}
	}
	return nil
}
