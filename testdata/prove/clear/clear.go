// Package clear checks clear on slices (the elements up to the length
// become zero, the rest of the array stays) and slices.Grow (a panic for a
// negative n, else the slice itself when there is room, or a new array
// with the old elements and zeros whose capacity the runtime picks).
package clear

import "slices"

//vsynth:requires len(s) >= 2
//vsynth:ensures s[0] == 0 && s[len(s)-1] == 0
func Clear(s []int32) { // want "proved"
	clear(s)
}

// ClearTail clears all but the first element, which keeps its value.
//
//vsynth:requires len(s) >= 1
//vsynth:ensures s[0] == old(s[0])
//vsynth:ensures forall i int :: 1 <= i && i < len(s) ==> s[i] == 0
func ClearTail(s []int32) { // want "proved"
	clear(s[1:])
}

// ClearTailBad claims the first element is cleared too.
//
//vsynth:requires len(s) >= 1
//vsynth:ensures s[0] == 0 // want "ensures: failed"
func ClearTailBad(s []int32) { // want "failed"
	clear(s[1:])
}

// ClearPast reads past the length after clear: that element stays.
//
//vsynth:requires len(s) >= 1 && cap(s) > len(s) && cap(s) < 64
//vsynth:ensures result == 0 // want "ensures: failed"
func ClearPast(s []int32) int32 { // want "failed"
	clear(s)
	return s[:len(s)+1][len(s)]
}

type point struct {
	x, y int16
	ok   bool
}

//vsynth:requires len(ps) == 2
//vsynth:ensures !ps[1].ok && ps[1].x == 0 && result == 0
func ClearStructs(ps []point) int16 { // want "proved"
	clear(ps)
	return ps[0].y
}

// Grow keeps the elements and makes room for n more.
//
//vsynth:requires n >= 0 && len(s) < 1<<40 && n < 1<<40
//vsynth:ensures len(result) == len(s) && cap(result) >= len(s)+n
func Grow(s []int16, n int) []int16 { // want "proved"
	return slices.Grow(s, n)
}

//vsynth:requires len(s) >= 1 && n >= 0 && len(s) < 1<<40 && n < 1<<40
//vsynth:ensures result == old(s[0])
func GrowKeeps(s []int16, n int) int16 { // want "proved"
	t := slices.Grow(s, n)
	return t[:len(s)+n][0]
}

// GrowNeg does not rule out a negative n: slices.Grow panics.
//
//vsynth:requires len(s) < 1<<40
//vsynth:ensures len(result) == len(s)
func GrowNeg(s []int16, n int) []int16 { // want "failed"
	return slices.Grow(s, n) // want "panic: failed" "bounds: failed"
}

// GrowExact claims the capacity is exactly what was asked: the runtime
// rounds up.
//
//vsynth:requires len(s) < 64 && cap(s) < 64 && n >= 0 && n < 64
//vsynth:ensures cap(result) == len(s)+n || cap(result) == cap(s) // want "ensures: failed"
func GrowExact(s []int16, n int) []int16 { // want "failed"
	return slices.Grow(s, n)
}

// GrowFresh reads the first new element: zero after a reallocation, but
// the old array's content when there was room.
//
//vsynth:requires len(s) < 64 && cap(s) < 64 && n > 0 && n < 64
//vsynth:ensures result == 0 // want "ensures: failed"
func GrowFresh(s []int16, n int) int16 { // want "failed"
	t := slices.Grow(s, n)
	return t[:len(s)+n][len(s)]
}
