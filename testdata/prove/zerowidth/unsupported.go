package zerowidth

// SameAddress compares pointers to zero-size values, which Go may give one
// address or two: never decided.
//
//vsynth:ensures result
func SameAddress() bool { // want "unsupported"
	p, q := new(struct{}), new(struct{})
	return p == q // want "unsupported: comparison of pointers to zero-size values"
}

// Set makes a slice of zero-size elements, whose length no memory bounds.
//
//vsynth:requires n >= 0
//vsynth:ensures result == n
func Set(n int) int { // want "unsupported"
	s := make([]struct{}, n) // want "unsupported: slices and indexed arrays of zero-size elements"
	return len(s)
}

// InterfacesOfPointers compares interfaces that may hold pointers to
// zero-size values: the same question, never decided.
//
//vsynth:ensures !result
func InterfacesOfPointers() bool { // want "unsupported"
	var x any = new(struct{})
	var y any = new(struct{})
	return x == y // want "unsupported: comparing interfaces that may hold .*pointers to zero-size values"
}
