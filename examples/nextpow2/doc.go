// Package nextpow2 rounds up to a power of two by smearing the highest
// set bit to the right (Hacker's Delight 3-2), proved for every 32-bit
// input in range.
package nextpow2
