// Package frames shows //vsynth:modifies: a callee says which memory it
// may write, vsynth checks that its body writes nothing else, and a
// caller keeps what it knew about everything outside that frame (here a
// third account's balance across a transfer, and the middle of a slice
// across a swap). The seeded bug charges a fee to an account outside the
// frame.
package frames
