package p

import "vsynthtest/q"

// Caller relies on q.Inc's contract, proved in q's own pass.
//
//vsynth:requires y < 50
//vsynth:ensures result > y
func Caller(y int) int { return q.Inc(y) } // want Caller:`vsynth contract \(proved\)`

// Tight needs more than q.Inc's contract says: unknown, not failed.
//
//vsynth:requires y < 50
//vsynth:ensures result == y + 1
func Tight(y int) int { return q.Inc(y) } // want Tight:`vsynth contract` `p.Tight: unknown: not provable from the contract of q.Inc`

// Careless relies on a contract its package did not prove.
//
//vsynth:requires y < 50
//vsynth:ensures result < y
func Careless(y int) int { return q.Wrong(y) } // want Careless:`vsynth contract` `p.Careless: unknown: relies on the contract of q.Wrong, which its package's run did not prove \(failed\)`

// Outside calls q.Inc outside its requires: the call-requires obligation
// is refuted, and confirmed by a replay in which q.Inc, instrumented with
// its requires, panics.
//
//vsynth:ensures result > y
func Outside(y int) int { return q.Inc(y) } // want Outside:`vsynth contract` `p.Outside: failed: call-requires x < 100 \(p.go:28\): counterexample: y = \d+$`

// AfterSet reads what q.Set5 wrote: its contract says what.
//
//vsynth:requires c != nil
//vsynth:ensures result == 5
func AfterSet(c *int) int { // want AfterSet:`vsynth contract \(proved\)`
	q.Set5(c)
	return *c
}

// Stale assumes q.Set5 leaves other ints alone: its contract does not say
// so, and what it may write is havocked.
//
//vsynth:requires c != nil && d != nil
//vsynth:ensures result == 7
func Stale(c, d *int) int { // want Stale:`vsynth contract` `p.Stale: unknown: not provable from the contract of q.Set5`
	*d = 7
	q.Set5(c)
	return *d
}

// NoContract has no contract: a call into q without one is unsupported,
// since q's body is not in this pass.
//
//vsynth:ensures result == 3
func NoContract() int { return q.Three() } // want NoContract:`vsynth contract` `p.NoContract: unsupported: call to vsynthtest/q.Three`
