package xorswap

// Swap exchanges a[i] and a[j] without a temporary.
//
//vsynth:requires 0 <= i && i < len(a) && 0 <= j && j < len(a) && i != j
//vsynth:modifies a[i], a[j]
//vsynth:ensures a[i] == old(a[j]) && a[j] == old(a[i])
func Swap(a []uint32, i, j int) {
	a[i] ^= a[j]
	a[j] ^= a[i]
	a[i] ^= a[j]
}

// SwapSame is Swap without i != j: with i == j it zeroes the element.
//
//vsynth:requires 0 <= i && i < len(a) && 0 <= j && j < len(a)
//vsynth:modifies a[i], a[j]
//vsynth:ensures a[i] == old(a[j]) && a[j] == old(a[i])
func SwapSame(a []uint32, i, j int) {
	a[i] ^= a[j]
	a[j] ^= a[i]
	a[i] ^= a[j]
}
