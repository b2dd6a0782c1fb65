package ssa

import (
	"fmt"
	"go/types"
	"sort"
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

// maxShownDepth bounds how many pointers deep a counterexample follows.
const maxShownDepth = 8

// valueWriter writes values of one model.
type valueWriter struct {
	vc  *VC
	m   smt.Model
	mem memory
	qf  types.Qualifier
	// objects are the memory the values written so far point to, named by
	// the path that reaches them (p, p.Next, s[2]).
	objects []object
	// unshown names the values that could not be written as Go
	// expressions: too deep, or part of a cycle.
	unshown []string
}

// object is a memory extent [from, to) of slots reached through path.
type object struct {
	path     string
	from, to uint64
}

func (w *valueWriter) eval(t *smt.Term) (*smt.Term, error) { return w.m.Eval(t) }

// write renders v, a term of Go type t reached through path, as a Go
// expression.
func (w *valueWriter) write(v *smt.Term, t types.Type, path string) (string, error) {
	return w.value(v, t, path, nil)
}

// value writes v; open lists the objects being written around it, to stop
// at cycles.
func (w *valueWriter) value(v *smt.Term, t types.Type, path string, open []object) (string, error) {
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
	opaque := func() string {
		w.unshown = append(w.unshown, path)
		return fmt.Sprintf("(%s)(0x%x)", name, c.Value())
	}
	switch u := t.Underlying().(type) {
	case *types.Pointer:
		if c.Value().Sign() == 0 {
			return "nil", nil
		}
		from, to, _ := extent(c, t)
		obj := object{path, from, to}
		if len(open) >= maxShownDepth || overlapsAny(obj, open) {
			return opaque(), nil
		}
		w.objects = append(w.objects, obj)
		lay, err := layoutOf(u.Elem())
		if err != nil {
			return opaque(), nil
		}
		inner, err := w.value(w.vc.lowering.load(w.mem, lay, c), u.Elem(), derefPath(path, u.Elem()), append(open, obj))
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
		if from, to, ok := extent(c, t); ok {
			obj := object{path, from, to}
			if len(open) >= maxShownDepth || overlapsAny(obj, open) {
				return opaque(), nil
			}
			w.objects = append(w.objects, obj) // shown or not, it may overlap another
			open = append(open, obj)
		}
		lay, err := layoutOf(u.Elem())
		if err != nil || n > maxShownElems {
			return fmt.Sprintf("make(%s, %d, %d)", name, n, capacity.Value().Uint64()), nil
		}
		var elems []string
		for i := uint64(0); i < n; i++ {
			addr := smt.BVAdd(ptr, smt.BVUint(addrWidth, i*uint64(len(lay.slots))))
			e, err := w.value(w.vc.lowering.load(w.mem, lay, addr), u.Elem(), fmt.Sprintf("%s[%d]", path, i), open)
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
			f := u.Field(i)
			s, err := w.value(fromBits(extract(b, off, fl.width), fl), f.Type(), path+"."+f.Name(), open)
			if err != nil {
				return "", err
			}
			fields = append(fields, f.Name()+": "+s)
		}
		return fmt.Sprintf("%s{%s}", name, strings.Join(fields, ", ")), nil
	case *types.Array:
		el, err := layoutOf(u.Elem())
		if err != nil {
			return "", err
		}
		var elems []string
		for i := int64(0); i < u.Len(); i++ {
			s, err := w.value(fromBits(extract(bits(c), int(i)*el.width, el.width), el), u.Elem(), fmt.Sprintf("%s[%d]", path, i), open)
			if err != nil {
				return "", err
			}
			elems = append(elems, s)
		}
		return fmt.Sprintf("%s{%s}", name, strings.Join(elems, ", ")), nil
	}
	return "", fmt.Errorf("internal error: counterexample value of type %s", t)
}

// derefPath names what a pointer at path points to: Go selects fields
// through pointers, so a struct keeps the path.
func derefPath(path string, elem types.Type) string {
	if _, isStruct := elem.Underlying().(*types.Struct); isStruct {
		return path
	}
	return "*" + path
}

// overlapsAny reports whether o overlaps one of objs.
func overlapsAny(o object, objs []object) bool {
	for _, p := range objs {
		if o.from < p.to && p.from < o.to {
			return true
		}
	}
	return false
}

// sharing lists the pairs of paths whose objects overlap: the values must
// share memory. Objects reached through the same path are one.
func (w *valueWriter) sharing() [][2]string {
	var out [][2]string
	seen := map[[2]string]bool{}
	for i, a := range w.objects {
		for _, b := range w.objects[i+1:] {
			if a.path == b.path || !(a.from < b.to && b.from < a.to) {
				continue
			}
			pair := [2]string{a.path, b.path}
			if pair[1] < pair[0] {
				pair[0], pair[1] = pair[1], pair[0]
			}
			if !seen[pair] {
				seen[pair] = true
				out = append(out, pair)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i][0] != out[j][0] {
			return out[i][0] < out[j][0]
		}
		return out[i][1] < out[j][1]
	})
	return out
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
