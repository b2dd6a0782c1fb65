// Package prefixsum computes the prefix sums of a slice into a new one,
// proved element by element for slices of any length (a quantified loop
// invariant over the slice being written).
package prefixsum
