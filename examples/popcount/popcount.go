package popcount

// Count16 clears the lowest set bit until none is left.
//
//vsynth:ensures result == bits.OnesCount16(x)
func Count16(x uint16) int {
	n := 0
	for x != 0 {
		x &= x - 1
		n++
	}
	return n
}

// Count32 is Count16 for 32 bits: it needs --unroll 32.
//
// Long test: a sixth of the examples' solver time (unknown at the default unrolling).
//
//vsynth:ensures result == bits.OnesCount32(x)
func Count32(x uint32) int {
	n := 0
	for x != 0 {
		x &= x - 1
		n++
	}
	return n
}
