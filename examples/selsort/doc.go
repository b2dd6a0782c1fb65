// Package selsort is selection sort, proved to permute its input for
// slices of any length and to terminate.
package selsort
