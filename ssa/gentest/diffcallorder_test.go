package gentest

import (
	"testing"
)

// TestDifferentialCallOrder runs the differential check of
// TestDifferentialSemantics on what its generator avoids: two operations
// that panic, ordered differently by the gc compiler and by go/ssa. Both
// orders are Go: the verdicts must agree and the counterexample must be
// the inputs on which Go panics, but vsynth may blame either operation.
//
// The Go spec leaves unspecified when a / b is evaluated relative to a
// function call in the same expression, and relative to the other
// arguments of a call. The gc compiler evaluates the calls of an
// expression first, and the arguments of a call that is not inlined (or
// is an intrinsic, like most of math/bits) that contain a division before
// the others; go/ssa, and so vsynth, evaluates from left to right. Both
// orders panic on the same inputs, so verdicts agree, but vsynth may blame
// an operation that the compiled program does not reach first. The
// controls, whose order is the same in both, must agree exactly.
func TestDifferentialCallOrder(t *testing.T) {
	intT := diffType{"int", 64, true}
	shiftOne := &diffFunc{
		name:    "shiftOne",
		params:  []diffVar{{"n", intT}},
		results: []diffType{intT},
		body:    "{\n\treturn 1 << n\n}\n",
	}
	g := newDiffGen(1)
	g.helpers = []*diffFunc{shiftOne}
	bodies := []string{
		"a/b + shiftOne(n)",                     // gc: the call panics first; vsynth: the division
		"int(bits.RotateLeft(uint(a)<<n, a/b))", // gc: the division first; vsynth: the shift
		"shiftOne(n) + a/b",                     // control: the call comes first in both orders
		"a/b + 1<<n",                            // control: no call, left to right in both
	}
	var cases []*diffCase
	for i, body := range bodies {
		fn := &diffFunc{
			name:    "Order" + string(rune('A'+i)),
			params:  []diffVar{{"a", intT}, {"b", intT}, {"n", intT}},
			results: []diffType{intT},
			body:    "{\n\treturn " + body + "\n}\n",
			calls:   []string{shiftOne.name},
		}
		// a / 0 and 1 << -1 both panic.
		cases = append(cases, &diffCase{id: i, fn: fn, inputs: []uint64{1, 0, intT.mask()}, unordered: i < 2})
	}
	run := runDifferential(t, t.TempDir(), g, cases, "call order")
	t.Logf("%d cases, %d disagreements", len(cases), run.disagreements)
}
