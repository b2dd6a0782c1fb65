// Package hackers holds bit tricks from Hacker's Delight, each proved
// equal to a plain version of the same function. A call to a plain
// version in a contract is inlined by vsynth, so the contract reads as
// "the trick computes exactly what the plain code computes".
package hackers
