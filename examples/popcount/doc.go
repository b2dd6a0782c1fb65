// Package popcount counts set bits with Kernighan's loop. vsynth proves
// it by unrolling the loop, but only when the bound covers every
// iteration: the 16-bit version within the default 16 iterations, the
// 32-bit one with --unroll 32 (by default it is unknown).
package popcount
