package ssa

import (
	"go/token"
	"strings"

	gossa "golang.org/x/tools/go/ssa"
)

// Calls in clauses. A clause is an expression: evaluating it must not
// change the state it describes. Go, though, would run a function called
// from a clause with all its effects, and in an order the specification
// leaves partly open (`Inc(p) + *p`). So, as in Dafny and Gobra, a
// function called from a clause must be pure towards what exists when it
// is called: it may allocate, and write what it allocated (a local array,
// a struct literal, a slice it appends to), but not the memory its
// arguments lead to. A call to a function that may write such memory is
// unsupported, naming the call and the write.
//
// Whether a function writes only memory it allocated is decided
// statically (effectsOf): every write — a store, append or copy into a
// slice, clear, and the writes of the functions it calls — has its
// address traced back, through field and element addresses, slicing and
// conversions, to where it comes from: an allocation of this activation
// (fresh), a parameter (the objects the argument points to), or anything
// else (a pointer loaded from memory, returned by a call, a package
// variable): unknown, which is never allowed. A callee's writes through
// its parameters are traced on through the arguments of each call, so a
// helper that fills a buffer its caller allocated keeps the caller pure.
//
// The memory a clause's calls write is fresh, so their effects cannot be
// seen by the rest of the clause except through what they return: the
// lowering carries the memory from one call to the next (spec.go), which
// makes `Get(New())` read what New wrote, and no order of evaluation
// Go may choose changes the clause's value.

// writeSite is where a function writes memory: the instruction's position
// and the function it is in.
type writeSite struct {
	pos token.Pos
	fn  *gossa.Function
}

// effects is what a function may write, transitively.
type effects struct {
	any    bool              // it writes some memory, fresh included
	params map[int]writeSite // it writes the objects parameter i leads to
	other  *writeSite        // it writes memory of unknown origin
}

// origin is where an address or slice comes from.
type origin struct {
	params  []int // the parameters it is derived from
	unknown bool  // derived from something other than an allocation or a parameter
}

// effectsOf returns the effects of fn, computed once per lowering.
// Recursive functions get the least fixed point: every function fn may
// reach starts writing nothing, and each is recomputed from its callees'
// current effects until none grows (they only grow, and are finite).
func (l *lowering) effectsOf(fn *gossa.Function) *effects {
	if e, ok := l.effects[fn]; ok {
		return e
	}
	if l.effects == nil {
		l.effects = make(map[*gossa.Function]*effects)
	}
	var fns []*gossa.Function
	cur := map[*gossa.Function]*effects{}
	var reach func(f *gossa.Function)
	reach = func(f *gossa.Function) {
		if _, done := l.effects[f]; done || cur[f] != nil {
			return
		}
		cur[f] = &effects{params: map[int]writeSite{}}
		fns = append(fns, f)
		for _, b := range f.Blocks {
			for _, instr := range b.Instrs {
				if c, ok := instr.(gossa.CallInstruction); ok {
					if callee := c.Common().StaticCallee(); callee != nil && callee.Blocks != nil {
						reach(callee)
					}
				}
			}
		}
	}
	reach(fn)
	get := func(f *gossa.Function) *effects {
		if e, ok := l.effects[f]; ok {
			return e
		}
		return cur[f]
	}
	for changed := true; changed; {
		changed = false
		for _, f := range fns {
			e := directEffects(f, get)
			if e.grew(cur[f]) {
				cur[f], changed = e, true
			}
		}
	}
	for _, f := range fns {
		l.effects[f] = cur[f]
	}
	return l.effects[fn]
}

// grew reports whether e writes something old does not.
func (e *effects) grew(old *effects) bool {
	if e.any != old.any || (e.other != nil) != (old.other != nil) || len(e.params) != len(old.params) {
		return true
	}
	for i := range e.params {
		if _, ok := old.params[i]; !ok {
			return true
		}
	}
	return false
}

// directEffects computes the effects of fn from its instructions, with
// callee giving the effects of the functions it calls.
func directEffects(fn *gossa.Function, callee func(*gossa.Function) *effects) *effects {
	e := &effects{params: map[int]writeSite{}}
	params := map[*gossa.Parameter]int{}
	for i, p := range fn.Params {
		params[p] = i
	}
	record := func(o origin, site writeSite) {
		e.any = true
		if o.unknown && e.other == nil {
			s := site
			e.other = &s
		}
		for _, i := range o.params {
			if _, ok := e.params[i]; !ok {
				e.params[i] = site
			}
		}
	}
	unknown := origin{unknown: true}
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			here := writeSite{instr.Pos(), fn}
			if makesString(instr) {
				e.any = true // fresh memory only
			}
			switch in := instr.(type) {
			case *gossa.Store:
				if here.pos == token.NoPos {
					here.pos = in.Addr.Pos()
				}
				record(originOf(in.Addr, params), here)
			case *gossa.MapUpdate:
				record(originOf(in.Map, params), here)
			case *gossa.Send:
				record(unknown, here)
			case gossa.CallInstruction:
				c := in.Common()
				if c.IsInvoke() {
					record(unknown, here)
					continue
				}
				switch f := c.Value.(type) {
				case *gossa.Builtin:
					switch f.Name() {
					case "append", "copy", "clear", "delete":
						record(originOf(c.Args[0], params), here)
					}
				case *gossa.Function:
					if f.Blocks == nil {
						if f.Pkg == nil || f.Pkg.Pkg.Path() != "math/bits" {
							record(unknown, here)
						}
						continue
					}
					ce := callee(f)
					if !ce.any {
						continue
					}
					e.any = true
					if ce.other != nil {
						record(unknown, *ce.other)
					}
					for j := range f.Params {
						if site, ok := ce.params[j]; ok {
							record(originOf(c.Args[j], params), site)
						}
					}
				default:
					record(unknown, here)
				}
			}
		}
	}
	return e
}

// originOf traces v, an address or a value holding one, back to where it
// comes from.
func originOf(v gossa.Value, params map[*gossa.Parameter]int) origin {
	var o origin
	seen := map[gossa.Value]bool{}
	var walk func(v gossa.Value)
	walk = func(v gossa.Value) {
		if seen[v] || o.unknown {
			return
		}
		seen[v] = true
		switch v := v.(type) {
		case *gossa.Alloc, *gossa.MakeSlice, *gossa.Const:
			// A new object, or nil (which append grows into a new one and
			// copy writes nothing of).
		case *gossa.Parameter:
			i, ok := params[v]
			if !ok {
				o.unknown = true
				return
			}
			o.params = append(o.params, i)
		case *gossa.FieldAddr:
			walk(v.X)
		case *gossa.IndexAddr:
			walk(v.X)
		case *gossa.Field:
			walk(v.X)
		case *gossa.Index:
			walk(v.X)
		case *gossa.Slice:
			walk(v.X)
		case *gossa.ChangeType:
			walk(v.X)
		case *gossa.Convert:
			walk(v.X)
		case *gossa.SliceToArrayPointer:
			walk(v.X)
		case *gossa.Phi:
			for _, e := range v.Edges {
				walk(e)
			}
		case *gossa.Call:
			// append returns its first argument's array when it has room,
			// a new one otherwise.
			if b, ok := v.Call.Value.(*gossa.Builtin); ok && b.Name() == "append" {
				walk(v.Call.Args[0])
				return
			}
			o.unknown = true
		default:
			// Loaded from memory, returned by a call, a package variable:
			// it may lead to any object.
			o.unknown = true
		}
	}
	walk(v)
	return o
}

// clauseCallWrites reports a call to fn from a clause at pos when fn may
// write memory it did not allocate: the clause would change what it
// describes.
func (l *lowering) clauseCallWrites(fn *gossa.Function, pos token.Pos) error {
	e := l.effectsOf(fn)
	site := e.other
	for i := range fn.Params {
		if s, ok := e.params[i]; ok && (site == nil || s.pos < site.pos) {
			s := s
			site = &s
		}
	}
	if site == nil {
		return nil
	}
	var where string
	if site.pos.IsValid() {
		where = "at " + fn.Prog.Fset.Position(site.pos).String()
	}
	if site.fn != fn {
		where = strings.TrimPrefix(where+", in "+site.fn.Name(), ", ")
	}
	if where != "" {
		where = " (" + where + ")"
	}
	return unsupported(pos, "call to %s in a clause: %s may write memory it did not allocate%s; a clause must not change the memory it describes", fn.Name(), fn.Name(), where)
}
