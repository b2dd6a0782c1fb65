package closures

// Apply calls a function parameter that returns a slice: a parameter's
// unknown function may return only integers and bools (funcparam.go;
// testdata/prove/funcparam has those).
//
//vsynth:ensures true
func Apply(f func(int) []int, x int) int { // want "unsupported" "unsupported: parameter f: function-typed parameter with a result of type \\[\\]int"
	return len(f(x))
}

// Chain keeps function values in a slice: function values are not
// stored in memory.
//
//vsynth:ensures true
func Chain(x int) int { // want "unsupported"
	fs := []func(int) int{inc, inc} // want "unsupported: .*"
	for _, f := range fs {
		x = f(x)
	}
	return x
}

// MakeAdder returns a function value: not a result vsynth can report.
//
//vsynth:ensures true
func MakeAdder(base int) func(int) int { // want "unsupported" "unsupported: result of type func"
	return adder(base)
}

var hook func(int) int

// Hooked calls a function value kept in a package-level variable.
//
//vsynth:ensures true
func Hooked(x int) int { // want "unsupported"
	if hook != nil { // want "unsupported: load of values of type func"
		return hook(x)
	}
	return x
}
