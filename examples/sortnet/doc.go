// Package sortnet is a sorting network on four elements (five
// compare-exchanges), proved to sort and to permute its input.
package sortnet
