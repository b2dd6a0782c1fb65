// Package ilog2 computes the floor of the base-2 logarithm by shifting,
// proved with a loop invariant relating the shifted value to the input.
package ilog2
