// Package bubble is bubble sort, proved to permute its input for slices
// of any length (mset in both loops' invariants) and to terminate.
package bubble
