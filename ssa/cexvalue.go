package ssa

import (
	"fmt"
	"go/types"
	"sort"
	"strings"

	"github.com/vsynth/vsynth/smt"
)

// Counterexample values are written as Go expressions that compile at
// their type in the function's package and reproduce everything the
// function can observe: integers and bools as literals (untyped constants
// assigned to the type, so int8's -128 and uint8's 255 are right), structs
// and arrays as composite literals (without blank fields, which Go's ==
// skips and a literal cannot name), slices with every element up to their
// capacity ([]T{e0, e1, e2, e3}[:2] has length 2, capacity 4 and the
// elements past its length), pointers as nil or the address of the value
// they point to. Two parameters whose memory overlaps are marked: the
// counterexample needs them to share a backing array. A value that cannot
// be written so (a cycle, too deep, a slice too long to list, an
// unexported field of another package's type that is not zero) is named
// in unshown, with why: such a counterexample is not reported as failed.

// maxShownElems bounds the elements of a slice a counterexample lists one
// by one; longer slices list their non-zero elements by index.
const maxShownElems = 64

// maxListedElems bounds the capacity of a slice whose elements a
// counterexample reads off the model.
const maxListedElems = 1 << 12

// maxShownDepth bounds how many pointers deep a counterexample follows.
const maxShownDepth = 8

// maxShownTotal bounds the slice elements one counterexample reads off
// the model, in all its slices.
const maxShownTotal = 1 << 14

// valueWriter writes values of one model.
type valueWriter struct {
	vc  *VC
	m   smt.Model
	mem memory
	qf  types.Qualifier
	pkg *types.Package // the package the values are written in
	// objects are the memory the values written so far point to, named by
	// the path that reaches them (p, p.Next, s[2]).
	objects []object
	// unshown names the values that could not be written as Go
	// expressions, each with why.
	unshown []string
	// elems counts the slice elements read so far (maxShownTotal).
	elems uint64
	// mapObjects are the maps written so far (maps_cex.go), each at
	// its address: two paths at one address are one map.
	mapObjects []object
	// params are the inputs written so far that a later input may name
	// (a replay and a playback test declare them under these names).
	params map[string]bool
	// results is set when the values are a function's results, which the
	// replay compares, for interfaces, only by whether they are nil.
	results bool
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
	if isString(t) {
		return w.str(c, t, path)
	}
	if isMap(t) {
		return w.mapLit(c, t, path)
	}
	if isInterface(t) {
		return w.iface(c, t, path, open)
	}
	if isFunc(t) {
		return w.funcLit(c, t, path) // funcparam.go
	}
	name := types.TypeString(t, w.qf)
	opaque := func(why string) string {
		w.unshown = append(w.unshown, path+" ("+why+")")
		return fmt.Sprintf("(%s)(0x%x)", name, c.Value())
	}
	switch u := t.Underlying().(type) {
	case *types.Pointer:
		if c.Value().Sign() == 0 {
			return "nil", nil
		}
		if g, exact, ok, err := w.globalAt(c, u.Elem()); err != nil {
			return "", err
		} else if ok && exact {
			return "&" + g, nil // a caller may pass &g (globals.go)
		} else if ok {
			return opaque("points into package-level variable " + g), nil
		}
		from, to, _ := extent(c, t)
		obj := object{path, from, to}
		if len(open) >= maxShownDepth {
			return opaque(fmt.Sprintf("more than %d pointers deep", maxShownDepth)), nil
		}
		if overlapsAny(obj, open) {
			return opaque("on a cycle of pointers"), nil
		}
		w.objects = append(w.objects, obj)
		lay, err := layoutOf(u.Elem())
		if err != nil {
			return opaque(err.Error()), nil
		}
		inner, err := w.value(w.vc.lowering.load(w.mem, lay, c), u.Elem(), derefPath(path, u.Elem()), append(open, obj))
		if err != nil {
			return "", err
		}
		if _, isStruct := u.Elem().Underlying().(*types.Struct); isStruct {
			return "&" + inner, nil
		}
		// A variable of the element type, assigned the value: right for
		// untyped constants, pointers and composite literals alike.
		elem := types.TypeString(u.Elem(), w.qf)
		return fmt.Sprintf("func() %s { var v %s = %s; return &v }()", name, elem, inner), nil
	case *types.Slice:
		return w.slice(c, t, u, path, open, opaque)
	case *types.Struct:
		var fields []string
		b := bits(c)
		for i := 0; i < u.NumFields(); i++ {
			f := u.Field(i)
			if f.Name() == "_" {
				continue // not observable: Go's == skips it, a literal cannot set it
			}
			_, off, fl, err := fieldRange(t, i)
			if err != nil {
				return "", err
			}
			fv := fromBits(extract(b, off, fl.width), fl)
			if !f.Exported() && f.Pkg() != w.pkg {
				// Another package's unexported field: a literal here
				// cannot name it, which is right only when it is zero.
				z, err := w.eval(bits(fv))
				if err != nil {
					return "", err
				}
				if z.Value().Sign() != 0 {
					return opaque("unexported field " + f.Name() + " of " + name + " is not zero"), nil
				}
				continue
			}
			s, err := w.value(fv, f.Type(), path+"."+f.Name(), open)
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

// slice writes the slice value c of type t: every element up to its
// capacity, one by one when there are few, else the non-zero ones by
// index, and resliced to its length.
func (w *valueWriter) slice(c *smt.Term, t types.Type, u *types.Slice, path string, open []object, opaque func(string) string) (string, error) {
	name := types.TypeString(t, w.qf)
	ptr, length, capacity := sliceParts(c)
	if ptr.Value().Sign() == 0 {
		return "nil", nil
	}
	n, cp := length.Value().Uint64(), capacity.Value().Uint64()
	if from, to, ok := extent(c, t); ok {
		obj := object{path, from, to}
		if len(open) >= maxShownDepth {
			return opaque(fmt.Sprintf("more than %d pointers deep", maxShownDepth)), nil
		}
		if overlapsAny(obj, open) {
			return opaque("on a cycle of pointers"), nil
		}
		w.objects = append(w.objects, obj) // it may overlap another
		open = append(open, obj)
	}
	lay, err := layoutOf(u.Elem())
	if err != nil {
		return opaque(err.Error()), nil
	}
	if cp > maxListedElems || w.elems+cp > maxShownTotal {
		return w.longSlice(c, t, u, lay, path, open, opaque)
	}
	w.elems += cp
	var elems []string
	for i := uint64(0); i < cp; i++ {
		addr := smt.BVAdd(ptr, smt.BVUint(addrWidth, i*uint64(len(lay.slots))))
		ev := w.vc.lowering.load(w.mem, lay, addr)
		if cp > maxShownElems {
			// Listed by index: the zero elements are left out, but the
			// last one is written, to give the literal its length.
			z, err := w.eval(bits(ev))
			if err != nil {
				return "", err
			}
			if z.Value().Sign() == 0 && i != cp-1 {
				continue
			}
		}
		e, err := w.value(ev, u.Elem(), fmt.Sprintf("%s[%d]", path, i), open)
		if err != nil {
			return "", err
		}
		if cp > maxShownElems {
			e = fmt.Sprintf("%d: %s", i, e)
		}
		elems = append(elems, e)
	}
	lit := fmt.Sprintf("%s{%s}", name, strings.Join(elems, ", "))
	if n != cp {
		lit = fmt.Sprintf("%s[:%d]", lit, n)
	}
	return lit, nil
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
	for _, objs := range [][]object{w.objects, w.mapObjects} {
		for i, a := range objs {
			for _, b := range objs[i+1:] {
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
		n, err := ptrSlots(u.Elem())
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

// longSlice writes a slice with more elements than a counterexample
// reads one by one, when the model says which may not be zero: an input
// (read from the memory the function started with) in a model of the
// query reduced to bit vectors holds zero everywhere the reduction did
// not read (smt.ReadIndices). It is made with make and the others set:
//
//	func() []T { s := make([]T, cap); s[i] = v; return s[:len] }()
func (w *valueWriter) longSlice(c *smt.Term, t types.Type, u *types.Slice, lay *layout, path string, open []object, opaque func(string) string) (string, error) {
	name := types.TypeString(t, w.qf)
	ptr, length, capacity := sliceParts(c)
	n, cp, p := length.Value().Uint64(), capacity.Value().Uint64(), ptr.Value().Uint64()
	tooMany := func() (string, error) {
		return opaque(fmt.Sprintf("capacity %d: more elements than a counterexample lists", cp)), nil
	}
	if len(w.mem) != 0 {
		return tooMany() // memory the function wrote
	}
	k := uint64(len(lay.slots))
	seen := map[uint64]bool{}
	var elems []uint64
	for _, sl := range lay.slots {
		idx, ok, err := smt.ReadIndices(w.m, entryMemoryName+sl.region)
		if err != nil {
			return "", err
		}
		if !ok {
			return tooMany() // nothing known of the other elements
		}
		for _, a := range idx {
			v := a.Value().Uint64()
			if v < p || (v-p)/k >= cp || seen[(v-p)/k] {
				continue
			}
			seen[(v-p)/k] = true
			elems = append(elems, (v-p)/k)
		}
	}
	if w.elems+uint64(len(elems)) > maxShownTotal {
		return tooMany()
	}
	w.elems += uint64(len(elems))
	sort.Slice(elems, func(i, j int) bool { return elems[i] < elems[j] })
	var b strings.Builder
	fmt.Fprintf(&b, "func() %s { s := make(%s, %d); ", name, name, cp)
	for _, i := range elems {
		ev := w.vc.lowering.load(w.mem, lay, smt.BVUint(addrWidth, p+i*k))
		z, err := w.eval(bits(ev))
		if err != nil {
			return "", err
		}
		if z.Value().Sign() == 0 {
			continue
		}
		e, err := w.value(ev, u.Elem(), fmt.Sprintf("%s[%d]", path, i), open)
		if err != nil {
			return "", err
		}
		fmt.Fprintf(&b, "s[%d] = %s; ", i, e)
	}
	if n == cp {
		b.WriteString("return s }()")
	} else {
		fmt.Fprintf(&b, "return s[:%d] }()", n)
	}
	return b.String(), nil
}
