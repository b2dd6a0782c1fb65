package p

import "vsynthlinttest/q"

// Caller relies on q.Inc's contract, proved in q's own pass: no report.
//
//vsynth:requires y < 50
//vsynth:ensures result > y
func Caller(y int) int { return q.Inc(y) }

// Tight needs more than q.Inc's contract says: unknown, not failed.
//
//vsynth:requires y < 50
//vsynth:ensures result == y + 1
func Tight(y int) int { return q.Inc(y) }

// Careless relies on a contract its package did not prove.
//
//vsynth:requires y < 50
//vsynth:ensures result < y
func Careless(y int) int { return q.Wrong(y) }

// Outside calls q.Inc outside its requires: refuted, and confirmed by a
// replay in which q.Inc, instrumented with its requires, panics.
//
//vsynth:ensures result > y
func Outside(y int) int { return q.Inc(y) }
