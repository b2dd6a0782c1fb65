// Package prefixsum computes prefix sums: p[k+1] == p[k] + a[k] for every
// k, proved for slices of any length.
package prefixsum
