package ssa

import (
	"math/rand"
	"testing"

	"github.com/vsynth/vsynth/smt"
)

// checkLemmas evaluates the lemmas on constants; the constructors fold
// them (folding is checked against Z3 in smt/z3), so each must fold to true.
func checkLemmas(t *testing.T, w int, n, d int64, signed bool) {
	t.Helper()
	for i, l := range divisionLemmas(smt.BVInt(w, n), smt.BVInt(w, d), signed) {
		if !l.IsTrue() {
			t.Fatalf("lemma %d (signed=%v) is false at %d bits for n=%d, d=%d: %s", i, signed, w, n, d, l)
		}
	}
}

func TestDivisionLemmasExhaustive8(t *testing.T) {
	for n := -128; n < 128; n++ {
		for d := -128; d < 128; d++ {
			checkLemmas(t, 8, int64(n), int64(d), true)
			checkLemmas(t, 8, int64(n), int64(d), false)
		}
	}
}

func TestDivisionLemmasRandom(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	edges := []int64{0, 1, -1, 2, -2, 1<<62 - 1, -1 << 63, 1<<63 - 1, -1 << 31, 1<<31 - 1, 255, 256}
	for _, w := range []int{16, 32, 64} {
		for i := 0; i < 3000; i++ {
			n, d := r.Int63()-r.Int63(), r.Int63()>>r.Intn(63)
			if i < len(edges)*len(edges) {
				n, d = edges[i%len(edges)], edges[i/len(edges)]
			}
			checkLemmas(t, w, n, d, true)
			checkLemmas(t, w, n, d, false)
		}
	}
}
