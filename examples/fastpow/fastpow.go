package fastpow

// pow is b to the power e, by definition.
//
//vsynth:pure
//vsynth:decreases e
func pow(b, e uint8) uint8 {
	if e == 0 {
		return 1
	}
	return b * pow(b, e-1)
}

// Pow computes b to the power e by repeated squaring.
//
//vsynth:requires e <= 5
//vsynth:ensures result == pow(b, e)
func Pow(b, e uint8) uint8 {
	r := uint8(1)
	for e > 0 {
		if e&1 == 1 {
			r *= b
		}
		b *= b
		e >>= 1
	}
	return r
}

// PowBuggy multiplies on the even bits instead of the odd ones.
//
//vsynth:requires e <= 5
//vsynth:ensures result == pow(b, e)
func PowBuggy(b, e uint8) uint8 {
	r := uint8(1)
	for e > 0 {
		if e&1 == 0 {
			r *= b
		}
		b *= b
		e >>= 1
	}
	return r
}
