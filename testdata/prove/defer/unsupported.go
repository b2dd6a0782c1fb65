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

// RecoverValue asserts the type of recover()'s value: only comparing it
// with nil is modelled (the panic's value may be one of the runtime's
// errors, outside the closed world of interfaces).
//
//vsynth:ensures true
func RecoverValue(x int) (ok bool) { // want "unsupported"
	defer func() {
		r := recover()
		_, ok = r.(int) // want "unsupported: use of recover\\(\\)'s value other than comparing it with nil"
	}()
	return x > 0
}
