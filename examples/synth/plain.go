package bitops

// IsolatePlain is the lowest set bit of x, found with a loop-free scan
// over the bit positions: the reference ClearLowest's contract calls.
func IsolatePlain(x uint32) uint32 {
	if x == 0 {
		return 0
	}
	return 1 << bits32TrailingZeros(x)
}

func bits32TrailingZeros(x uint32) uint32 {
	n := uint32(0)
	if x&0xffff == 0 {
		n += 16
		x >>= 16
	}
	if x&0xff == 0 {
		n += 8
		x >>= 8
	}
	if x&0xf == 0 {
		n += 4
		x >>= 4
	}
	if x&0x3 == 0 {
		n += 2
		x >>= 2
	}
	if x&0x1 == 0 {
		n++
	}
	return n
}
