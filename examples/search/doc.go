// Package search is linear search and the maximum of a slice, proved with
// loop invariants that quantify over the elements seen so far; MaxBuggy,
// which starts from zero, is refuted.
package search
