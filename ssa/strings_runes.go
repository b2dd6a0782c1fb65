package ssa

import (
	"go/token"
	"go/types"

	"github.com/vsynth/vsynth/smt"
)

// []rune(s) and string(runes). Both walk a sequence whose length the
// other does not fix (a rune takes 1 to 4 bytes), so they are unrolled
// like a loop without invariants: f.l.unroll runes, and an unwinding
// obligation (unknown with the reason, never assumed) where the
// conversion may need more; the paths beyond are cut.

// isRuneSlice reports whether t is a slice of runes (a type whose
// underlying type is int32).
func isRuneSlice(t types.Type) bool {
	s, ok := t.Underlying().(*types.Slice)
	if !ok {
		return false
	}
	b, ok := s.Elem().Underlying().(*types.Basic)
	return ok && b.Kind() == types.Int32
}

// runeRegion is the memory region of rune slices' elements.
const runeRegion = "int32"

// stringToRunes lowers []rune(s): a new array of the runes of s, decoded
// as for range does. Its capacity is the runtime's choice (a fresh
// variable, at least the length), the elements past the length zero
// (rawruneslice clears them, a stack buffer is zeroed).
func (f *frame) stringToRunes(x *smt.Term, pos token.Pos) (*smt.Term, error) {
	_, n := strParts(x)
	k := f.l.unroll
	dst, err := f.l.allocate(pos, maxElems(types.Typ[types.Int32]))
	if err != nil {
		return nil, err
	}
	m := f.mem
	at := smt.BVUint(addrWidth, 0)
	count := smt.BVUint(addrWidth, 0)
	for j := 0; j < k; j++ {
		active := smt.BVUlt(at, n)
		if active.IsFalse() {
			break
		}
		r, w := f.l.decodeRune(f.mem, x, at)
		m = f.l.writeSlot(m, runeRegion, smt.BVAdd(dst, smt.BVUint(addrWidth, uint64(j))),
			smt.Ite(active, r, smt.BVUint(32, 0)))
		count = smt.Ite(active, smt.BVUint(addrWidth, uint64(j+1)), count)
		at = smt.Ite(active, smt.BVAdd(at, w), at)
	}
	f.conversionBound(pos, "[]rune(s)", smt.BVUlt(at, n))
	f.mem = m
	f.l.allocated(count)
	capacity := f.l.freshVar("runescap", smt.BitVecSort(addrWidth))
	f.l.lemmas = append(f.l.lemmas, smt.BVUle(count, capacity), smt.BVUle(capacity, smt.BVUint(addrWidth, maxElems(types.Typ[types.Int32]))))
	return makeSlice(dst, count, capacity), nil
}

// runesToString lowers string(runes): a new string of the UTF-8
// encodings of the runes, U+FFFD for a value that is no code point.
func (f *frame) runesToString(v *smt.Term, pos token.Pos) (*smt.Term, error) {
	ptr, n, _ := sliceParts(v)
	k := f.l.unroll
	type enc struct {
		off, end *smt.Term // the bytes [off, end) of the result
		bytes    [4]*smt.Term
	}
	var encs []enc
	total := smt.BVUint(addrWidth, 0)
	for j := 0; j < k; j++ {
		active := smt.BVUlt(smt.BVUint(addrWidth, uint64(j)), n)
		if active.IsFalse() {
			break
		}
		r := f.l.readSlot(f.mem, runeRegion, smt.BVAdd(ptr, smt.BVUint(addrWidth, uint64(j))))
		bytes, w := encodeRune(smt.SignExt(32, r))
		end := smt.Ite(active, smt.BVAdd(total, w), total)
		encs = append(encs, enc{total, end, bytes})
		total = end
	}
	f.conversionBound(pos, "string(runes)", smt.BVUlt(smt.BVUint(addrWidth, uint64(k)), n))
	dst, err := f.l.allocate(pos, uint64(4*k))
	if err != nil {
		return nil, err
	}
	f.l.allocated(total)
	f.mem = f.l.writeString(f.mem, dst, total, func(at *smt.Term) *smt.Term {
		out := smt.BVUint(8, 0)
		for j := len(encs) - 1; j >= 0; j-- {
			e := encs[j]
			d := smt.BVSub(at, e.off)
			b := smt.Ite(smt.Eq(d, smt.BVUint(addrWidth, 0)), e.bytes[0],
				smt.Ite(smt.Eq(d, smt.BVUint(addrWidth, 1)), e.bytes[1],
					smt.Ite(smt.Eq(d, smt.BVUint(addrWidth, 2)), e.bytes[2], e.bytes[3])))
			out = smt.Ite(smt.BVUlt(at, e.end), b, out)
		}
		return out
	})
	return makeStr(dst, total), nil
}
