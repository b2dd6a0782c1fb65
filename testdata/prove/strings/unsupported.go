package strings

import "strings"

// RangeRunes decodes UTF-8: not modelled yet.
//
//vsynth:ensures true
func RangeRunes(s string) int { // want "unsupported"
	n := 0
	for range s { // want "unsupported: range over map or string"
		n++
	}
	return n
}

// Runes converts to []rune: not modelled.
//
//vsynth:ensures true
func Runes(s string) int { // want "unsupported"
	return len([]rune(s)) // want "unsupported: conversion from string to \\[\\]rune"
}

// Upper calls into the strings package: no contract yet.
//
//vsynth:ensures true
func Upper(s string) string { // want "unsupported"
	return strings.ToUpper(s) // want "unsupported: call to strings.ToUpper"
}

// Pair holds a string: strings in structs have no layout.
type Pair struct {
	K string
	V int
}

// Key reads a string field.
//
//vsynth:ensures true
func Key(p Pair) string { // want "unsupported" "unsupported: parameter p of type .*Pair"
	return p.K
}
