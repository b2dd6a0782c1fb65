package fastpow

// pow is x to the n by repeated multiplication (wrapping like Go).
//
//vsynth:pure
//vsynth:decreases n
func pow(x uint16, n uint8) uint16 {
	if n == 0 {
		return 1
	}
	return x * pow(x, n-1)
}

// Pow computes x to the n in O(log n) multiplications.
//
//vsynth:requires n <= 5
//vsynth:ensures result == pow(x, n)
func Pow(x uint16, n uint8) uint16 {
	r := uint16(1)
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
//vsynth:requires n <= 5
//vsynth:ensures result == pow(x, n)
func PowBuggy(x uint16, n uint8) uint16 {
	r := uint16(1)
	for n > 0 {
		x *= x
		if n&1 == 1 {
			r *= x
		}
		n >>= 1
	}
	return r
}
