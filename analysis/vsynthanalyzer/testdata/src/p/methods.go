package p

import "vsynthtest/q"

// Twice relies on the contract of a method of another package.
//
//vsynth:requires a != nil && a.N < 100
//vsynth:ensures a.N == old(a.N) + 2
func Twice(a *q.Acc) { // want Twice:`vsynth contract \(proved\)`
	a.Bump()
	a.Bump()
}

// InRange relies on a contract written in a .vspec file of another
// package.
//
//vsynth:ensures 0 <= result && result <= 10
func InRange(x int64) int64 { return q.Clamp(x, 0, 10) } // want InRange:`vsynth contract \(proved\)`
