package experience

import "fmt"

// Breaker is the circuit breaker of learning, as vsynth rules learn has
// one: it trips after MaxRejects inputs in a row are rejected (records
// that do not read, components Z3 does not prove), which says that the
// store or the miner has gone wrong, not that one input is odd. Learning
// stops when it trips, and vsynth learn ... --apply then writes nothing.
type Breaker struct {
	MaxRejects int // 0: DefaultMaxRejects
	run        int
	rejected   int
	// Tripped says why the breaker tripped; "" while it has not.
	Tripped string
}

// DefaultMaxRejects is the breaker's default: rejects in a row.
const DefaultMaxRejects = 20

// Reject counts a rejected input (what says which and why) and reports
// whether the breaker has tripped.
func (b *Breaker) Reject(what string) bool {
	if b == nil {
		return false
	}
	b.run++
	b.rejected++
	max := b.MaxRejects
	if max <= 0 {
		max = DefaultMaxRejects
	}
	if b.run >= max && b.Tripped == "" {
		b.Tripped = fmt.Sprintf("circuit breaker: %d rejected in a row (the last: %s)", b.run, what)
	}
	return b.Tripped != ""
}

// Accept counts an accepted input: the run of rejects ends.
func (b *Breaker) Accept() {
	if b != nil {
		b.run = 0
	}
}

// Trip trips the breaker for a reason of its own (a limit passed).
func (b *Breaker) Trip(why string) {
	if b != nil && b.Tripped == "" {
		b.Tripped = "circuit breaker: " + why
	}
}

// Rejected is the number of inputs rejected in all.
func (b *Breaker) Rejected() int {
	if b == nil {
		return 0
	}
	return b.rejected
}
