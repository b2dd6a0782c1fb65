package fastpow

// pow is x to the n by repeated multiplication (wrapping like Go).
//
//vsynth:pure
//vsynth:decreases n
func pow(x uint8, n uint8) uint8 {
	if n == 0 {
		return 1
	}
	return x * pow(x, n-1)
}

// Pow computes x to the n in O(log n) multiplications.
//
//vsynth:requires n <= 4
//vsynth:ensures result == pow(x, n)
func Pow(x uint8, n uint8) uint8 {
	r := uint8(1)
	for n > 0 {
		if n&1 == 1 {
			r *= x
		}
		x *= x
		n >>= 1
	}
	return r
}

// PowBuggy squares before multiplying.
//
//vsynth:requires n <= 4
//vsynth:ensures result == pow(x, n)
func PowBuggy(x uint8, n uint8) uint8 {
	r := uint8(1)
	for n > 0 {
		x *= x
		if n&1 == 1 {
			r *= x
		}
		n >>= 1
	}
	return r
}
