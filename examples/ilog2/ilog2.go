package ilog2

// Log2 returns the r with 1<<r <= x < 1<<(r+1).
//
//vsynth:requires x > 0
//vsynth:ensures 0 <= result && result < 32
//vsynth:ensures uint64(1)<<result <= uint64(x) && uint64(x) < uint64(1)<<(result+1)
func Log2(x uint32) int {
	r := 0
	y := x
	//vsynth:invariant 0 <= r && r < 32 && y == x>>r && y >= 1
	//vsynth:decreases y
	for y > 1 {
		y >>= 1
		r++
	}
	return r
}

// Log2Buggy shifts once too often: it returns one more than the answer.
//
//vsynth:requires x > 0
//vsynth:ensures 0 <= result && result < 32
//vsynth:ensures uint64(1)<<result <= uint64(x) && uint64(x) < uint64(1)<<(result+1)
func Log2Buggy(x uint32) int {
	r := 0
	y := x
	//vsynth:invariant 0 <= r && r <= 32 && y == x>>r
	//vsynth:decreases y
	for y > 0 {
		y >>= 1
		r++
	}
	return r
}
