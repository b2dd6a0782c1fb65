package deferred

// DeferInLoop registers a defer per iteration: not modelled.
//
//vsynth:ensures true
func DeferInLoop(n int) (result int) { // want "unsupported"
	for i := 0; i < n; i++ {
		defer func() { result++ }() // want "unsupported: defer in a loop"
	}
	return 0
}

// RecoverValue asserts the type of recover()'s value: interfaces are
// not modelled here.
//
//vsynth:ensures true
func RecoverValue(x int) (ok bool) { // want "unsupported"
	defer func() {
		r := recover()
		_, ok = r.(int) // want "unsupported: type assertion"
	}()
	return x > 0
}
