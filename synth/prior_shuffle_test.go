package synth

import (
	"reflect"
	"sort"
	"testing"
)

// TestPriorShuffled: the shuffled control keeps the leaves' counts and
// the multiset of the operators' counts, moves them among the operators
// (for some seed), records the seed, and leaves the original alone.
func TestPriorShuffled(t *testing.T) {
	counts := map[string]float64{
		"param:u32": 40, "1:u32": 9,
		"(&:u32 _0:u32 _1:u32)": 1, "(|:u32 _0:u32 _1:u32)": 2, "(+:u32 _0:u32 _1:u32)": 3,
		"(-:u32 _0:u32 _1:u32)": 4, "(com:u32 _0:u32)": 5, "(neg:u32 _0:u32)": 6,
	}
	pr := NewPrior(counts, PriorProvenance{Store: "s", Problems: []string{"a"}})
	opCounts := func(p *Prior) (ops []float64, leaves map[string]float64) {
		leaves = map[string]float64{}
		for _, e := range p.Productions {
			if e.Key[0] == '(' {
				ops = append(ops, e.Count)
			} else {
				leaves[e.Key] = e.Count
			}
		}
		sort.Float64s(ops)
		return ops, leaves
	}
	before := append([]PriorEntry(nil), pr.Productions...)
	moved := false
	for seed := int64(1); seed <= 5; seed++ {
		sh := pr.Shuffled(seed)
		if sh.Provenance.Shuffle != seed {
			t.Errorf("seed %d not recorded", seed)
		}
		o1, l1 := opCounts(pr)
		o2, l2 := opCounts(sh)
		if !reflect.DeepEqual(o1, o2) || !reflect.DeepEqual(l1, l2) {
			t.Errorf("seed %d: counts %v %v, want %v %v", seed, o2, l2, o1, l1)
		}
		if !reflect.DeepEqual(sh.Productions, pr.Productions) {
			moved = true
		}
		if !reflect.DeepEqual(sh.Shuffled(seed).Productions, pr.Shuffled(seed).Shuffled(seed).Productions) {
			t.Errorf("seed %d: not deterministic", seed)
		}
	}
	if !moved {
		t.Error("no seed moved a count")
	}
	if !reflect.DeepEqual(before, pr.Productions) {
		t.Error("the original prior changed")
	}
}
