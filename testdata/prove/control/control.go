// Package control checks branches, phis, short-circuit evaluation and
// multiple results.
package control

//vsynth:ensures result >= a && result >= b && (result == a || result == b)
func Max(a, b int) int { // want "proved"
	if a > b {
		return a
	}
	return b
}

//vsynth:ensures result == min(a, b) // want "ensures: failed"
func MinWrong(a, b uint8) uint8 { // want "failed"
	if a < b {
		return b
	}
	return a
}

//vsynth:ensures (x < 0 ==> result == -1) && (x == 0 ==> result == 0) && (x > 0 ==> result == 1)
func Sign(x int64) int { // want "proved"
	switch {
	case x < 0:
		return -1
	case x == 0:
		return 0
	default:
		return 1
	}
}

//vsynth:ensures result == (d == 0 || n/d > 2)
func ShortCircuit(n, d int) bool { // want "proved"
	return d == 0 || n/d > 2
}

// Long test: 9M Z3 units (64-bit division and multiplication).
//
//vsynth:ensures q*d+r == n
//vsynth:ensures d != 0 ==> (r < d)
func DivMod(n, d uint) (q, r uint) { // want "proved"
	if d == 0 {
		return 0, n
	}
	return n / d, n % d
}

//vsynth:ensures result == (x%3 == 0)
func Switch(x uint8) bool { // want "proved"
	switch x % 3 {
	case 0:
		return true
	case 1, 2:
		return false
	}
	return false
}

//vsynth:ensures lo <= hi
func Sort2(a, b int32) (lo, hi int32) { // want "proved"
	lo, hi = a, b
	if lo > hi {
		lo, hi = hi, lo
	}
	return
}

//vsynth:ensures result != x // want "ensures: failed"
func Toggle(x, flip bool) bool { // want "failed"
	if flip {
		return !x
	}
	return x
}
