// Package oldpkg declares its own old, min and result: Go's scoping
// decides what a clause means (issue 16, item 4), so a clause's old(x) is
// a call of this package's old, which returns the zero value.
package oldpkg

func old[T any](x T) T {
	var z T
	return z
}

func min(a, b int8) int8 { return a }

// Keep is the reported case: old(x) == x was proved while Go calls old.
//
//vsynth:ensures old(x) == x // want "ensures: failed"
func Keep(x int) int { // want "failed"
	return x
}

// Zero uses the package's old in its body too.
//
//vsynth:ensures result == old(x)
func Zero(x int) int { // want "proved"
	return old(x) + x - x
}

// Other calls old at a type the Go code never instantiates it with: a
// call the lowering has no instance for.
//
//vsynth:ensures old(x) == 0 // want "unsupported: call to generic function example.com/prove/names/oldpkg.old in a spec at type arguments the Go code never uses"
func Other(x int16) int16 { // want "unsupported"
	return x
}

// First: min is the package's, which returns its first argument.
//
//vsynth:ensures result == min(x, y)
func First(x, y int8) int8 { // want "proved"
	return x
}

// ParamOld: a parameter named old shadows the package's old.
//
//vsynth:ensures result == old+1
func ParamOld(old int8) int8 { // want "proved"
	return old + 1
}
