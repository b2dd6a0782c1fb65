package synth

import "math/bits"

// exampleSet is a set of example indices, one bit per example.
type exampleSet []uint64

func newExampleSet(n int) exampleSet { return make(exampleSet, (n+63)/64) }

// fullSet is the set of all n examples.
func fullSet(n int) exampleSet {
	s := newExampleSet(n)
	for i := range n {
		s.add(i)
	}
	return s
}

func (s exampleSet) add(i int)               { s[i/64] |= 1 << uint(i%64) }
func (s exampleSet) has(i int) bool          { return s[i/64]&(1<<uint(i%64)) != 0 }
func (s exampleSet) clone() exampleSet       { return append(exampleSet(nil), s...) }
func (s exampleSet) count() int              { return s.countAnd(nil) }
func (s exampleSet) empty() bool             { return s.count() == 0 }
func (s exampleSet) equal(t exampleSet) bool { return equalVals(s, t) }

// countAnd counts the members of s that are in t (all of s when t is nil).
func (s exampleSet) countAnd(t exampleSet) int {
	n := 0
	for i, w := range s {
		if t != nil {
			w &= t[i]
		}
		n += bits.OnesCount64(w)
	}
	return n
}

// and is s ∩ t; andNot is s \ t.
func (s exampleSet) and(t exampleSet) exampleSet {
	out := make(exampleSet, len(s))
	for i := range s {
		out[i] = s[i] & t[i]
	}
	return out
}

func (s exampleSet) andNot(t exampleSet) exampleSet {
	out := make(exampleSet, len(s))
	for i := range s {
		out[i] = s[i] &^ t[i]
	}
	return out
}

// subsetOf reports whether every member of s is in t.
func (s exampleSet) subsetOf(t exampleSet) bool {
	for i := range s {
		if s[i]&^t[i] != 0 {
			return false
		}
	}
	return true
}

// union adds t's members to s.
func (s exampleSet) union(t exampleSet) {
	for i := range s {
		s[i] |= t[i]
	}
}

// first is the smallest member of s, or -1.
func (s exampleSet) first() int {
	for i, w := range s {
		if w != 0 {
			return i*64 + bits.TrailingZeros64(w)
		}
	}
	return -1
}
