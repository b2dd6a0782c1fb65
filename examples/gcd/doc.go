// Package gcd is Euclid's algorithm on bytes, proved to return the
// greatest common divisor (a positive common divisor that every common
// divisor divides) and to terminate, with quantified invariants over the
// common divisors.
package gcd
