package heap

// Push appends x. A full slice of more than maxAlloc/8 bytes (2^45
// int32s; Go allows up to 2^46) makes growslice panic when the capacity
// it picks passes maxAlloc, which depends on the runtime's growth policy
// and cannot be asked at that size: unknown.
//
//vsynth:ensures len(result) == len(s)+1 && result[len(s)] == x
func Push(s []int32, x int32) []int32 { // want "unknown"
	return append(s, x) // want "bounds: unknown"
}

// PushBounded is Push on a slice of at most maxAlloc/2 bytes, whose new
// array always fits.
//
//vsynth:requires len(s) < 1<<45
//vsynth:ensures len(result) == len(s)+1 && result[len(s)] == x
func PushBounded(s []int32, x int32) []int32 { // want "proved"
	return append(s, x)
}

// PushKeeps keeps the elements that were there.
//
//vsynth:requires len(s) > 0 && len(s) < 1<<45
//vsynth:ensures result[0] == s[0]
func PushKeeps(s []int32, x int32) []int32 { // want "proved"
	return append(s, x)
}

// AppendShares appends twice to the same slice: with spare capacity both
// write into the one backing array.
//
//vsynth:requires len(s) == 1 && cap(s) == 2
//vsynth:ensures result == 7 // want "ensures: failed"
func AppendShares(s []uint8) uint8 { // want "failed"
	t := append(s, 7)
	_ = append(s, 9)
	return t[len(s)]
}

// Concat appends a slice to a copy of another.
//
//vsynth:requires len(a) == 2 && len(b) == 2
//vsynth:ensures len(result) == 4 && result[1] == old(a[1]) && result[2] == old(b[0])
func Concat(a, b []int16) []int16 { // want "proved"
	out := append([]int16(nil), a...)
	return append(out, b...)
}

// CapOne: a slice of one int64 grown by one gets capacity 2 in this Go
// release, but the specification does not promise it.
//
//vsynth:requires len(s) == 1 && cap(s) == 1
//vsynth:ensures cap(result) == 2 // want "ensures: unknown"
func CapOne(s []int64) []int64 { // want "unknown"
	return append(s, 1)
}

// CapTwo claims a capacity the runtime does not pick.
//
//vsynth:requires len(s) == 1 && cap(s) == 1
//vsynth:ensures cap(result) == 3 // want "ensures: failed"
func CapTwo(s []int64) []int64 { // want "failed"
	return append(s, 1)
}

// CapFromEmpty: the first append to an empty slice may get a stack
// buffer from the compiler (Go 1.25 on), so its capacity is not the
// runtime's to tell: unknown, never a counterexample.
//
//vsynth:requires cap(s) == 0
//vsynth:ensures cap(result) == 2 // want "ensures: unknown"
func CapFromEmpty(s []int64) []int64 { // want "unknown"
	return append(s, 1)
}

// Evens collects the even numbers below n.
//
//vsynth:requires 0 <= n && n <= 6
//vsynth:ensures len(result) == (n+1)/2
func Evens(n int) []int { // want "proved"
	var out []int
	for i := 0; i < n; i++ {
		if i%2 == 0 {
			out = append(out, i)
		}
	}
	return out
}

// CopyAll copies src into a destination at least as long.
//
//vsynth:requires len(dst) >= len(src) && len(src) <= 4
//vsynth:ensures result == len(src)
//vsynth:ensures forall i int :: 0 <= i && i < len(src) ==> dst[i] == old(src[i])
func CopyAll(dst, src []int16) int { // want "proved"
	return copy(dst, src)
}

// ShiftLeft moves a[1:] one place left: the ranges overlap.
//
//vsynth:requires len(a) == 3
//vsynth:ensures a[0] == old(a[1]) && a[1] == old(a[2]) && a[2] == old(a[2])
func ShiftLeft(a []int32) { // want "proved"
	copy(a, a[1:])
}

// CopyWrong claims copy moves len(dst) elements.
//
//vsynth:ensures result == len(dst) // want "ensures: failed"
func CopyWrong(dst, src []int8) int { // want "failed"
	return copy(dst, src)
}

// Guarded appends on one path only: what the lowering assumes of the
// append's capacity must not bound k on the other path, where it panics.
//
//vsynth:requires k >= 0 && k < 1<<47
func Guarded(k int, b bool) int { // want "failed"
	if b {
		s := make([]byte, k)
		s = append(s, 1)
		return len(s)
	}
	if k > 1<<43 {
		panic("big") // want "panic: failed"
	}
	return 0
}
