// Package heap checks slices, arrays, structs, pointers and methods: the
// bounds and nil obligations, aliasing, and old(...).
package heap

// Get reads a[i]: out of range unless the precondition says otherwise.
//
//vsynth:ensures result == a[i]
func Get(a []int32, i int) int32 { // want "failed"
	return a[i] // want "bounds: failed"
}

// SafeGet requires the index in range.
//
//vsynth:requires 0 <= i && i < len(a)
//vsynth:ensures result == a[i]
func SafeGet(a []int32, i int) int32 { // want "proved"
	return a[i]
}

// First of an empty slice panics.
//
//vsynth:requires len(a) <= 3
func First(a []uint8) uint8 { // want "failed"
	return a[0] // want "bounds: failed"
}

// SetAndRead writes then reads: the read sees the write.
//
//vsynth:requires len(a) > 2
//vsynth:ensures result == v && a[1] == v
func SetAndRead(a []int64, v int64) int64 { // want "proved"
	a[1] = v
	return a[1]
}

// Alias writes a[0] and reads b[0]: they may be the same element.
//
//vsynth:requires len(a) > 0 && len(b) > 0
//vsynth:ensures result == 0 // want "ensures: failed"
func Alias(a, b []int32) int32 { // want "failed"
	b[0] = 0
	a[0] = 1
	return b[0]
}

// Swap exchanges two elements; old(...) names the values on entry.
//
//vsynth:requires 0 <= i && i < len(a) && 0 <= j && j < len(a)
//vsynth:ensures a[i] == old(a[j]) && a[j] == old(a[i])
func Swap(a []int, i, j int) { // want "proved"
	a[i], a[j] = a[j], a[i]
}

// Sum3 adds the elements of an array value.
//
//vsynth:ensures result == a[0]+a[1]+a[2]
func Sum3(a [3]int16) int16 { // want "proved"
	var s int16
	for i := range a {
		s += a[i]
	}
	return s
}

// Reverse3 returns a reversed copy: arrays are values.
//
//vsynth:ensures result == [3]int{a[2], a[1], a[0]}
func Reverse3(a [3]int) [3]int { // want "proved"
	b := a
	b[0], b[2] = a[2], a[0]
	return b
}

// Point is a pair of coordinates.
type Point struct{ X, Y int32 }

// Norm1 is a value-receiver method.
//
//vsynth:requires p.X > -1000 && p.X < 1000 && p.Y > -1000 && p.Y < 1000
//vsynth:ensures result >= 0
func (p Point) Norm1() int32 { // want "proved"
	return abs(p.X) + abs(p.Y)
}

func abs(x int32) int32 {
	if x < 0 {
		return -x
	}
	return x
}

// Counter counts.
type Counter struct{ N uint32 }

// Inc is a pointer-receiver method: nil receivers panic.
//
//vsynth:ensures c.N == old(c.N)+1
func (c *Counter) Inc() { // want "failed"
	c.N++ // want "nil: failed"
}

// SafeInc requires a receiver.
//
//vsynth:requires c != nil
//vsynth:ensures c.N == old(c.N)+1
func (c *Counter) SafeInc() { // want "proved"
	c.N++
}

// NewPoint returns a struct built by a composite literal.
//
//vsynth:ensures result == Point{x, 2 * x}
func NewPoint(x int32) Point { // want "proved"
	p := &Point{X: x}
	p.Y = 2 * x
	return *p
}

// Tail slices off the first element.
//
//vsynth:requires len(a) >= 1
//vsynth:ensures len(result) == len(a)-1
func Tail(a []byte) []byte { // want "proved"
	return a[1:]
}

// BadSlice slices past the length.
//
//vsynth:requires len(a) == cap(a)
func BadSlice(a []byte) int { // want "failed"
	return len(a[:len(a)+1]) // want "bounds: failed"
}

// Make allocates zeroed memory.
//
//vsynth:requires n > 0 && n < 100
//vsynth:ensures result == 0
func Make(n int) int64 { // want "proved"
	s := make([]int64, n)
	return s[n-1]
}

// Fill writes every element; the invariant says what is written so far.
//
//vsynth:requires len(a) < 1000
//vsynth:ensures forall k int :: 0 <= k && k < len(a) ==> a[k] == v
func Fill(a []int32, v int32) { // want "proved"
	//vsynth:invariant 0 <= i && i <= len(a)
	//vsynth:invariant forall k int :: 0 <= k && k < i ==> a[k] == v
	for i := 0; i < len(a); i++ {
		a[i] = v
	}
}

// zero writes through its parameter; its contract says nothing about it.
//
//vsynth:requires len(a) > 0
func zero(a []int32) { // want "proved"
	a[0] = 0
}

// AfterContractCall reads memory a callee may have written: what the
// callee's contract allows is not what its body does, so the verdict is
// unknown, never a counterexample Go would not reproduce.
//
//vsynth:requires len(a) > 0
//vsynth:ensures result == 0 // want "ensures: unknown"
func AfterContractCall(a []int32) int32 { // want "unknown"
	zero(a)
	return a[0]
}

// AfterLoop reads memory the loop wrote; the invariant says nothing of
// it, so the verdict is unknown, not a counterexample.
//
//vsynth:requires len(a) > 0 && len(a) < 100
//vsynth:ensures result == 7 // want "ensures: unknown"
func AfterLoop(a []int32) int32 { // want "unknown"
	//vsynth:invariant 0 <= i && i <= len(a)
	for i := 0; i < len(a); i++ {
		a[i] = 7
	}
	return a[0]
}
