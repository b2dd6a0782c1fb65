//go:build cgo

package z3

import "testing"

// BenchmarkNewContextSolver measures what vsynth pays per function for a
// fresh context and solver (ssa.Prove makes one per function).
func BenchmarkNewContextSolver(b *testing.B) {
	for range b.N {
		c, err := NewContext()
		if err != nil {
			b.Fatal(err)
		}
		s, err := c.NewBitVecSolver()
		if err != nil {
			b.Fatal(err)
		}
		s.Close()
		c.Close()
	}
}
