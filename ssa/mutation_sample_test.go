package ssa

import (
	"math/rand/v2"
	"os"
	"slices"
	"testing"
)

// mutSampleFunctions is how many of the proved functions the default run
// of TestMutants mutates: a sample, so that the ssa package's default run
// stays far from go test's 10-minute limit on a loaded machine. Mutating
// all 95 functions took 990 s at load 16 on 2 cores (docs/soundness.md,
// "The suite under load"). VSYNTH_MUTANT_SEED=N picks another sample;
// VSYNTH_LONG=1 mutates every function at every site.
const mutSampleFunctions = 10

// sampleSubjects returns mutSampleFunctions of the subjects, chosen by
// the seed and kept in their order, or all of them with VSYNTH_LONG.
func sampleSubjects(t *testing.T, subjects []*mutSubject, seed uint64) []*mutSubject {
	t.Helper()
	if os.Getenv("VSYNTH_LONG") != "" || len(subjects) <= mutSampleFunctions {
		return subjects
	}
	r := rand.New(rand.NewPCG(seed, 0x73616d706c65))
	picked := r.Perm(len(subjects))[:mutSampleFunctions]
	slices.Sort(picked)
	sample := make([]*mutSubject, len(picked))
	var loops int
	for i, k := range picked {
		sample[i] = subjects[k]
		if subjects[k].loopsOrMemory {
			loops++
		}
	}
	t.Logf("default run: %d of the %d functions, chosen by the seed (%d with loops or memory); VSYNTH_LONG=1: all", len(sample), len(subjects), loops)
	return sample
}
