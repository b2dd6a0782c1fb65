package strings

import "strings"

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
