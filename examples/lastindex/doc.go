// Package lastindex is a linear search from the back (a down-counting
// loop), proved to return the last occurrence for slices of any length.
package lastindex
