// Package kadane is Kadane's maximum-subarray algorithm on a slice of
// int8 values of any length: proved to return a non-negative value at
// least every element (the empty subarray and every one-element
// subarray), the running sums staying within 127*i so that nothing
// wraps. That the result is also the sum of some subarray, and the
// largest, is not stated: vsynth's pure functions cannot yet define
// sum(a[j:i]) for a slice of any length (docs/contracts.md).
package kadane
