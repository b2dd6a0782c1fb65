package ssa

import (
	"fmt"
	"go/types"

	"github.com/vsynth/vsynth/smt"
)

// iface writes an interface value of a model: nil, or its dynamic value
// converted to its dynamic type, (T)(v), which Go assigns to the
// interface with that dynamic type. A dynamic type of another package
// (which the replay would have to import) or an opaque error given as an
// input cannot be written: the counterexample is then not reported as
// failed. An error errors.New made, as a result, is written
// errors.New("text"); the replay compares results of interface type by
// whether they are nil.
func (w *valueWriter) iface(c *smt.Term, t types.Type, path string, open []object) (string, error) {
	tag, p := ifaceParts(c)
	tc, err := w.eval(tag)
	if err != nil {
		return "", err
	}
	tv := tc.Value().Uint64()
	if tv == 0 {
		return "nil", nil
	}
	d := w.vc.lowering.ifaces().byTag[tv]
	opaque := func(why string) string {
		w.unshown = append(w.unshown, path+" ("+why+")")
		return fmt.Sprintf("(%s)(nil)", types.TypeString(t, w.qf))
	}
	if d == nil {
		return opaque(fmt.Sprintf("dynamic type with tag %#x unknown", tv)), nil
	}
	if d.t == nil {
		if d.opaque == opaqueErrorsNew && w.results {
			sc, err := w.eval(extract(p, addrWidth, stringSort.Width()))
			if err != nil {
				return "", err
			}
			s, err := w.str(sc, types.Typ[types.String], path)
			if err != nil {
				return "", err
			}
			return "errors.New(" + s + ")", nil
		}
		if w.results {
			return d.opaque + "(...)", nil
		}
		return opaque(d.String() + " as an input"), nil
	}
	foreign := false
	name := types.TypeString(d.t, func(pkg *types.Package) string {
		if pkg != w.pkg {
			foreign = true
		}
		return w.qf(pkg)
	})
	if foreign {
		return opaque("dynamic type " + name + " of another package"), nil
	}
	if d.unmodelled != "" {
		return opaque("dynamic type " + name + ": " + d.unmodelled), nil
	}
	x, err := fromPayload(p, d.t)
	if err != nil {
		return "", err
	}
	inner, err := w.value(x, d.t, path+".("+name+")", open)
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("(%s)(%s)", name, inner), nil
}

// writableTag is the preference that interface value v of type t holds
// nil or a type a counterexample can write in package pkg (VC.small).
func (l *lowering) writableTag(v *smt.Term, t types.Type, pkg *types.Package) *smt.Term {
	tag, p := ifaceParts(v)
	alts := []*smt.Term{smt.Eq(tag, smt.BVUint(ifaceTagWidth, 0))}
	cands, err := l.candidates(t, 0)
	if err != nil {
		return alts[0]
	}
	for _, d := range cands {
		if d.t == nil || d.unmodelled != "" || foreignType(d.t, pkg) {
			continue
		}
		is := smt.Eq(tag, smt.BVUint(ifaceTagWidth, d.tag))
		if isString(d.t) { // short strings (strings.go)
			_, n := strParts(extract(p, 0, stringSort.Width()))
			is = smt.And(is, smt.BVUle(n, smt.BVUint(addrWidth, maxSmallLen)))
		}
		if _, ok := d.t.Underlying().(*types.Slice); ok { // short slices (small.go)
			_, _, c := sliceParts(extract(p, 0, 3*addrWidth))
			is = smt.And(is, smt.BVUle(c, smt.BVUint(addrWidth, maxSmallLen)))
		}
		alts = append(alts, is)
	}
	return smt.Or(alts...)
}

// foreignType reports whether writing t names a package other than pkg.
func foreignType(t types.Type, pkg *types.Package) bool {
	foreign := false
	types.TypeString(t, func(p *types.Package) string {
		if p != pkg {
			foreign = true
		}
		return p.Name()
	})
	return foreign
}
