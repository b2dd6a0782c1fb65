package ssa

import (
	"fmt"
	"go/types"
	"strings"

	"github.com/vsynth/vsynth/smt"
)

// Counterexample values are written as Go expressions: integers and bools
// as literals, structs and arrays as composite literals, slices with their
// elements (read from memory), pointers as nil or the address of the value
// they point to. Two parameters whose memory overlaps are marked: the
// counterexample needs them to share a backing array.

// maxShownElems bounds the elements of a slice a counterexample shows.
const maxShownElems = 64

// valueWriter writes values of one model.
type valueWriter struct {
	vc  *VC
	m   smt.Model
	mem memory
	qf  types.Qualifier
}

func (w *valueWriter) eval(t *smt.Term) (*smt.Term, error) { return w.m.Eval(t) }

// write renders v, a term of Go type t, as a Go expression.
func (w *valueWriter) write(v *smt.Term, t types.Type) (string, error) {
	c, err := w.eval(v)
	if err != nil {
		return "", err
	}
	if isBool(t) {
		return literal(c, t), nil
	}
	if _, ok := intTypeOf(t); ok {
		return literal(c, t), nil
	}
	name := types.TypeString(t, w.qf)
	switch u := t.Underlying().(type) {
	case *types.Pointer:
		if c.Value().Sign() == 0 {
			return "nil", nil
		}
		lay, err := layoutOf(u.Elem())
		if err != nil || hasPointers(u.Elem()) {
			return fmt.Sprintf("(%s)(0x%x)", name, c.Value()), nil
		}
		inner, err := w.write(w.vc.lowering.load(w.mem, lay, c), u.Elem())
		if err != nil {
			return "", err
		}
		if _, isStruct := u.Elem().Underlying().(*types.Struct); isStruct {
			return "&" + inner, nil
		}
		elem := types.TypeString(u.Elem(), w.qf)
		return fmt.Sprintf("func() %s { v := %s(%s); return &v }()", name, elem, inner), nil
	case *types.Slice:
		ptr, length, capacity := sliceParts(c)
		if ptr.Value().Sign() == 0 {
			return "nil", nil
		}
		n := length.Value().Uint64()
		lay, err := layoutOf(u.Elem())
		if err != nil || hasPointers(u.Elem()) || n > maxShownElems {
			return fmt.Sprintf("make(%s, %d, %d)", name, n, capacity.Value().Uint64()), nil
		}
		var elems []string
		for i := uint64(0); i < n; i++ {
			addr := smt.BVAdd(ptr, smt.BVUint(addrWidth, i*uint64(len(lay.slots))))
			e, err := w.write(w.vc.lowering.load(w.mem, lay, addr), u.Elem())
			if err != nil {
				return "", err
			}
			elems = append(elems, e)
		}
		lit := fmt.Sprintf("%s{%s}", name, strings.Join(elems, ", "))
		switch cp := capacity.Value().Uint64(); {
		case cp == n:
		case n == 0:
			lit = fmt.Sprintf("make(%s, 0, %d)", name, cp)
		default: // the elements past the length are not shown
			lit = fmt.Sprintf("append(%s, make(%s, %d)...)[:%d:%d]", lit, name, cp-n, n, cp)
		}
		return lit, nil
	case *types.Struct:
		var fields []string
		b := bits(c)
		for i := 0; i < u.NumFields(); i++ {
			_, off, fl, err := fieldRange(t, i)
			if err != nil {
				return "", err
			}
			s, err := w.write(fromBits(extract(b, off, fl.width), fl), u.Field(i).Type())
			if err != nil {
				return "", err
			}
			fields = append(fields, u.Field(i).Name()+": "+s)
		}
		return fmt.Sprintf("%s{%s}", name, strings.Join(fields, ", ")), nil
	case *types.Array:
		el, err := layoutOf(u.Elem())
		if err != nil {
			return "", err
		}
		var elems []string
		for i := int64(0); i < u.Len(); i++ {
			s, err := w.write(fromBits(extract(bits(c), int(i)*el.width, el.width), el), u.Elem())
			if err != nil {
				return "", err
			}
			elems = append(elems, s)
		}
		return fmt.Sprintf("%s{%s}", name, strings.Join(elems, ", ")), nil
	}
	return "", fmt.Errorf("internal error: counterexample value of type %s", t)
}

// extent is the slot range [from, to) a pointer or slice parameter value
// refers to, when it is not nil.
func extent(c *smt.Term, t types.Type) (from, to uint64, ok bool) {
	switch u := t.Underlying().(type) {
	case *types.Pointer:
		n, err := nslots(u.Elem())
		if err != nil || c.Value().Sign() == 0 {
			return 0, 0, false
		}
		p := c.Value().Uint64()
		return p, p + uint64(n), true
	case *types.Slice:
		ptr, _, capacity := sliceParts(c)
		k, err := nslots(u.Elem())
		if err != nil || ptr.Value().Sign() == 0 || capacity.Value().Sign() == 0 {
			return 0, 0, false
		}
		p := ptr.Value().Uint64()
		return p, p + capacity.Value().Uint64()*uint64(k), true
	}
	return 0, 0, false
}

// sharing names, per parameter, the other parameters whose memory its own
// overlaps.
func sharing(m smt.Model, vc *VC) ([][]string, error) {
	type ext struct {
		from, to uint64
		ok       bool
	}
	exts := make([]ext, len(vc.Params))
	for i, p := range vc.Params {
		c, err := m.Eval(p)
		if err != nil {
			return nil, err
		}
		from, to, ok := extent(c, vc.Target.Func.Params[i].Type())
		exts[i] = ext{from, to, ok}
	}
	out := make([][]string, len(vc.Params))
	for i := range exts {
		for j := range exts {
			if i == j || !exts[i].ok || !exts[j].ok {
				continue
			}
			if exts[i].from < exts[j].to && exts[j].from < exts[i].to {
				out[i] = append(out[i], paramLabel(vc.Target, j, vc.Params[j]))
			}
		}
	}
	return out, nil
}
