// Package reverse reverses a slice in place with two pointers, proved to
// permute it (mset) and to reverse it.
package reverse
