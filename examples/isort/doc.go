// Package isort is insertion sort by adjacent swaps, proved to permute
// its input for slices of any length (mset in the loop invariants).
package isort
