package ssa

import (
	"go/ast"
	"go/types"
	"sort"
	"strconv"
	"strings"

	"github.com/vsynth/vsynth/smt"
)

// Multisets in clauses (specs/mset.go): mset(s) is the multiset of the
// elements of slice s in the memory the clause reads, and clauses compare
// multisets with == and !=. That is enough to say that a function only
// permuted a slice: mset(a) == old(mset(a)).
//
// Encoding. The multiset of the slice (ptr, n) in a memory state M is a
// 64-bit variable ms(M, ptr, n), one per (structurally) distinct state of
// the slice's region and slice, of which valid lemmas say when two are
// equal, read off the term of M as the lowering built it:
//
//   - one store: M = store(B, x, v) gives ms(M) == ms(B) exactly when x
//     is not in [ptr, ptr+n) or v is the value B holds at x (a store
//     inside replaces one element by another);
//   - a swap: M = store(store(C, y, vy), x, vx) with x and y in the slice,
//     vy the value C holds at x and vx the one it holds at y gives
//     ms(M) == ms(C) (also when x == y);
//   - a merge of paths: M = ite(c, M1, M2) gives ms(M) == ite(c, ms(M1),
//     ms(M2)).
//
// The conditions are the solver's to decide, so a swap through temporary
// variables, under a condition (a compare-exchange), or inside a loop whose
// head state is arbitrary (the invariant mset(a) == old(mset(a)) relates
// the head's variable to the entry's) is proved. Why a 64-bit variable is
// sound: if the real multisets of two states differ while the solver
// proved their variables equal, map each of the finitely many multisets
// of the query to its own 64-bit code: that interpretation satisfies every
// lemma (each says two multisets are equal, which they then are) and not
// the goal, a contradiction (the lemmas that say two multisets differ say
// so only when they do). Nothing ties a multiset to the values of its
// elements beyond these lemmas, so a counterexample need not be real: the
// replay evaluates mset in Go (confirm_source.go), and confirms only what
// Go reproduces; the rest is unknown.
//
// A model is a counterexample only if its multiset variables are equal
// exactly where the real multisets of its slices are (msetsOpen): else
// the obligation is unknown. Then the variables are an injective coding
// of the real multisets, so the model is one of the query with every
// multiset read as what it is.
//
// Elements must take one memory slot (integers, bools); mset inside a
// quantifier is unsupported, as is any other use of a multiset.

// maxMsets bounds the multiset variables of one lowering: past it, a new
// one gets no lemmas (fewer proofs, never a wrong one).
const maxMsets = 512

// msetKey identifies a multiset: the interned contents of the region and
// the slice.
type msetKey struct {
	old, fresh, ptr, n *smt.Term
}

// calledMethod returns the method that call e calls on a value of a
// concrete type and the receiver expression, or nil when e is not such
// a method call.
func (s *specLowering) calledMethod(e *ast.CallExpr) (*types.Func, ast.Expr, error) {
	sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil, nil, nil
	}
	selection, ok := s.info().Selections[sel]
	if !ok || selection.Kind() != types.MethodVal {
		return nil, nil, nil
	}
	fn, ok := selection.Obj().(*types.Func)
	if !ok {
		return nil, nil, unsupported(e.Pos(), "call in a spec")
	}
	if types.IsInterface(selection.Recv()) {
		return nil, nil, unsupported(e.Pos(), "call of interface method %s in a spec", fn.Name())
	}
	recv := fn.Type().(*types.Signature).Recv()
	if len(selection.Index()) > 1 || recv == nil || !types.Identical(selection.Recv(), recv.Type()) {
		return nil, nil, unsupported(e.Pos(), "call of method %s in a spec through an embedded field or an implicit & or * (write the receiver as the method's receiver type)", fn.Name())
	}
	return fn, sel.X, nil
}

// seqCall lowers a call of the spec language's mset; ok is false for
// other functions.
func (s *specLowering) seqCall(fn *types.Func, recv ast.Expr, e *ast.CallExpr) (val, defined *smt.Term, ok bool, err error) {
	if !s.spec.IsMset(fn) {
		return nil, nil, false, nil
	}
	if s.quantified > 0 {
		return nil, nil, true, unsupported(e.Pos(), "mset inside a quantifier")
	}
	if len(e.Args) != 1 {
		return nil, nil, true, unsupported(e.Pos(), "mset takes one slice")
	}
	st, ok := s.info().Types[e.Args[0]].Type.Underlying().(*types.Slice)
	if !ok {
		return nil, nil, true, unsupported(e.Pos(), "mset of %s", s.info().Types[e.Args[0]].Type)
	}
	lay, lerr := layoutOf(st.Elem())
	if lerr != nil || len(lay.slots) != 1 {
		return nil, nil, true, unsupported(e.Pos(), "mset of elements of type %s (only elements of one memory slot: integers and bools)", st.Elem())
	}
	x, d, err := s.expr(e.Args[0])
	if err != nil {
		return nil, nil, true, err
	}
	ptr, n, _ := sliceParts(x)
	return s.l.msetOf(s.l.get(s.mem, lay.slots[0].region), ptr, n), d, true, nil
}

// msetOf is the multiset variable of the slice (ptr, n) in region
// contents st, stating its lemmas when it is new.
func (l *lowering) msetOf(st regionState, ptr, n *smt.Term) *smt.Term {
	if l.msetIntern == nil {
		l.msetIntern = smt.NewInterner()
		l.msets = map[msetKey]*smt.Term{}
	}
	in := l.msetIntern
	key := msetKey{in.Intern(st.old), in.Intern(st.fresh), in.Intern(ptr), in.Intern(n)}
	if v, ok := l.msets[key]; ok {
		return v
	}
	v := l.freshVar("mset", smt.BitVecSort(64))
	l.msets[key] = v
	l.msetVars = append(l.msetVars, msetVar{v, key})
	if len(l.msets) > maxMsets {
		return v
	}
	st = regionState{key.old, key.fresh}
	inside := func(x *smt.Term) *smt.Term { return smt.BVUlt(smt.BVSub(x, ptr), n) }
	switch {
	case st.old.Op() == smt.OpIte:
		a := st.old.Args()
		l.lemmas = append(l.lemmas, smt.Eq(v, smt.Ite(a[0], l.msetOf(regionState{a[1], st.fresh}, ptr, n), l.msetOf(regionState{a[2], st.fresh}, ptr, n))))
	case st.fresh.Op() == smt.OpIte && st.old != st.fresh:
		a := st.fresh.Args()
		l.lemmas = append(l.lemmas, smt.Eq(v, smt.Ite(a[0], l.msetOf(regionState{st.old, a[1]}, ptr, n), l.msetOf(regionState{st.old, a[2]}, ptr, n))))
	default:
		x, vx, b, ok := storeOf(st)
		if !ok {
			return v
		}
		// One store changes the multiset exactly when it writes a new
		// value inside the slice: {.., old, ..} - old + new == {.., old, ..}
		// iff new == old.
		l.lemmas = append(l.lemmas, smt.Eq(smt.Eq(v, l.msetOf(b, ptr, n)), smt.Or(smt.Not(inside(x)), smt.Eq(vx, l.readView(b, x)))))
		y, vy, c, ok := storeOf(b)
		if !ok {
			return v
		}
		swapped := smt.And(inside(x), inside(y), smt.Eq(vy, l.readView(c, x)), smt.Eq(vx, l.readView(c, y)))
		l.lemmas = append(l.lemmas, smt.Implies(swapped, smt.Eq(v, l.msetOf(c, ptr, n))))
	}
	return v
}

// storeOf splits region contents that end in a store to both arrays (or
// to the one array of a merged view) into the address, the value and the
// contents before.
func storeOf(st regionState) (addr, val *smt.Term, before regionState, ok bool) {
	o, f := st.old, st.fresh
	if o.Op() != smt.OpStore || f.Op() != smt.OpStore {
		return nil, nil, regionState{}, false
	}
	oa, fa := o.Args(), f.Args()
	if o != f && (oa[1] != fa[1] || oa[2] != fa[2]) {
		return nil, nil, regionState{}, false
	}
	return oa[1], oa[2], regionState{oa[0], fa[0]}, true
}

// readView reads the slot at addr of region contents st, as readSlot does.
func (l *lowering) readView(st regionState, addr *smt.Term) *smt.Term {
	if st.old == st.fresh {
		return smt.Select(st.old, addr)
	}
	return smt.Ite(smt.BVUlt(addr, l.alloc0), smt.Select(st.old, addr), smt.Select(st.fresh, addr))
}

// isMultiset reports whether e is a multiset.
func (s *specLowering) isMultiset(e ast.Expr) bool {
	tv, ok := s.info().Types[e]
	return ok && s.spec.IsMultiset(tv.Type)
}

// msetCompare lowers == and != of two multisets.
func (s *specLowering) msetCompare(e *ast.BinaryExpr) (*smt.Term, *smt.Term, error) {
	x, dx, err := s.expr(e.X)
	if err != nil {
		return nil, nil, err
	}
	y, dy, err := s.expr(e.Y)
	if err != nil {
		return nil, nil, err
	}
	switch e.Op.String() {
	case "==":
		return smt.Eq(x, y), smt.And(dx, dy), nil
	case "!=":
		return smt.Not(smt.Eq(x, y)), smt.And(dx, dy), nil
	}
	return nil, nil, unsupported(e.OpPos, "operator %s on multisets", e.Op)
}

// msetVar is a multiset variable and what it is the multiset of.
type msetVar struct {
	v   *smt.Term
	key msetKey
}

// maxMsetCheck bounds the elements msetsOpen reads of one slice.
const maxMsetCheck = 64

// msetsOpen checks the multiset variables of model m against the
// multisets of the slices they stand for, and says how they differ, or
// returns "". steer, when they differ, is what the codes would have to
// be for m's multisets (equal within a class, distinct across classes):
// not a valid fact, but a way to look for another model (msetsSteered).
func (l *lowering) msetsOpen(m smt.Model) (why string, steer *smt.Term, err error) {
	if len(l.msetVars) == 0 {
		return "", nil, nil
	}
	real := make([]string, len(l.msetVars))
	code := make([]string, len(l.msetVars))
	for i, mv := range l.msetVars {
		n, err := m.Eval(mv.key.n)
		if err != nil {
			return "", nil, err
		}
		if n.Value().Uint64() > maxMsetCheck {
			var short []*smt.Term
			for _, mv := range l.msetVars {
				short = append(short, smt.BVUle(mv.key.n, smt.BVUint(addrWidth, maxMsetCheck)))
			}
			return "has a slice of more than " + strconv.Itoa(maxMsetCheck) + " elements, whose multiset vsynth does not check", smt.And(short...), nil
		}
		ptr, err := m.Eval(mv.key.ptr)
		if err != nil {
			return "", nil, err
		}
		st := regionState{mv.key.old, mv.key.fresh}
		elems := make([]string, 0, n.Value().Uint64())
		for k := uint64(0); k < n.Value().Uint64(); k++ {
			addr := smt.BVAdd(ptr, smt.BVUint(addrWidth, k))
			e, err := m.Eval(l.readView(st, addr))
			if err != nil {
				return "", nil, err
			}
			elems = append(elems, e.Value().String())
		}
		sort.Strings(elems)
		real[i] = strings.Join(elems, ",")
		c, err := m.Eval(mv.v)
		if err != nil {
			return "", nil, err
		}
		code[i] = c.Value().String()
	}
	rep := map[string]*smt.Term{} // a class's first variable
	var reps []*smt.Term
	var same []*smt.Term
	for i, r := range real {
		if v, ok := rep[r]; ok {
			same = append(same, smt.Eq(l.msetVars[i].v, v))
			continue
		}
		rep[r] = l.msetVars[i].v
		reps = append(reps, l.msetVars[i].v)
	}
	for i := range reps {
		for j := i + 1; j < len(reps); j++ {
			same = append(same, smt.Not(smt.Eq(reps[i], reps[j])))
		}
	}
	steer = smt.And(same...)
	for i := range real {
		for j := i + 1; j < len(real); j++ {
			if (real[i] == real[j]) != (code[i] == code[j]) {
				return "takes two multisets as equal that are not, or the other way round", steer, nil
			}
		}
	}
	return "", nil, nil
}
