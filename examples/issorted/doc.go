// Package issorted checks whether a slice is sorted, proved to answer
// exactly the quantified property for slices of any length.
package issorted
