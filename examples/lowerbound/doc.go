// Package lowerbound is binary search with its full contract: on a sorted
// slice of any length it returns the first index whose element is at
// least x, everything before it being smaller and everything from it on
// at least x.
package lowerbound
