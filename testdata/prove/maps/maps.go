// Package maps checks the map model: reads (the zero value when a key is
// absent), v, ok := m[k], writes with their nil-map obligation, delete,
// len, make, map literals, maps as parameters (references: two
// parameters may be one map), and maps in specs (m[k], len(m), has(m, k)).
// Counterexamples are Go map literals.
package maps

// Get reads a key: absent keys read as zero, and so does a nil map.
//
//vsynth:ensures has(m, k) || result == 0
func Get(m map[int8]int8, k int8) int8 { // want "proved"
	return m[k]
}

// Lookup is the comma-ok form.
//
//vsynth:ensures ok == has(m, k)
//vsynth:ensures v == m[k]
func Lookup(m map[int8]int8, k int8) (v int8, ok bool) { // want "proved"
	v, ok = m[k]
	return
}

// Put writes without checking for nil.
//
//vsynth:ensures true
func Put(m map[int8]int8, k, v int8) { // want "failed"
	m[k] = v // want "nil-map: failed"
}

// PutSafe requires a map.
//
//vsynth:requires m != nil
//vsynth:ensures m[k] == v && has(m, k)
//vsynth:ensures len(m) == old(len(m)) || (len(m) == old(len(m))+1 && !old(has(m, k)))
func PutSafe(m map[int8]int8, k, v int8) { // want "proved"
	m[k] = v
}

// Count bumps a counter: the claim forgets that the count may wrap.
//
//vsynth:requires m != nil
//vsynth:ensures m[k] > old(m[k]) // want "ensures: failed"
func Count(m map[int8]int8, k int8) { // want "failed"
	m[k]++
}

// Remove deletes a key; deleting from a nil map does nothing.
//
//vsynth:ensures !has(m, k)
//vsynth:ensures len(m) == old(len(m)) - 1 || (len(m) == old(len(m)) && !old(has(m, k)))
func Remove(m map[int8]int8, k int8) { // want "proved"
	delete(m, k)
}

// Make builds a map with two entries.
//
//vsynth:ensures len(result) == 2 && result[a] == 1 && result[b] == 2 // want "ensures: failed"
func Make(a, b int8) map[int8]int8 { // want "failed"
	m := make(map[int8]int8)
	m[a] = 1
	m[b] = 2
	return m
}

// Literal is a map literal.
//
//vsynth:ensures len(result) == 3 && result[1] == 10 && !has(result, 4)
func Literal() map[uint8]int16 { // want "proved"
	return map[uint8]int16{1: 10, 2: 20, 3: 30}
}

// Alias writes through one map and reads through the other: they may be
// one map.
//
//vsynth:requires a != nil
//vsynth:ensures result == 1 // want "ensures: failed"
func Alias(a, b map[int]int) int { // want "failed"
	a[0] = 1
	b[0] = 2 // want "nil-map: failed"
	return a[0]
}

// Aliased is false only when a and b are one map, which the model
// allows (a map is a reference): failed, with a counterexample whose
// second parameter is the first (b = map[int]int(a)), replayed as such.
//
//vsynth:requires a != nil && b != nil
//vsynth:ensures result == 1 // want "ensures: failed"
func Aliased(a, b map[int]int) int { // want "failed"
	a[0] = 1
	b[0] = 2
	return a[0]
}

// Missing claims a key is present: the counterexample is an empty map.
//
//vsynth:ensures has(m, k) // want "ensures: failed"
func Missing(m map[uint16]bool, k uint16) bool { // want "failed"
	return m[k]
}

// Point is a struct key.
type Point struct{ X, Y int8 }

// Grid is a named map type with struct keys and values.
type Grid map[Point]Point

// Move stores the successor of p.
//
//vsynth:requires g != nil
//vsynth:ensures g[p] == Point{p.X + 1, p.Y}
func Move(g Grid, p Point) { // want "proved"
	g[p] = Point{p.X + 1, p.Y}
}

// Fill writes n keys in a loop (unrolled).
//
//vsynth:requires 0 <= n && n <= 4
//vsynth:ensures len(result) == n
func Fill(n int) map[int]int { // want "proved"
	m := map[int]int{}
	for i := 0; i < n; i++ {
		m[i] = i * i
	}
	return m
}

// Clear empties a map.
//
//vsynth:ensures len(m) == 0 && !has(m, k)
func Clear(m map[int8]uint8, k int8) { // want "proved"
	clear(m)
}

// AddTwo writes two keys; the claim forgets that they may be one key or
// be there already.
//
//vsynth:requires m != nil
//vsynth:ensures len(m) == old(len(m)) + 2 // want "ensures: failed"
func AddTwo(m map[int32]int32, a, b int32) { // want "failed"
	m[a] = 1
	m[b] = 2
}

// NonEmpty: a present key means a length of at least one.
//
//vsynth:ensures result ==> len(m) >= 1
func NonEmpty(m map[int]bool, k int) bool { // want "proved"
	_, ok := m[k]
	return ok
}

// Two distinct present keys mean a length of at least two.
//
//vsynth:requires a != b
//vsynth:ensures result ==> len(m) >= 2
func Two(m map[int16]uint8, a, b int16) bool { // want "proved"
	_, okA := m[a]
	_, okB := m[b]
	return okA && okB
}

// Bools has at most two keys.
//
//vsynth:ensures len(m) <= 2
func Bools(m map[bool]int) int { // want "proved"
	return len(m)
}

// IsNil tells nil from empty.
//
//vsynth:ensures result == (m == nil)
func IsNil(m map[int]int) bool { // want "proved"
	return m == nil
}

// Small claims every map is short: the counterexample has 70 entries,
// more than a literal lists, so a loop adds the ones the function never
// reads.
//
//vsynth:requires len(m) >= 70
//vsynth:ensures result // want "ensures: failed"
func Small(m map[uint8]bool) bool { // want "failed"
	return !m[3]
}

// Fresh makes a map in every iteration of a loop with invariants: each
// is empty when made, whatever the loop's arbitrary state holds.
//
//vsynth:requires 0 <= n && n < 100
//vsynth:ensures result == n
func Fresh(n int) int { // want "proved"
	c := 0
	//vsynth:invariant 0 <= i && i <= n && c == i
	for i := 0; i < n; i++ {
		m := map[int]int{}
		if len(m) == 0 && m[i] == 0 {
			c++
		}
		m[i] = 1
	}
	return c
}

// Insert adds to a set: map[K]struct{}.
//
//vsynth:requires s != nil
//vsynth:ensures has(s, k) && len(s) >= 1
func Insert(s map[int16]struct{}, k int16) { // want "proved"
	s[k] = struct{}{}
}

// Contains tests a set.
//
//vsynth:ensures result == has(s, k)
func Contains(s map[int16]struct{}, k int16) bool { // want "proved"
	_, ok := s[k]
	return ok
}

// NotIn claims no set holds 5: the counterexample is a set literal.
//
//vsynth:ensures !result // want "ensures: failed"
func NotIn(s map[int16]struct{}) bool { // want "failed"
	_, ok := s[5]
	return ok
}

// Name reads a string value: "" when absent.
//
//vsynth:ensures has(m, k) || result == ""
//vsynth:ensures result == m[k]
func Name(m map[int]string, k int) string { // want "proved"
	return m[k]
}

// Rename writes a string value.
//
//vsynth:requires m != nil && len(s) < 100
//vsynth:ensures len(m[k]) == len(s)+1 && m[k][0] == 'x' && m[k][1:] == s
func Rename(m map[int]string, k int, s string) { // want "proved"
	m[k] = "x" + s
}

// Short claims every name is short: the counterexample holds a string.
//
//vsynth:ensures len(result) < 3 // want "ensures: failed"
func Short(m map[uint8]string) string { // want "failed"
	return m[7]
}

// FillUpTo writes keys 0..n-1 of a caller's map, with invariants that
// quantify over its keys.
//
//vsynth:requires m != nil && 0 <= n && n <= 100
//vsynth:ensures forall j int :: 0 <= j && j < n ==> has(m, j) && m[j] == j
func FillUpTo(m map[int]int, n int) { // want "proved"
	//vsynth:invariant 0 <= i && i <= n
	//vsynth:invariant forall j int :: 0 <= j && j < i ==> has(m, j) && m[j] == j
	for i := 0; i < n; i++ {
		m[i] = i
	}
}

// FillWrong claims one key too many.
//
//vsynth:requires m != nil && 0 <= n && n <= 100
//vsynth:ensures has(m, n) // want "ensures: failed"
func FillWrong(m map[int]int, n int) { // want "failed"
	//vsynth:invariant 0 <= i && i <= n
	for i := 0; i < n; i++ {
		m[i] = i
	}
}
