package ssa

import (
	"go/token"
	"go/types"
	"math/big"

	gossa "golang.org/x/tools/go/ssa"

	"github.com/vsynth/vsynth/smt"
)

// Package-level variables. A global is an object that exists when the
// function is called: its address is a variable (!global.PATH.NAME) that
// lies below alloc0, like the objects the parameters reach, and its
// contents are the entry memory there — arbitrary: a contract assumes of
// a global only what its requires clauses state, whatever the package's
// initialisation would have put there (a function may be called after
// any other code ran). Distinct globals do not overlap; a pointer
// parameter may point into a global, as a caller may pass &g. Reads and
// writes go through memory like any load and store, so the effects of a
// call on globals are tracked (and havocked after a call known by its
// contract, as its writes are). Clauses name globals directly, and
// old(g) is g on entry. A counterexample lists the globals' entry values
// (Counterexample.Globals), and the replay and the playback tests set
// them before the call.
//
// Modelled: globals of the verified function's own package whose type
// has no pointers (integers, bools, and arrays and structs of them), and
// globals of interface type, of the own package or exported by another
// (`var errX = errors.New("...")`, io.EOF). An interface global holds on
// entry what a loaded interface does (ifaces_memory.go): nil or a value
// of a closed-world type, an errors.New error among them, whose identity
// is its address below alloc0, so `err == io.EOF` is Go's pointer
// identity: an error the function makes is never == to it, the error the
// global holds is == to it wherever it is returned, and two globals may
// hold one error (a program may assign one to the other). A
// counterexample resting on another package's global, which the replay
// would have to assign, is not reported as failed. Others are
// unsupported: their values would need objects the replay cannot make,
// or could not be assigned from the replay.

// globalUse is a global the lowering met, with its address.
type globalUse struct {
	g    *gossa.Global
	addr *smt.Term
	n    uint64 // slots
}

// globalAddr returns the address of g, stating on first use where it
// lies (a lemma): not nil, below alloc0, apart from the other globals.
func (l *lowering) globalAddr(g *gossa.Global, pos token.Pos, home *types.Package) (*smt.Term, error) {
	for _, u := range l.globals {
		if u.g == g {
			return u.addr, nil
		}
	}
	elem := g.Type().(*types.Pointer).Elem()
	if lay, err := layoutOf(elem); err == nil && lay.zeroWidth() {
		// A zero-size global (encoding/binary's LittleEndian), of any
		// package: its one value is in no memory, so there is nothing
		// to assume, list or assign. Its address is not nil; nothing
		// else of it is modelled (comparing pointers to zero-size
		// values is unsupported).
		addr := globalVar(g)
		l.lemmas = append(l.lemmas, smt.And(smt.BVUle(smt.BVUint(addrWidth, 1), addr), smt.BVUle(addr, l.alloc0)))
		return addr, nil
	}
	if g.Pkg == nil || (g.Pkg.Pkg != home && !(isInterface(elem) && token.IsExported(g.Name()))) {
		return nil, unsupported(pos, "package-level variable %s of another package", g.RelString(home))
	}
	if hasPointers(elem) && !isInterface(elem) {
		return nil, unsupported(pos, "package-level variable %s of type %s (with pointers)", g.Name(), elem)
	}
	lay, err := layoutOf(elem)
	if err != nil {
		return nil, unsupported(pos, "package-level variable %s: %v", g.Name(), err)
	}
	n := uint64(len(lay.slots))
	addr := globalVar(g)
	size := smt.BVUint(addrWidth, n)
	facts := []*smt.Term{
		smt.BVUle(smt.BVUint(addrWidth, 1), addr),
		smt.BVUle(addr, l.alloc0),
		smt.BVUle(size, smt.BVSub(l.alloc0, addr)),
	}
	for _, u := range l.globals {
		facts = append(facts, smt.Or(
			smt.BVUle(smt.BVAdd(addr, size), u.addr),
			smt.BVUle(smt.BVAdd(u.addr, smt.BVUint(addrWidth, u.n)), addr)))
	}
	l.lemmas = append(l.lemmas, smt.And(facts...))
	l.globals = append(l.globals, globalUse{g: g, addr: addr, n: n})
	return addr, nil
}

// globalOf returns the go/ssa global of a package-level variable v.
func globalOf(prog *gossa.Program, v *types.Var) *gossa.Global {
	if v.Pkg() == nil || v.Parent() != v.Pkg().Scope() {
		return nil
	}
	pkg := prog.Package(v.Pkg())
	if pkg == nil {
		return nil
	}
	return pkg.Var(v.Name())
}

// specGlobal is the value of global v in a clause, read in the clause's
// memory (the entry memory inside old(...)).
func (s *specLowering) specGlobal(v *types.Var, pos token.Pos) (*smt.Term, bool, error) {
	g := globalOf(s.prog, v)
	if g == nil {
		return nil, false, nil
	}
	addr, err := s.l.globalAddr(g, pos, s.l.homePkg)
	if err != nil {
		return nil, true, err
	}
	lay, err := layoutOf(v.Type())
	if err != nil {
		return nil, true, unsupported(pos, "package-level variable %s: %v", v.Name(), err)
	}
	return s.l.load(s.mem, lay, addr), true, nil
}

// globalBindings writes the entry values of the globals the VC uses.
func globalBindings(vc *VC, w *valueWriter) ([]Binding, error) {
	if vc.lowering == nil {
		return nil, nil
	}
	var out []Binding
	for _, u := range vc.lowering.globals {
		elem := u.g.Type().(*types.Pointer).Elem()
		lay, err := layoutOf(elem)
		if err != nil {
			return nil, err
		}
		if u.g.Pkg.Pkg != vc.Target.Package.Types {
			// io.EOF: the replay does not assign another package's
			// variables, so a counterexample is not confirmed.
			w.unshown = append(w.unshown, "global "+u.g.RelString(vc.Target.Package.Types)+" (a variable of another package)")
			continue
		}
		val, err := w.write(w.vc.lowering.load(memory{}, lay, u.addr), elem, u.g.Name())
		if err != nil {
			return nil, err
		}
		out = append(out, Binding{Name: u.g.Name(), Value: val})
	}
	return out, nil
}

// globalAt finds the global the address c (a model value) points into:
// exact when c is its address and elem its type.
func (w *valueWriter) globalAt(c *smt.Term, elem types.Type) (name string, exact, ok bool, err error) {
	if w.vc.lowering == nil {
		return "", false, false, nil
	}
	p := c.Value()
	for _, u := range w.vc.lowering.globals {
		a, err := w.eval(u.addr)
		if err != nil {
			return "", false, false, err
		}
		lo := a.Value()
		hi := new(big.Int).Add(lo, new(big.Int).SetUint64(u.n))
		if p.Cmp(lo) < 0 || p.Cmp(hi) >= 0 {
			continue
		}
		gt := u.g.Type().(*types.Pointer).Elem()
		return u.g.Name(), p.Cmp(lo) == 0 && types.Identical(gt, elem), true, nil
	}
	return "", false, false, nil
}
