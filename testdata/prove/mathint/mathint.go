// Package mathint checks the spec language's unbounded integers: mathint(x)
// is x's value, and arithmetic on mathint values never wraps.
package mathint

// Add's contract says that no overflow happened: the mathematical sum
// equals Go's.
//
//vsynth:requires -1000 <= a && a <= 1000 && -1000 <= b && b <= 1000
//vsynth:ensures mathint(result) == mathint(a) + mathint(b)
func Add(a, b int32) int32 { // want "proved"
	return a + b
}

// AddWraps claims the same without the bounds: Go's sum wraps. The
// counterexample is not replayed (the replay cannot evaluate mathint in
// Go yet): after confirmation the verdict is unknown, never failed.
//
//vsynth:ensures mathint(result) == mathint(a) + mathint(b) // want "ensures: failed"
func AddWraps(a, b int32) int32 { // want "failed"
	return a + b
}

// Ack's result is never negative as a mathematical integer, whatever
// the unsigned arithmetic.
//
//vsynth:ensures mathint(result) >= 0 && mathint(result) <= mathint(x)
func Ack(x, y uint64) uint64 { // want "proved"
	if y > x {
		return 0
	}
	return x - y
}

// Quo: / and % on mathint truncate toward zero like Go's, so Go's
// identity holds of them.
//
//vsynth:requires b != 0 && b != -1
//vsynth:ensures mathint(a) == mathint(b)*(mathint(a)/mathint(b)) + mathint(a)%mathint(b)
func Quo(a, b int8) int8 { // want "proved"
	return a / b
}

// Unsigned values are read unsigned, signed ones signed: from 2^63 on, a
// uint64 is greater than the int64 of the same bits.
//
//vsynth:ensures x < 1<<63 || mathint(x) > mathint(int64(x))
//vsynth:ensures mathint(x) >= 0
func Max(x uint64) uint64 { // want "proved"
	return x
}

// Index uses a mathint where Go needs an int: unsupported, never lowered
// as a 64-bit int.
//
//vsynth:requires len(a) > 0
//vsynth:ensures result == a[mathint(0)] // want "unsupported: mathint value where a Go value is needed"
func Index(a []int) int { // want "unsupported"
	return a[0]
}

// Quantified ranges over Go integer types only.
//
//vsynth:ensures forall k mathint :: k*k >= 0 // want "unsupported: quantifier over mathint"
func Quantified(x int) int { // want "unsupported"
	return x
}
