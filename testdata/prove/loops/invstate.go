package loops

// Invariants over state the loop head does not hold as values: old(...)
// (the state on entry to the function), variables that live in memory (a
// local array), named results, and loops vsynth cannot place.

// Countdown moves n to c: old(n) is n on entry.
//
//vsynth:requires 0 <= n && n <= 1000
//vsynth:ensures result == n
func Countdown(n int) int { // want "proved"
	c := 0
	//vsynth:invariant 0 <= n && c+n == old(n)
	for n > 0 {
		n--
		c++
	}
	return c
}

// CountdownBad's invariant is off by one on entry.
//
//vsynth:requires 0 <= n && n <= 1000
func CountdownBad(n int) int { // want "failed"
	c := 0
	//vsynth:invariant c+n == old(n)+1 // want "invariant-entry: failed"
	for n > 0 {
		n--
		c++
	}
	return c
}

// Zero clears a prefix of a; the rest keeps its entry values, which
// old(a[k]) reads.
//
//vsynth:requires 0 <= m && m <= len(a)
//vsynth:ensures forall k int :: m <= k && k < len(a) ==> a[k] == old(a[k])
func Zero(a []int8, m int) { // want "proved"
	//vsynth:invariant 0 <= i && i <= m
	//vsynth:invariant forall k int :: m <= k && k < len(a) ==> a[k] == old(a[k])
	for i := 0; i < m; i++ {
		a[i] = 0
	}
}

// ZeroBad clears one element too many: the element at m, which the
// invariant says keeps its entry value. Unrolling finds the input.
//
//vsynth:requires 0 <= m && m < len(a)
func ZeroBad(a []int8, m int) { // want "failed"
	//vsynth:invariant 0 <= i && i <= m+1
	//vsynth:invariant forall k int :: m <= k && k < len(a) ==> a[k] == old(a[k]) // want "invariant-preserved: failed"
	for i := 0; i <= m; i++ {
		a[i] = 0
	}
}

// OldPointer compares the slice itself with its entry value: a value with
// pointers, whose identity a replay could not recover.
//
//vsynth:requires len(a) > 0
func OldPointer(a []int8) { // want "unsupported"
	//vsynth:invariant len(a) == len(old(a)) // want "unsupported: old\\(...\\) of a value with pointers"
	for i := 0; i < len(a); i++ {
		a = a[:len(a)-1]
	}
}

// LocalArray writes a local array, which lives in memory: the invariant
// reads it at the head.
//
//vsynth:ensures result == 0
func LocalArray() int { // want "proved"
	var b [4]int
	//vsynth:invariant 0 <= i && i <= 4
	//vsynth:invariant forall k int :: 0 <= k && k < i ==> b[k] == 0
	for i := 0; i < 4; i++ {
		b[i] = 0
	}
	return b[0]
}

// LocalArrayBad writes 1, not 0.
//
//vsynth:ensures result == 0 // want "ensures: failed"
func LocalArrayBad() int { // want "failed"
	var b [4]int
	//vsynth:invariant 0 <= i && i <= 4
	//vsynth:invariant forall k int :: 0 <= k && k < i ==> b[k] == 1
	for i := 0; i < 4; i++ {
		b[i] = 1
	}
	return b[0]
}

// ArrayParam writes its array parameter, which go/ssa keeps in memory
// (it is indexed by a variable): the invariant reads the current array,
// not the value the function was called with.
//
//vsynth:ensures result == 0
func ArrayParam(a [4]int) int { // want "proved"
	//vsynth:invariant 0 <= i && i <= 4
	//vsynth:invariant forall k int :: 0 <= k && k < i ==> a[k] == 0
	for i := 0; i < 4; i++ {
		a[i] = 0
	}
	return a[0]
}

// ArrayParamStale's invariant says a[0] keeps its entry value: false
// after the first iteration.
//
//vsynth:requires a[0] == 1
func ArrayParamStale(a [4]int) int { // want "failed"
	//vsynth:invariant 0 <= i && i <= 4
	//vsynth:invariant a[0] == 1 // want "invariant-preserved: failed"
	for i := 0; i < 4; i++ {
		a[i] = 0
	}
	return a[0]
}

// NamedResult counts up in its named result.
//
//vsynth:requires 0 <= n && n < 100
//vsynth:ensures r == n
func NamedResult(n int) (r int) { // want "proved"
	//vsynth:invariant 0 <= r && r <= n
	for r < n {
		r++
	}
	return
}

// NamedZero's named result is only implicitly zero when the loop starts.
//
//vsynth:requires 0 <= n && n < 100
//vsynth:ensures r == 0
func NamedZero(n int) (r int) { // want "proved"
	//vsynth:invariant r == 0
	for i := 0; i < n; i++ {
	}
	return
}

// NamedZeroBad's invariant claims the implicit zero is one.
//
//vsynth:requires 0 <= n && n < 100
func NamedZeroBad(n int) (r int) { // want "failed"
	//vsynth:invariant r == 1 // want "invariant-entry: failed"
	for i := 0; i < n; i++ {
	}
	return
}

// Forever has invariants on an empty for {}: they must hold when the loop
// is entered (n <= 0 here), which false does not.
//
//vsynth:ensures result == 1
func Forever(n int) int { // want "failed"
	if n > 0 {
		return 1
	}
	//vsynth:invariant false // want "invariant-entry: failed"
	for {
	}
}

// Spin's invariant holds when its empty loop is entered.
//
//vsynth:ensures result == 1
func Spin(n int) int { // want "proved"
	if n > 0 {
		return 1
	}
	//vsynth:invariant n <= 0
	for {
	}
}

// TwoForevers has two empty for {} with invariants, which vsynth cannot
// tell apart in the control flow: it says so rather than dropping them.
//
//vsynth:ensures result == 1
func TwoForevers(n int) int { // want "unsupported"
	if n > 0 {
		//vsynth:invariant n > 0
		for { // want "unsupported: invariants on a loop vsynth cannot place"
		}
	}
	//vsynth:invariant n <= 0
	for {
	}
}

// EmptyArray has a variable of type [0]int: a zero-width value, which
// has one value and no bits, so the invariant over it holds.
//
//vsynth:ensures result == 0
func EmptyArray(n int) int { // want "proved"
	var z [0]int
	//vsynth:invariant len(z) == 0
	for i := 0; i < n; i++ {
		_ = z
	}
	return len(z)
}
