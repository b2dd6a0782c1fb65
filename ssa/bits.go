package ssa

import (
	"fmt"
	"strings"

	"github.com/vsynth/vsynth/smt"
)

// Models of package math/bits, written from its documented semantics. The
// results of type int are 64-bit, like int on the platforms vsynth models.
// Every input outside a function's documented domain is an obligation,
// never a guessed result:
//   - Add, Add32, Add64: "The carry input must be 0 or 1; otherwise the
//     behavior is undefined" (the compiled intrinsic adds 1 for a carry
//     of 2 or 3, and 0 for 1<<63): a carry-domain obligation;
//   - Sub, Sub32, Sub64: the same of the borrow: carry-domain;
//   - Div, Div32, Div64: panic for y == 0 (divide-by-zero) and for
//     y <= hi, a quotient that overflows (divide-overflow);
//   - Rem, Rem32, Rem64: panic for y == 0 only (divide-by-zero);
//   - LeadingZeros, TrailingZeros, OnesCount, Len, Reverse, ReverseBytes,
//     Mul: total; RotateLeft: total, a negative k rotates right.

// bitsCall returns the results of math/bits function name applied to args,
// and the hazards under which it panics.
func bitsCall(name string, args []*smt.Term) ([]*smt.Term, []hazard, error) {
	base, width := splitWidth(name)
	one := func(t *smt.Term) ([]*smt.Term, []hazard, error) { return []*smt.Term{t}, nil, nil }
	switch base {
	case "LeadingZeros":
		return one(smt.ZeroExt(wordSize-countBits, leadingZeros(args[0])))
	case "TrailingZeros":
		return one(smt.ZeroExt(wordSize-countBits, trailingZeros(args[0])))
	case "OnesCount":
		return one(onesCount(args[0]))
	case "Len":
		w := args[0].Sort().Width()
		lz := smt.ZeroExt(wordSize-countBits, leadingZeros(args[0]))
		return one(smt.BVSub(smt.BVInt(wordSize, int64(w)), lz))
	case "RotateLeft":
		return one(rotateLeft(args[0], args[1]))
	case "Reverse":
		return one(reverseBits(args[0]))
	case "ReverseBytes":
		return one(reverseBytes(args[0]))
	case "Add":
		return addCarry(args[0], args[1], args[2]), carryDomain(args[2]), nil
	case "Sub":
		return subBorrow(args[0], args[1], args[2]), carryDomain(args[2]), nil
	case "Mul":
		return mulFull(args[0], args[1]), nil, nil
	case "Div", "Rem":
		if width != 32 && width != 64 {
			break
		}
		return divWide(base, args[0], args[1], args[2])
	}
	return nil, nil, fmt.Errorf("math/bits.%s is not modelled", name)
}

// splitWidth splits "OnesCount32" into "OnesCount" and 32; a name without
// a width suffix works on uint, 64 bits here.
func splitWidth(name string) (string, int) {
	for _, s := range []string{"8", "16", "32", "64"} {
		if strings.HasSuffix(name, s) {
			var w int
			fmt.Sscan(s, &w)
			return strings.TrimSuffix(name, s), w
		}
	}
	return name, wordSize
}

// countBits is the width of the counts built below: 7 bits cover 0..64.
const countBits = 7

// leadingZeros counts the leading zero bits of x as a 7-bit vector.
func leadingZeros(x *smt.Term) *smt.Term {
	w := x.Sort().Width()
	r := smt.BVInt(countBits, int64(w))
	// Scan from the least significant bit up, so the highest set bit wins.
	for i := 0; i < w; i++ {
		r = smt.Ite(bitSet(x, i), smt.BVInt(countBits, int64(w-1-i)), r)
	}
	return r
}

// trailingZeros counts the trailing zero bits of x as a 7-bit vector.
func trailingZeros(x *smt.Term) *smt.Term {
	w := x.Sort().Width()
	r := smt.BVInt(countBits, int64(w))
	for i := w - 1; i >= 0; i-- {
		r = smt.Ite(bitSet(x, i), smt.BVInt(countBits, int64(i)), r)
	}
	return r
}

func bitSet(x *smt.Term, i int) *smt.Term {
	return smt.Eq(smt.Extract(i, i, x), smt.BVInt(1, 1))
}

// onesCount is the population count of x as an int.
func onesCount(x *smt.Term) *smt.Term {
	w := x.Sort().Width()
	sum := smt.BVInt(wordSize, 0)
	for i := 0; i < w; i++ {
		sum = smt.BVAdd(sum, smt.ZeroExt(wordSize-1, smt.Extract(i, i, x)))
	}
	return sum
}

// rotateLeft rotates x left by k mod w bits; a negative k rotates right.
func rotateLeft(x, k *smt.Term) *smt.Term {
	w := x.Sort().Width()
	// s = uint(k) & (w-1), as a w-bit shift amount.
	s := smt.Extract(log2(w)-1, 0, k)
	s = smt.ZeroExt(w-log2(w), s)
	left := smt.BVShl(x, s)
	right := smt.BVLShr(x, smt.BVSub(smt.BVInt(w, int64(w)), s)) // shifting by w yields 0
	return smt.BVOr(left, right)
}

func log2(w int) int {
	n := 0
	for 1<<n < w {
		n++
	}
	return n
}

// reverseBits reverses the order of x's bits.
func reverseBits(x *smt.Term) *smt.Term {
	w := x.Sort().Width()
	r := smt.Extract(0, 0, x)
	for i := 1; i < w; i++ {
		r = smt.Concat(r, smt.Extract(i, i, x))
	}
	return r
}

// reverseBytes reverses the order of x's bytes.
func reverseBytes(x *smt.Term) *smt.Term {
	w := x.Sort().Width()
	r := smt.Extract(7, 0, x)
	for i := 8; i < w; i += 8 {
		r = smt.Concat(r, smt.Extract(i+7, i, x))
	}
	return r
}

// carryDomain is the hazard of a carry or borrow other than 0 or 1, for
// which math/bits leaves the results undefined. Under the obligation, the
// formulas below are used for carries of 0 and 1 only.
func carryDomain(carry *smt.Term) []hazard {
	w := carry.Sort().Width()
	return hazardsIf(CarryDomain, smt.BVUlt(smt.BVInt(w, 1), carry))
}

// addCarry is bits.Add: sum = x + y + carry and
// carryOut = ((x & y) | ((x | y) &^ sum)) >> (w-1).
func addCarry(x, y, carry *smt.Term) []*smt.Term {
	w := x.Sort().Width()
	sum := smt.BVAdd(smt.BVAdd(x, y), carry)
	c := smt.BVOr(smt.BVAnd(x, y), smt.BVAnd(smt.BVOr(x, y), smt.BVNot(sum)))
	return []*smt.Term{sum, smt.BVLShr(c, smt.BVInt(w, int64(w-1)))}
}

// subBorrow is bits.Sub: diff = x - y - borrow and
// borrowOut = ((^x & y) | (^(x ^ y) & diff)) >> (w-1).
func subBorrow(x, y, borrow *smt.Term) []*smt.Term {
	w := x.Sort().Width()
	diff := smt.BVSub(smt.BVSub(x, y), borrow)
	b := smt.BVOr(smt.BVAnd(smt.BVNot(x), y), smt.BVAnd(smt.BVNot(smt.BVXor(x, y)), diff))
	return []*smt.Term{diff, smt.BVLShr(b, smt.BVInt(w, int64(w-1)))}
}

// mulFull is bits.Mul: the double-width product as (hi, lo).
func mulFull(x, y *smt.Term) []*smt.Term {
	w := x.Sort().Width()
	p := smt.BVMul(smt.ZeroExt(w, x), smt.ZeroExt(w, y))
	return []*smt.Term{smt.Extract(2*w-1, w, p), smt.Extract(w-1, 0, p)}
}

// divWide is bits.Div (quo, rem of hi:lo by y; panics when y == 0 or
// y <= hi) and bits.Rem (rem of hi:lo by y; panics when y == 0).
func divWide(name string, hi, lo, y *smt.Term) ([]*smt.Term, []hazard, error) {
	w := y.Sort().Width()
	n := smt.Concat(hi, lo)
	d := smt.ZeroExt(w, y)
	zero := smt.Eq(y, smt.BVInt(w, 0))
	rem := smt.Extract(w-1, 0, smt.BVURem(n, d))
	if name == "Rem" {
		return []*smt.Term{rem}, hazardsIf(DivideByZero, zero), nil
	}
	quo := smt.Extract(w-1, 0, smt.BVUDiv(n, d))
	hz := hazardsIf(DivideByZero, zero)
	hz = append(hz, hazardsIf(DivideOverflow, smt.And(smt.Not(zero), smt.BVUle(y, hi)))...)
	return []*smt.Term{quo, rem}, hz, nil
}
