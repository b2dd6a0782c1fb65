// Package maprange checks for range over a map: Go does not fix the
// order of iteration, so a proof holds for every order and a
// counterexample names one (its replay runs the function until Go takes
// that order). The loops are unrolled: a map longer than --unroll needs
// a requires clause bounding its length.
package maprange

// Count counts the entries: every order visits each key once.
//
//vsynth:requires len(m) <= 4
//vsynth:ensures result == len(m)
func Count(m map[int8]int8) int { // want "proved"
	n := 0
	for range m {
		n++
	}
	return n
}

// Sum adds the values of a map whose keys are 1 and 2 at most.
//
//vsynth:requires len(m) <= 3
//vsynth:ensures result == int(m[1]) + int(m[2]) + int(m[3]) // want "ensures: failed"
func Sum(m map[uint8]uint8) int { // want "failed"
	s := 0
	for k, v := range m {
		if k >= 1 && k <= 3 {
			s += int(v)
		}
	}
	return s + 1
}

// SumOK is Sum without the off-by-one.
//
//vsynth:requires len(m) <= 3
//vsynth:ensures result == int(m[1]) + int(m[2]) + int(m[3])
func SumOK(m map[uint8]uint8) int { // want "proved"
	s := 0
	for k, v := range m {
		if k >= 1 && k <= 3 {
			s += int(v)
		}
	}
	return s
}

// First returns the first key the iteration produces: a key of the map,
// but which one depends on the order.
//
//vsynth:requires len(m) >= 1 && len(m) <= 3
//vsynth:ensures has(m, result)
func First(m map[int8]bool) int8 { // want "proved"
	for k := range m {
		return k
	}
	return 0
}

// Smallest claims the first key is the smallest: false for some order.
// Its counterexample needs the order it names, which the replay runs
// the function for until Go takes it.
//
//vsynth:requires len(m) == 2
//vsynth:ensures result <= 0 || !has(m, 0) // want "ensures: failed"
func Smallest(m map[int8]bool) int8 { // want "failed"
	for k := range m {
		return k
	}
	return 0
}

// Unbounded ranges over a map of any length: past --unroll keys the
// loop is not unrolled, so the verdict is unknown (unwinding).
//
//vsynth:ensures result >= 0
func Unbounded(m map[int16]int8) int { // want "unknown"
	n := 0
	for range m { // want "unwinding: unknown"
		n++
	}
	return n
}

// Invert builds another map while ranging: a write to a map that is
// not the one ranged over is modelled.
//
//vsynth:requires len(m) <= 3
//vsynth:ensures len(result) <= len(m)
func Invert(m map[int8]int8) map[int8]int8 { // want "proved"
	out := make(map[int8]int8)
	for k, v := range m {
		out[v] = k
	}
	return out
}

// Copy writes a map that may be the one ranged over (a and b may be one
// map): Go may or may not produce an entry added during the iteration,
// which vsynth does not model, so the verdict is unknown.
//
//vsynth:requires len(a) <= 2
//vsynth:ensures true
func Copy(a, b map[int8]int8) { // want "unknown"
	for k, v := range a {
		if b != nil {
			b[k+1] = v // want "map-range-write: unknown"
		}
	}
}

// Prune deletes from the map it ranges over: unknown, with the reason.
//
//vsynth:requires len(m) <= 2
//vsynth:ensures true
func Prune(m map[int8]int8) { // want "unknown"
	for k, v := range m {
		if v == 0 {
			delete(m, k) // want "map-range-write: unknown" "map-range-write: unknown"
		}
	}
}
