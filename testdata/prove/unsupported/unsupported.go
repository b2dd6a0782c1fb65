// Package unsupported checks that constructs vsynth does not model make
// a function unsupported, with the construct's position, never proved.
package unsupported

//vsynth:ensures result >= 0
func Loop(n int) int { // want "unsupported"
	s := 0
	for i := 0; i < n; i++ { // want "unsupported: loop"
		s += i
	}
	return s
}

//vsynth:ensures true
func Float(x int) int { // want "unsupported"
	f := float64(x)
	return int(f) // want "unsupported: conversion from float64 to int"
}

//vsynth:ensures true
func Str(s int) int { // want "unsupported"
	m := map[int]int{} // want "unsupported: map"
	return m[s]
}

type T struct{ a int }

//vsynth:ensures true
func Ptr(p *T) int { // want "unsupported" "unsupported: parameter p of type \\*example.com/prove/unsupported.T"
	return p.a
}

//vsynth:ensures true
func Goroutine(x int) int { // want "unsupported"
	go func() {}() // want "unsupported: go statement"
	return x
}

//vsynth:ensures true
func Interface(x any) int { // want "unsupported" "unsupported: parameter x of type any"
	return 0
}
