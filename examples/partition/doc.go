// Package partition is the two-pointer partition of quicksort (Lomuto):
// elements below the pivot first, proved to permute the slice; the
// seeded bug overwrites instead of swapping.
package partition
