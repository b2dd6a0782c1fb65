package provetest

import (
	"testing"

	"github.com/vsynth/vsynth/ssa"
)

// The generators (ssa/gentest/gen_*_test.go) pick the refuted obligations they expect
// to replay and count the confirmed ones; both go through the core
// confirmation (Confirm), as every replay does.

// ReplayCase is one refuted obligation of a result.
type ReplayCase struct {
	Res *ssa.FuncResult
	Ob  *ssa.ObligationResult
}

// FailedCases lists the refuted obligations of results.
func FailedCases(results []*ssa.FuncResult) []ReplayCase {
	var cs []ReplayCase
	for _, r := range results {
		for _, o := range r.Obligations {
			if o.Verdict == ssa.Failed {
				cs = append(cs, ReplayCase{r, o})
			}
		}
	}
	return cs
}

// replay confirms the counterexamples of cases in compiled Go, on copies
// of their results, fails the test for each that Go does not reproduce
// (those that cannot be run as inputs at all are exempt), and returns the
// number confirmed. root is where the results' module lies: Confirm
// builds in the loaded packages' own directories.
func Replay(t *testing.T, prog *ssa.Program, root string, cases []ReplayCase) int {
	t.Helper()
	copies := map[*ssa.FuncResult]*ssa.FuncResult{}
	var results []*ssa.FuncResult
	for _, c := range cases {
		cp, ok := copies[c.Res]
		if !ok {
			r := *c.Res
			r.Obligations = nil
			cp = &r
			copies[c.Res] = cp
			results = append(results, cp)
		}
		o := *c.Ob
		cp.Obligations = append(cp.Obligations, &o)
	}
	if len(results) == 0 {
		return 0
	}
	n, _ := ConfirmReplays(t, prog, results)
	return n
}
