package maps

// Keys ranges over a map and calls, in the body, a function that writes
// maps of the same type: writes to the map being ranged over are
// checked only where they are in the body itself
// (testdata/prove/maprange has the ranges that are modelled).
//
//vsynth:ensures true
func Keys(m map[int]int) int { // want "unsupported"
	seen := map[int]int{}
	for k := range m {
		bump(seen, k) // want "unsupported: a call that may write maps of type map\\[int\\]int in the body of a for range over a map"
	}
	return len(seen)
}

func bump(s map[int]int, k int) { s[k]++ }

// Names has string keys, which compare by content: not modelled.
//
//vsynth:ensures true
func Names(m map[string]int) int { // want "unsupported" "unsupported: parameter m: map with keys of type string"
	return m["a"]
}

// Nested has map values: not modelled.
//
//vsynth:ensures true
func Nested(m map[int]map[int]int) int { // want "unsupported" "unsupported: parameter m: map with values of type map\\[int\\]int"
	return len(m[0])
}

// Holder keeps a map in a struct: maps in aggregates have no layout.
type Holder struct{ M map[int]int }

// InStruct reads a map held in a struct.
//
//vsynth:ensures true
func InStruct(h Holder) int { // want "unsupported" "unsupported: parameter h of type"
	return h.M[1]
}

// Float keys compare as IEEE 754 values (NaN != NaN): not modelled.
//
//vsynth:ensures true
func Floats(m map[float64]int) int { // want "unsupported" "unsupported: parameter m: map with keys of type float64"
	return len(m)
}
