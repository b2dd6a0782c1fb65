// Package globals checks package-level variables: reads and writes as
// memory, contracts that name them and old(g), and an entry state that
// is arbitrary except for what requires states.
package globals

var counter int

var limit int

var table = [4]uint8{1, 2, 4, 8}

type config struct {
	scale int
	on    bool
}

var cfg config

// Next increments the counter and returns its new value.
//
//vsynth:requires counter < 1000 && counter >= 0
//vsynth:ensures counter == old(counter) + 1
//vsynth:ensures result == counter
func Next() int { // want "proved"
	counter++
	return counter
}

// NextWraps forgets that the counter may be at its maximum: the entry
// state is arbitrary, not what the package's initialisation sets.
//
//vsynth:ensures counter > old(counter) // want "ensures: failed"
func NextWraps() { // want "failed"
	counter++
}

// Clamp reads a global without a contract on it.
//
//vsynth:ensures result <= limit
func Clamp(x int) int { // want "proved"
	if x > limit {
		return limit
	}
	return x
}

// DivByLimit divides by a global that may be zero.
//
//vsynth:ensures true
func DivByLimit(x int) int { // want "failed"
	return x / limit // want "divide-by-zero: failed"
}

// DivByLimitSafe states what it needs of the global.
//
//vsynth:requires limit > 0
//vsynth:ensures true
func DivByLimitSafe(x int) int { // want "proved"
	return x / limit
}

// Lookup indexes a global table: the index is checked, the contents are
// whatever they are on entry.
//
//vsynth:requires i >= 0 && i < 4
//vsynth:ensures result == table[i]
func Lookup(i int) uint8 { // want "proved"
	return table[i]
}

// LookupAssumesInit relies on the table's initial values, which a
// contract does not assume: some earlier code may have written them.
//
//vsynth:requires i >= 0 && i < 4
//vsynth:ensures result > 0 // want "ensures: failed"
func LookupAssumesInit(i int) uint8 { // want "failed"
	return table[i]
}

// Scaled reads a struct global's fields.
//
//vsynth:requires cfg.scale >= 0 && cfg.scale < 100 && x >= 0 && x < 100
//vsynth:ensures cfg.on ==> result == x * cfg.scale
//vsynth:ensures !cfg.on ==> result == x
func Scaled(x int) int { // want "proved"
	if cfg.on {
		return x * cfg.scale
	}
	return x
}

// Reset writes the globals through a helper.
//
//vsynth:ensures counter == 0 && limit == old(limit) && !cfg.on
func Reset() { // want "proved"
	zero()
	cfg.on = false
}

func zero() { counter = 0 }

// Through writes through a pointer parameter, which may point to the
// global itself: the counterexample passes &counter.
//
//vsynth:requires p != nil
//vsynth:ensures counter == old(counter) // want "ensures: failed"
func Through(p *int) { // want "failed"
	*p = 5 // a caller may pass &counter
}
