package loops

// AddrInvariant writes x through a pointer before the loop: an invariant
// naming x would read the value x had before the write (go/ssa keeps x in
// memory, and the DebugRefs that name it do not follow stores through
// p), so that invariant-entry x == y was proved although Go has x == 7,
// y == 1 there. Such an invariant is unsupported.
//
//vsynth:requires x == 1 && n >= 0 && n < 5
//vsynth:ensures result == 0
func AddrInvariant(x, n int) int { // want "unsupported"
	y := x
	p := &x
	*p = 7
	//vsynth:invariant x == y // want "unsupported: the address-taken variable x in an invariant"
	for i := 0; i < n; i++ {
	}
	return x - y
}
