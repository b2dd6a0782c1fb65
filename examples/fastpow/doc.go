// Package fastpow is exponentiation by squaring, proved equal to the
// repeated product pow (a //vsynth:pure function that clauses call,
// unfolded by vsynth) for small exponents.
package fastpow
