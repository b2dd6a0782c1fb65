// Package infer checks invariant inference (Options.Infer, on in the
// CLI): loops without //vsynth:invariant are proved with invariants
// inferred from their syntax and the contract, or, when that fails,
// unrolled as before. TestProveTestdata proves this package with
// inference on.
package infer

// CountUp's loop has no invariants: inference finds 0 <= i, i <= n and
// c == i (the ensures clause with n, the loop's bound, replaced by its
// counter).
//
//vsynth:requires 0 <= n && n <= 1000
//vsynth:ensures result == n
func CountUp(n int) int { // want "proved"
	c := 0
	for i := 0; i < n; i++ {
		c++
	}
	return c
}

// Evens counts the even numbers below n: c <= i and 0 <= c are
// inferred.
//
//vsynth:requires 0 <= n && n <= 100
//vsynth:ensures result >= 0 && result <= n
func Evens(n int) int { // want "proved"
	c := 0
	for i := 0; i < n; i++ {
		if i%2 == 1 {
			continue
		}
		c++
	}
	return c
}

// Midpoint searches with two indices that move toward each other: the
// relation between them (lo <= hi) comes from the loop condition, the
// bounds from their values on entry.
//
//vsynth:requires len(a) <= math.MaxInt16
//vsynth:ensures 0 <= result && result <= len(a)
func Midpoint(a []int32, x int32) int { // want "proved"
	lo, hi := int16(0), int16(len(a))
	for lo < hi {
		mid := lo + (hi-lo)/2
		if a[mid] < x {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return int(lo)
}

// CountUpBuggy runs one iteration too many. Inference finds no proof
// (c == i holds, but the loop ends with i == n+1), so the loop is
// unrolled and the counterexample is the unrolling's.
//
//vsynth:requires 0 <= n && n <= 5
//vsynth:ensures result == n // want "ensures: failed"
func CountUpBuggy(n int) int { // want "failed"
	c := 0
	for i := 0; i <= n; i++ {
		c++
	}
	return c
}

// PopCount needs n + OnesCount32(x) to stay constant, which no
// candidate says: inference gives up and unrolling cannot cover 32
// iterations.
//
//vsynth:ensures result <= 32
func PopCount(x uint32) int { // want "unknown"
	n := 0
	for x != 0 { // want "unwinding: unknown"
		x &= x - 1
		n++
	}
	return n
}
