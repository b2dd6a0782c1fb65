// Package argmin returns the index of a smallest element of a non-empty
// slice, proved for slices of any length.
package argmin
