package nextpow2

// Ceil returns the least power of two at least x.
//
//vsynth:requires 0 < x && x <= 1<<31
//vsynth:ensures result >= x && result&(result-1) == 0 && result/2 < x
func Ceil(x uint32) uint32 {
	x--
	x |= x >> 1
	x |= x >> 2
	x |= x >> 4
	x |= x >> 8
	x |= x >> 16
	return x + 1
}

// CeilBuggy stops smearing at 8 bits: wrong for inputs above 1<<16.
//
//vsynth:requires 0 < x && x <= 1<<31
//vsynth:ensures result >= x && result&(result-1) == 0 && result/2 < x
func CeilBuggy(x uint32) uint32 {
	x--
	x |= x >> 1
	x |= x >> 2
	x |= x >> 4
	x |= x >> 8
	return x + 1
}
