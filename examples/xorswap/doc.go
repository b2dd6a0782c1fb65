// Package xorswap is the XOR swap trick on two elements of a slice, with
// a frame: proved when the indices differ, refuted when they may be equal
// (the element is zeroed).
package xorswap
