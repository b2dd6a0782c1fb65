package ssa

import (
	"fmt"
	"go/token"
	"go/types"
	"reflect"

	"github.com/vsynth/vsynth/smt"
)

// When append outgrows a slice's capacity, the runtime picks the new
// capacity: doubling below 256 elements, about 1.25× above, rounded up to
// a malloc size class. The Go specification leaves this open and it
// changes between releases, so the lowering makes each such capacity a
// fresh variable, at least the new length. A proof then holds for every
// growth policy. A counterexample, though, must be one the compiled
// function reproduces: before one is reported, every capacity its model
// picks is compared with what this build's runtime picks for the same
// old capacity and new length (runtimeCap), and where they differ the
// runtime's answer is added as a fact and the query re-decided.

// growSite is an append that may reallocate.
type growSite struct {
	newCap, oldCap, newLen *smt.Term
	grow                   *smt.Term // the append reallocates
	reached                *smt.Term // the append runs (its frame's guard)
	elem                   types.Type
	pos                    token.Pos
}

// maxGrowRounds bounds the re-decisions of one query with the runtime's
// capacities added.
const maxGrowRounds = 8

// maxRuntimeCapBytes bounds the arrays runtimeCap allocates to ask the
// runtime.
const maxRuntimeCapBytes = 1 << 24

// runtimeCap is the capacity this build's append gives a slice of
// capacity oldCap grown to newLen elements of type elem; ok is false when
// it cannot be asked (element type, or sizes too big).
func runtimeCap(oldCap, newLen uint64, elem types.Type) (uint64, bool) {
	size := types.SizesFor("gc", "amd64").Sizeof(elem)
	if size <= 0 || newLen <= oldCap || newLen > maxRuntimeCapBytes/uint64(size) {
		return 0, false
	}
	if oldCap == 0 {
		// Since Go 1.25 the compiler may give the first append to an
		// empty slice that does not escape a 32-byte stack buffer, with
		// a capacity growslice would not pick: which one a compiled
		// function gets is the compiler's choice, not the runtime's.
		return 0, false
	}
	// growslice depends only on the element's size and whether it holds
	// pointers: a type with the same two properties stands in for elem.
	var t reflect.Type
	if hasPointers(elem) {
		if size < 8 || size%8 != 0 {
			return 0, false
		}
		fields := []reflect.StructField{{Name: "P", Type: reflect.TypeFor[*byte]()}}
		if size > 8 {
			fields = append(fields, reflect.StructField{Name: "B", Type: reflect.ArrayOf(int(size-8), reflect.TypeFor[byte]())})
		}
		t = reflect.StructOf(fields)
	} else {
		t = reflect.ArrayOf(int(size), reflect.TypeFor[byte]())
	}
	if t.Size() != uintptr(size) {
		return 0, false
	}
	st := reflect.SliceOf(t)
	s := reflect.MakeSlice(st, int(oldCap), int(oldCap))
	s = reflect.AppendSlice(s, reflect.MakeSlice(st, int(newLen-oldCap), int(newLen-oldCap)))
	return uint64(s.Cap()), true
}

// growFacts returns, for each append of vc that reallocates in model m
// with a capacity other than the runtime's, the fact that fixes it; ok is
// false when the runtime's capacity cannot be asked for one of them.
func (vc *VC) growFacts(m smt.Model, q *smt.Term) (facts []*smt.Term, ok bool, err error) {
	if len(vc.lowering.grows) == 0 {
		return nil, true, nil
	}
	in := map[string]bool{}
	for _, v := range smt.Vars(q) {
		in[v.Name()] = true
	}
	for _, g := range vc.lowering.grows {
		if !in[g.newCap.Name()] {
			continue
		}
		vals := make([]*smt.Term, 5)
		for i, t := range []*smt.Term{g.grow, g.oldCap, g.newLen, g.newCap, g.reached} {
			if vals[i], err = m.Eval(t); err != nil {
				return nil, false, fmt.Errorf("reading an append's capacity: %w", err)
			}
		}
		if !vals[0].IsTrue() || !vals[4].IsTrue() {
			continue // no growth on the model's path
		}
		oldCap, newLen, picked := vals[1].Value().Uint64(), vals[2].Value().Uint64(), vals[3].Value().Uint64()
		if newLen > maxElems(g.elem) {
			// n elements do not fit in maxAlloc bytes: growslice panics
			// whatever capacity it would pick, as the model does (its
			// capacity is at least n).
			continue
		}
		want, known := runtimeCap(oldCap, newLen, g.elem)
		if !known {
			return nil, false, nil
		}
		if picked == want {
			continue
		}
		facts = append(facts, smt.Implies(
			smt.And(smt.Eq(g.oldCap, vals[1]), smt.Eq(g.newLen, vals[2])),
			smt.Eq(g.newCap, smt.BVUint(addrWidth, want))))
	}
	return facts, true, nil
}
