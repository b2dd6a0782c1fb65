// Package fastpow is exponentiation by squaring modulo 2^8, proved equal
// to the pure recursive definition pow for exponents up to 5: pow is
// unfolded in the contract, which bounds the exponent (vsynth unfolds a
// pure recursive function at most 6 calls deep).
package fastpow
