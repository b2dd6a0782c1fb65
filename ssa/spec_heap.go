package ssa

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"github.com/vsynth/vsynth/smt"
)

// Spec expressions over memory: indexing, field selection, dereference,
// composite literals, len and cap, and old(...). They read the memory the
// clause is evaluated in (the entry memory for requires, the final memory
// for ensures), and old(E) reads E in the entry memory.

// heapExpr lowers e when it is one of the memory expressions; ok is false
// otherwise.
func (s *specLowering) heapExpr(e ast.Expr) (val, defined *smt.Term, ok bool, err error) {
	switch e := e.(type) {
	case *ast.IndexExpr:
		val, defined, err = s.indexExpr(e)
		return val, defined, true, err
	case *ast.SelectorExpr:
		sel, isSel := s.info().Selections[e]
		if !isSel || sel.Kind() != types.FieldVal {
			return nil, nil, false, nil
		}
		val, defined, err = s.selector(e, sel)
		return val, defined, true, err
	case *ast.StarExpr:
		p, d, err := s.expr(e.X)
		if err != nil {
			return nil, nil, true, err
		}
		t := s.info().Types[e].Type
		lay, err := s.loadable(e, t)
		if err != nil {
			return nil, nil, true, err
		}
		v, err := s.load(e, lay, p, t)
		return v, smt.And(d, notNil(p)), true, err
	case *ast.CompositeLit:
		val, defined, err = s.compositeLit(e)
		return val, defined, true, err
	}
	return nil, nil, false, nil
}

func notNil(p *smt.Term) *smt.Term { return smt.Not(smt.Eq(p, smt.BVUint(addrWidth, 0))) }

// loadable is the layout of values of type t read from memory in a spec.
func (s *specLowering) loadable(e ast.Expr, t types.Type) (*layout, error) {
	lay, err := layoutOf(t)
	if err != nil {
		return nil, unsupported(e.Pos(), "%v", err)
	}
	return lay, nil
}

// load reads the value of e, of type t and layout lay, at addr.
func (s *specLowering) load(e ast.Expr, lay *layout, addr *smt.Term, t types.Type) (*smt.Term, error) {
	v, err := s.l.loadValue(s.mem, lay, addr, t)
	if err != nil {
		return nil, unsupported(e.Pos(), "%v", err)
	}
	return v, nil
}

// index64 is a spec index as a 64-bit term.
func (s *specLowering) index64(e ast.Expr) (*smt.Term, *smt.Term, error) {
	i, d, err := s.expr(e)
	if err != nil {
		return nil, nil, err
	}
	it, ok := intTypeOf(specType(s.info().Types[e].Type))
	if !ok {
		return nil, nil, unsupported(e.Pos(), "index of type %s", s.info().Types[e].Type)
	}
	return convert(i, it, intType{addrWidth, it.signed}), d, nil
}

func (s *specLowering) indexExpr(e *ast.IndexExpr) (*smt.Term, *smt.Term, error) {
	if isMap(s.info().Types[e.X].Type) {
		return s.mapIndex(e)
	}
	x, dx, err := s.expr(e.X)
	if err != nil {
		return nil, nil, err
	}
	i, di, err := s.index64(e.Index)
	if err != nil {
		return nil, nil, err
	}
	d := smt.And(dx, di)
	xt := s.info().Types[e.X].Type
	if p, ok := xt.Underlying().(*types.Pointer); ok {
		xt = p.Elem()
		d = smt.And(d, notNil(x))
		arr, ok := xt.Underlying().(*types.Array)
		if !ok {
			return nil, nil, unsupported(e.Pos(), "indexing %s in a spec", xt)
		}
		lay, err := s.loadable(e, arr.Elem())
		if err != nil {
			return nil, nil, err
		}
		d = smt.And(d, inRange(i, smt.BVUint(addrWidth, uint64(arr.Len()))))
		v, err := s.load(e, lay, smt.BVAdd(x, smt.BVMul(i, smt.BVUint(addrWidth, uint64(len(lay.slots))))), arr.Elem())
		return v, d, err
	}
	if isString(xt) {
		v, ok := s.stringIndex(x, i)
		return v, smt.And(d, ok), nil
	}
	switch t := xt.Underlying().(type) {
	case *types.Slice:
		lay, err := s.loadable(e, t.Elem())
		if err != nil {
			return nil, nil, err
		}
		ptr, length, _ := sliceParts(x)
		d = smt.And(d, inRange(i, length))
		v, err := s.load(e, lay, smt.BVAdd(ptr, smt.BVMul(i, smt.BVUint(addrWidth, uint64(len(lay.slots))))), t.Elem())
		return v, d, err
	case *types.Array:
		el, err := layoutOf(t.Elem())
		if err != nil {
			return nil, nil, unsupported(e.Pos(), "%v", err)
		}
		d = smt.And(d, inRange(i, smt.BVUint(addrWidth, uint64(t.Len()))))
		return fromBits(elementAt(bits(x), i, el.width), el), d, nil
	}
	return nil, nil, unsupported(e.Pos(), "indexing %s in a spec", xt)
}

// selector lowers X.f, following embedded fields and pointers.
func (s *specLowering) selector(e *ast.SelectorExpr, sel *types.Selection) (*smt.Term, *smt.Term, error) {
	x, d, err := s.expr(e.X)
	if err != nil {
		return nil, nil, err
	}
	t := s.info().Types[e.X].Type
	for _, idx := range sel.Index() {
		if p, ok := t.Underlying().(*types.Pointer); ok {
			// Through a pointer: read the field from memory.
			st := p.Elem()
			slotIdx, _, fl, err := fieldRange(st, idx)
			if err != nil {
				return nil, nil, unsupported(e.Pos(), "%v", err)
			}
			ft := st.Underlying().(*types.Struct).Field(idx).Type()
			d = smt.And(d, notNil(x))
			if x, err = s.load(e, fl, slotAddr(x, slotIdx), ft); err != nil {
				return nil, nil, err
			}
			t = ft
			continue
		}
		_, off, fl, err := fieldRange(t, idx)
		if err != nil {
			return nil, nil, unsupported(e.Pos(), "%v", err)
		}
		x = fromBits(extract(bits(x), off, fl.width), fl)
		t = t.Underlying().(*types.Struct).Field(idx).Type()
	}
	return x, d, nil
}

// compositeLit lowers a struct or array literal to its value.
func (s *specLowering) compositeLit(e *ast.CompositeLit) (*smt.Term, *smt.Term, error) {
	t := s.info().Types[e].Type
	lay, err := layoutOf(t)
	if err != nil {
		return nil, nil, unsupported(e.Pos(), "%v", err)
	}
	d := smt.True()
	switch u := t.Underlying().(type) {
	case *types.Struct:
		fields := make([]*smt.Term, u.NumFields())
		for i, elt := range e.Elts {
			idx := i
			val := elt
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				name, _ := kv.Key.(*ast.Ident)
				idx = -1
				for j := 0; j < u.NumFields(); j++ {
					if name != nil && u.Field(j).Name() == name.Name {
						idx = j
					}
				}
				if idx < 0 {
					return nil, nil, unsupported(kv.Pos(), "composite literal key")
				}
				val = kv.Value
			}
			v, dv, err := s.expr(val)
			if err != nil {
				return nil, nil, err
			}
			d = smt.And(d, dv)
			if u.Field(idx).Name() == "_" {
				continue // evaluated, but Go does not store it: the field stays zero
			}
			fields[idx] = v
		}
		if lay.zeroWidth() {
			return standIn(), d, nil
		}
		parts := make([]*smt.Term, 0, len(fields))
		for i, f := range fields {
			fl, err := layoutOf(u.Field(i).Type())
			if err != nil {
				return nil, nil, unsupported(e.Pos(), "%v", err)
			}
			if fl.zeroWidth() {
				continue // no bits
			}
			if f == nil {
				f = zeroValue(fl)
			}
			parts = append(parts, bits(f))
		}
		return fromBits(concat(parts), lay), d, nil
	case *types.Array:
		el, err := layoutOf(u.Elem())
		if err != nil {
			return nil, nil, unsupported(e.Pos(), "%v", err)
		}
		elems := make([]*smt.Term, u.Len())
		next := int64(0)
		for _, elt := range e.Elts {
			val := elt
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				tv := s.info().Types[kv.Key]
				if tv.Value == nil {
					return nil, nil, unsupported(kv.Pos(), "composite literal key")
				}
				k, ok := constantInt64(tv)
				if !ok {
					return nil, nil, unsupported(kv.Pos(), "composite literal key")
				}
				next = k
				val = kv.Value
			}
			v, dv, err := s.expr(val)
			if err != nil {
				return nil, nil, err
			}
			d = smt.And(d, dv)
			elems[next] = bits(v)
			next++
		}
		if lay.zeroWidth() || el.zeroWidth() {
			return standIn(), d, nil // no bits
		}
		for i := range elems {
			if elems[i] == nil {
				elems[i] = bits(zeroValue(el))
			}
		}
		return fromBits(concat(elems), lay), d, nil
	}
	return nil, nil, unsupported(e.Pos(), "composite literal of type %s in a spec", t)
}

// specBuiltinLen lowers len and cap of a slice in a spec.
func (s *specLowering) sliceLenCap(name string, e *ast.CallExpr) (*smt.Term, *smt.Term, bool, error) {
	if name != "len" && name != "cap" || len(e.Args) != 1 {
		return nil, nil, false, nil
	}
	if name == "len" && isMap(s.info().Types[e.Args[0]].Type) {
		v, d, err := s.mapLen(e)
		return v, d, true, err
	}
	isStr := isString(s.info().Types[e.Args[0]].Type)
	if _, ok := s.info().Types[e.Args[0]].Type.Underlying().(*types.Slice); !ok && !(isStr && name == "len") {
		return nil, nil, false, nil
	}
	if isStr {
		x, d, err := s.expr(e.Args[0])
		if err != nil {
			return nil, nil, true, err
		}
		return builtinLenString(x), d, true, nil
	}
	x, d, err := s.expr(e.Args[0])
	if err != nil {
		return nil, nil, true, err
	}
	_, length, capacity := sliceParts(x)
	if name == "len" {
		return length, d, true, nil
	}
	return capacity, d, true, nil
}

// oldCall lowers old(E): E in the memory on entry.
func (s *specLowering) oldCall(e *ast.CallExpr) (*smt.Term, *smt.Term, error) {
	if s.results == nil && s.entry == nil && s.old == nil {
		return nil, nil, unsupported(e.Pos(), "old(...) outside an ensures clause, a loop invariant or a ghost line")
	}
	if s.old != nil {
		return s.oldInInvariant(e)
	}
	saved, wrote := s.mem, s.wrote
	s.mem = s.pre
	defer func() { s.mem = saved }()
	if s.entry != nil { // a ghost line: the parameters as they were on entry
		params := s.params
		s.params = s.entry
		defer func() { s.params = params }()
	}
	v, d, err := s.expr(e.Args[0])
	if err == nil && s.wrote != wrote && hasPointers(s.info().Types[e.Args[0]].Type) {
		// What the calls wrote is in the entry memory only, which the
		// rest of the clause does not read.
		return nil, nil, unsupported(e.Pos(), "old(...) of a value with pointers computed by a call that writes memory")
	}
	return v, d, err
}

// constantInt64 is the value of an integer constant.
func constantInt64(tv types.TypeAndValue) (int64, bool) {
	if tv.Value == nil {
		return 0, false
	}
	return constant.Int64Val(constant.ToInt(tv.Value))
}

// nilCompare lowers X == nil or X != nil (either side may be nil).
func (s *specLowering) nilCompare(e *ast.BinaryExpr) (*smt.Term, *smt.Term, error) {
	x := e.X
	if s.info().Types[x].IsNil() {
		x = e.Y
	}
	v, d, err := s.expr(x)
	if err != nil {
		return nil, nil, err
	}
	t := s.info().Types[x].Type
	if isMap(t) {
		eq := isNilMap(v)
		if e.Op == token.NEQ {
			eq = smt.Not(eq)
		}
		return eq, d, nil
	}
	if isInterface(t) {
		if e.Op == token.NEQ {
			return smt.Not(ifaceIsNil(v)), d, nil
		}
		return ifaceIsNil(v), d, nil
	}
	if isFunc(t) { // a function-typed parameter (funcparam.go)
		eq := smt.Eq(v, smt.BVUint(funcWidth, 0))
		if e.Op == token.NEQ {
			eq = smt.Not(eq)
		}
		return eq, d, nil
	}
	lay, err := layoutOf(t)
	if err != nil {
		return nil, nil, unsupported(e.Pos(), "%v", err)
	}
	eq, _, err := binary(token.EQL, v, zeroValue(lay), t, t)
	if err != nil {
		return nil, nil, unsupported(e.OpPos, "%v", err)
	}
	switch e.Op {
	case token.EQL:
		return eq, d, nil
	case token.NEQ:
		return smt.Not(eq), d, nil
	}
	return nil, nil, unsupported(e.OpPos, "operator %s with nil", e.Op)
}
