package ssa

import (
	"go/types"
	"math/rand"
	"testing"
)

// TestGrowthLemmaRuntime checks, against this build's runtime, what the
// growth lemma of append.go rests on: append's new capacity is at least
// the new length n, and its array takes at most 32 KiB (a small size
// class) or 2n elements' bytes rounded up to whole 8 KiB pages. Since
// maxAlloc is a whole number of pages, n elements taking at most
// maxAlloc/2 bytes then give an array of at most maxAlloc: the lemma. The
// runtime is asked on old capacities up to 600 (both sides of
// growslice's 256-element threshold) with lengths near the 1.25x and 2x
// steps, and on random ones up to maxRuntimeCapBytes/8, for element
// sizes from 1 to 40 bytes, with and without pointers.
func TestGrowthLemmaRuntime(t *testing.T) {
	byteT := types.Typ[types.Uint8]
	ptrT := types.NewPointer(types.Typ[types.Int])
	elems := []types.Type{
		byteT, types.Typ[types.Int16], types.Typ[types.Int32], types.Typ[types.Int64], ptrT,
		types.NewArray(byteT, 3), types.NewArray(byteT, 7), types.NewArray(types.Typ[types.Int32], 3),
		types.NewArray(ptrT, 2), types.NewArray(types.Typ[types.Int64], 5),
	}
	const page, small = 8192, 32768
	check := func(elem types.Type, oldCap, n uint64) {
		got, ok := runtimeCap(oldCap, n, elem)
		if !ok {
			return
		}
		size := uint64(sourceSizes.Sizeof(elem))
		bound := max(small, (2*n*size+page-1)/page*page)
		if got < n || got*size > bound {
			t.Errorf("%s: append from cap %d to len %d gives cap %d: outside [n, max(32 KiB, pages(2n))] = [%d, %d bytes]", elem, oldCap, n, got, n, bound)
		}
	}
	rng := rand.New(rand.NewSource(1))
	for _, elem := range elems {
		for oldCap := uint64(1); oldCap <= 600; oldCap += 1 + oldCap/16 {
			for _, n := range []uint64{oldCap + 1, oldCap + 2, oldCap + oldCap/4, oldCap + oldCap/4 + 1, 2*oldCap - 1, 2 * oldCap, 2*oldCap + 1, 3 * oldCap} {
				if n > oldCap {
					check(elem, oldCap, n)
				}
			}
		}
		size := uint64(sourceSizes.Sizeof(elem))
		for range 6 {
			oldCap := 1 + uint64(rng.Int63n(int64(maxRuntimeCapBytes/size/8)))
			n := oldCap + 1 + uint64(rng.Int63n(int64(oldCap)+2))
			check(elem, oldCap, n)
		}
	}
}
