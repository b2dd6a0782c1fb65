// Package reverse reverses a slice in place with two pointers, proved to
// permute it (mset). (That it reverses it, a quantified invariant with
// old, times out: see docs/contracts.md.)
package reverse
