// Package listrev reverses a singly linked list in place by relinking its
// nodes. The proof is for lists of three nodes (the contract names them):
// the result is the old last node, every link is reversed, the values
// stay, and a frame says only the three Next fields are written.
package listrev
