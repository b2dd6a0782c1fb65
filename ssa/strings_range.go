package ssa

import (
	"go/token"
	"strconv"

	gossa "golang.org/x/tools/go/ssa"

	"github.com/vsynth/vsynth/smt"
)

// for range over a string. go/ssa lowers `for i, r := range s` to an
// iterator, `it = range s`, made before the loop, and `next it` at the
// loop's head, a tuple (ok, i, r) that decodes the rune at the
// iterator's hidden position and moves past it. The position is state
// the loop changes, so it lives in memory: the iterator is the string
// and the address of a slot of its own in the region strPosRegion, which
// `range` allocates and sets to 0 and `next` advances. Merges at joins,
// the havoc of a loop with invariants (the region is written by the
// loop) and unrolling then treat it as they treat every other memory.
// In an invariant, the key of a range over a string is the position at
// the head: the byte offset of the rune the next iteration reads (0 on
// entry, len(s) after the last one).
//
// The decoding is the runtime's (decoderune), which is
// utf8.DecodeRuneInString's: a byte below 0x80 is itself; a well-formed
// sequence of 2, 3 or 4 bytes is its code point, unless overlong, a
// surrogate (U+D800..U+DFFF) or above U+10FFFF; anything else, a
// truncated sequence included, is U+FFFD of width 1.

// strPosRegion holds the positions of the iterators over strings.
const strPosRegion = "strpos"

// execStringRange lowers `range s` and `next it` over a string; ok is
// false for other instructions.
func (f *frame) execStringRange(instr gossa.Instruction) (bool, error) {
	switch in := instr.(type) {
	case *gossa.Range:
		if !isString(in.X.Type()) {
			return false, nil
		}
		x, err := f.value(in.X)
		if err != nil {
			return true, err
		}
		slot, err := f.l.allocate(in.Pos(), 1)
		if err != nil {
			return true, err
		}
		f.mem = f.l.writeSlot(f.mem, strPosRegion, slot, smt.BVUint(addrWidth, 0))
		f.cur.vals[in] = concat([]*smt.Term{x, slot})
		return true, nil
	case *gossa.Next:
		if !in.IsString {
			return false, nil
		}
		it, err := f.value(in.Iter)
		if err != nil {
			return true, err
		}
		x, slot := extract(it, 0, 2*addrWidth), extract(it, 2*addrWidth, addrWidth)
		_, n := strParts(x)
		pos := f.l.readSlot(f.mem, strPosRegion, slot)
		ok := smt.BVUlt(pos, n)
		r, w := f.l.decodeRune(f.mem, x, pos)
		f.mem = f.l.writeSlot(f.mem, strPosRegion, slot, smt.Ite(ok, smt.BVAdd(pos, w), pos))
		f.cur.tuples[in] = []*smt.Term{ok, pos, r}
		f.cur.vals[in] = smt.True() // placeholder: tuples are read through Extract
		return true, nil
	}
	return false, nil
}

// stringRangePos is the position of the iterator over a string that the
// head of loop lp advances, in scope at and memory mem; ok is false when
// lp's head has no such iterator.
func (f *frame) stringRangePos(lp *loop, at *scope, mem memory) (*smt.Term, bool, error) {
	next := stringNext(lp)
	if next == nil {
		return nil, false, nil
	}
	it, err := f.valueIn(at, next.Iter)
	if err != nil {
		return nil, true, err
	}
	return f.l.readSlot(mem, strPosRegion, extract(it, 2*addrWidth, addrWidth)), true, nil
}

// stringRangeWithin is what holds of the position of the iterator over
// a string that the head of lp advances, in every state Go reaches: it
// lies within the string, 0 <= pos <= len(s) (range starts it at 0, and
// next moves it past a rune's bytes only while it is below len(s)). It
// is assumed of the arbitrary state of a loop with invariants, with them.
func (f *frame) stringRangeWithin(lp *loop, at *scope, mem memory) (*smt.Term, bool, error) {
	next := stringNext(lp)
	if next == nil {
		return nil, false, nil
	}
	it, err := f.valueIn(at, next.Iter)
	if err != nil {
		return nil, true, err
	}
	_, n := strParts(extract(it, 0, 2*addrWidth))
	pos := f.l.readSlot(mem, strPosRegion, extract(it, 2*addrWidth, addrWidth))
	return smt.BVUle(pos, n), true, nil
}

// stringNext is the `next` over a string at the head of lp, or nil.
func stringNext(lp *loop) *gossa.Next {
	for _, instr := range lp.header.Instrs {
		if n, ok := instr.(*gossa.Next); ok && n.IsString {
			return n
		}
	}
	return nil
}

// decodeRune decodes the rune of string x at byte offset pos (which is
// below len(x) wherever the result is used), as the runtime's
// decoderune: the rune (int32) and its width in bytes (64-bit).
func (l *lowering) decodeRune(m memory, x, pos *smt.Term) (r, width *smt.Term) {
	_, n := strParts(x)
	var b, has [4]*smt.Term
	for j := range b {
		at := smt.BVAdd(pos, smt.BVUint(addrWidth, uint64(j)))
		b[j], has[j] = l.byteAt(m, x, at), smt.BVUlt(at, n)
	}
	return decodeBytes(b, has)
}

// decodeBytes is the decoding of the bytes b, of which those where has
// holds exist (has[0] holds wherever the result is used), as the
// runtime's decoderune: the rune (int32) and its width (64-bit).
func decodeBytes(b, has [4]*smt.Term) (r, width *smt.Term) {
	u8 := func(v uint64) *smt.Term { return smt.BVUint(8, v) }
	u32 := func(v uint64) *smt.Term { return smt.BVUint(32, v) }
	in := func(v *smt.Term, lo, hi uint64) *smt.Term { return smt.And(smt.BVUle(u8(lo), v), smt.BVUle(v, u8(hi))) }
	cont := func(j int) *smt.Term { return smt.And(has[j], in(b[j], 0x80, 0xBF)) }
	bits := func(j int, mask uint64, shift uint64) *smt.Term {
		return smt.BVShl(smt.ZeroExt(24, smt.BVAnd(b[j], u8(mask))), u32(shift))
	}
	r2 := smt.BVOr(bits(0, 0x1F, 6), bits(1, 0x3F, 0))
	r3 := smt.BVOr(bits(0, 0x0F, 12), smt.BVOr(bits(1, 0x3F, 6), bits(2, 0x3F, 0)))
	r4 := smt.BVOr(smt.BVOr(bits(0, 0x07, 18), bits(1, 0x3F, 12)), smt.BVOr(bits(2, 0x3F, 6), bits(3, 0x3F, 0)))
	ok2 := smt.And(in(b[0], 0xC0, 0xDF), cont(1), smt.BVUlt(u32(0x7F), r2))
	ok3 := smt.And(in(b[0], 0xE0, 0xEF), cont(1), cont(2), smt.BVUlt(u32(0x7FF), r3),
		smt.Not(smt.And(smt.BVUle(u32(0xD800), r3), smt.BVUle(r3, u32(0xDFFF)))))
	ok4 := smt.And(in(b[0], 0xF0, 0xF7), cont(1), cont(2), cont(3), smt.BVUlt(u32(0xFFFF), r4), smt.BVUle(r4, u32(0x10FFFF)))
	ascii := smt.BVUlt(b[0], u8(0x80))
	w := func(v uint64) *smt.Term { return smt.BVUint(addrWidth, v) }
	r = smt.Ite(ascii, smt.ZeroExt(24, b[0]), smt.Ite(ok2, r2, smt.Ite(ok3, r3, smt.Ite(ok4, r4, u32(0xFFFD)))))
	width = smt.Ite(ascii, w(1), smt.Ite(ok2, w(2), smt.Ite(ok3, w(3), smt.Ite(ok4, w(4), w(1)))))
	return r, width
}

// encodeRune is the UTF-8 encoding of rune c (a 64-bit code point, where
// a value that is no valid code point stands for U+FFFD), as the
// runtime's encoderune: its bytes (those past its width zero) and its
// width.
func encodeRune(c *smt.Term) (bytes [4]*smt.Term, n *smt.Term) {
	u := func(v uint64) *smt.Term { return smt.BVUint(64, v) }
	valid := smt.And(smt.BVUle(c, u(0x10FFFF)), smt.Not(smt.And(smt.BVUle(u(0xD800), c), smt.BVUle(c, u(0xDFFF)))))
	c = smt.Ite(valid, c, u(0xFFFD))
	b := func(v *smt.Term) *smt.Term { return smt.Extract(7, 0, v) }
	shr := func(n uint64) *smt.Term { return smt.BVLShr(c, u(n)) }
	cont := func(v *smt.Term) *smt.Term { return smt.BVOr(u(0x80), smt.BVAnd(v, u(0x3F))) }
	one, two, three := smt.BVUlt(c, u(0x80)), smt.BVUlt(c, u(0x800)), smt.BVUlt(c, u(0x10000))
	sel := func(b1, b2, b3, b4 *smt.Term) *smt.Term {
		return smt.Ite(one, b1, smt.Ite(two, b2, smt.Ite(three, b3, b4)))
	}
	zero := u(0)
	bytes = [4]*smt.Term{
		b(sel(c, smt.BVOr(u(0xC0), shr(6)), smt.BVOr(u(0xE0), shr(12)), smt.BVOr(u(0xF0), shr(18)))),
		b(sel(zero, cont(c), cont(shr(6)), cont(shr(12)))),
		b(sel(zero, zero, cont(c), cont(shr(6)))),
		b(sel(zero, zero, zero, cont(c))),
	}
	n = smt.Ite(one, u(1), smt.Ite(two, u(2), smt.Ite(three, u(3), u(4))))
	return bytes, n
}

// conversionBound records that the conversion at pos, unrolled for
// f.l.unroll runes, may need more when more holds: an unwinding
// obligation, unknown with the reason when it can happen (as for a loop
// without invariants), and the path beyond is cut.
func (f *frame) conversionBound(pos token.Pos, what string, more *smt.Term) {
	when := smt.And(f.guard, more)
	if when.IsFalse() {
		return
	}
	if f.emit {
		f.l.obligations = append(f.l.obligations, &Obligation{
			Kind: Unwinding, Pos: pos, Bound: f.l.unroll,
			Guard: when, Goal: smt.False(),
			Via:        append([]token.Pos(nil), f.l.via...),
			unknownWhy: what + " at " + f.fn.Prog.Fset.Position(pos).String() + " may need more than " + strconv.Itoa(f.l.unroll) + " runes (raise --unroll, or bound the length in a requires clause)",
		})
	} else {
		f.l.beyond = append(f.l.beyond, &beyondSite{pos: pos, fn: f.fn, bound: f.l.unroll, when: when})
	}
	f.guard = smt.And(f.guard, smt.Not(more))
}
