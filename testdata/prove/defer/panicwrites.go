package deferred

//vsynth:requires p != nil
//vsynth:panics x == 3
//vsynth:ensures true
func writeThenPanic(p *int, x int) { // want "proved"
	*p = 5
	if x == 3 {
		panic("x")
	}
}

// RecoverSeesCalleeWrites recovers the panic of a callee known by its
// contract: the deferred function reads what the callee wrote before it
// panicked (5), not the value before the call. Known by its contract, the
// callee may have written anything before the panic: not proved (unknown:
// a counterexample would rest on the contract, not on the callee).
//
//vsynth:requires p != nil
//vsynth:ensures r == 1 // want "ensures: unknown"
func RecoverSeesCalleeWrites(p *int, x int) (r int) { // want "unknown"
	*p = 1
	defer func() {
		if recover() != nil {
			r = *p
		}
	}()
	writeThenPanic(p, x)
	return 1
}
