// Package vspec keeps its specs in a .vspec file.
package vspec

func Clamp(x, lo, hi int64) int64 { // want "proved"
	if x < lo {
		return lo
	}
	if x > hi {
		return hi
	}
	return x
}

func Twice(x uint8) uint8 { // want "failed"
	return x + x
}

type Celsius int32

func (c Celsius) Warmer(d int32) Celsius { // want "proved"
	return c + Celsius(d)
}
