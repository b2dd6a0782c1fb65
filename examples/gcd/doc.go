// Package gcd is Euclid's algorithm on bytes. Its loop has no invariants:
// on uint8 it runs at most 12 times, so vsynth unrolls it completely and
// proves that the result divides both inputs; the seeded bug is refuted.
package gcd
