// Package generics checks generic functions, verified per instance the
// loaded code uses (go/ssa builds the instances), with the contract's
// types substituted.
package generics

import "cmp"

// Integer is a finite union of integer types.
type Integer interface {
	~int8 | ~int16 | ~int32 | ~int64 | ~int
}

// Max is verified at every type Integer allows (int8, int16, int32,
// int64, int), and at Celsius, which Use instantiates it with.
//
//vsynth:ensures result >= a && result >= b
//vsynth:ensures result == a || result == b
func Max[T Integer](a, b T) T { // want "proved" "proved" "proved" "proved" "proved" "proved"
	if a > b {
		return a
	}
	return b
}

// Abs overflows at the minimum of every signed type: each instance has
// its own counterexample (x = -128 for int8).
//
//vsynth:ensures result >= 0 // want "ensures: failed" "ensures: failed" "ensures: failed" "ensures: failed" "ensures: failed"
func Abs[T Integer](x T) T { // want "failed" "failed" "failed" "failed" "failed"
	if x < 0 {
		return -x
	}
	return x
}

// Clamp uses cmp.Ordered with the builtins min and max.
//
//vsynth:requires lo <= hi
//vsynth:ensures lo <= result && result <= hi
func Clamp[T cmp.Ordered](x, lo, hi T) T { // want "proved"
	return max(lo, min(x, hi))
}

type Celsius int16

// Use instantiates the generic functions.
func Use(a, b int8, c, d int, e Celsius) (int8, int, int8, Celsius, int) {
	return Max(a, b), Max(c, d), Abs(a), Max(e, e), Clamp(c, 0, 10)
}

// CountUp has a loop with invariants over T: they are type-checked with
// the function's type parameters and lowered per instance.
//
//vsynth:requires n >= 0
//vsynth:ensures result == n
func CountUp[T Integer](n T) T { // want "proved" "proved" "proved" "proved" "proved"
	var c T
	//vsynth:invariant 0 <= c && c <= n
	for c < n {
		c++
	}
	return c
}

// CountTotal adds a decreases measure and an assert over T: both are
// checked per instance too.
//
//vsynth:requires n >= 0
//vsynth:ensures result == n
func CountTotal[T ~int8 | ~uint16](n T) T { // want "proved" "proved"
	var c T
	//vsynth:invariant 0 <= c && c <= n
	//vsynth:decreases n - c
	for c < n {
		c++
	}
	//vsynth:assert c == n
	return c
}
