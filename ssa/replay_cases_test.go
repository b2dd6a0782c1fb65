package ssa

import "testing"

// The generators (gen_*_test.go) pick the refuted obligations they expect
// to replay and count the confirmed ones; both go through the core
// confirmation (Confirm), as every replay does.

// replayCase is one refuted obligation of a result.
type replayCase struct {
	res *FuncResult
	ob  *ObligationResult
}

// failedCases lists the refuted obligations of results.
func failedCases(results []*FuncResult) []replayCase {
	var cs []replayCase
	for _, r := range results {
		for _, o := range r.Obligations {
			if o.Verdict == Failed {
				cs = append(cs, replayCase{r, o})
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
func replay(t *testing.T, prog *Program, root string, cases []replayCase) int {
	t.Helper()
	copies := map[*FuncResult]*FuncResult{}
	var results []*FuncResult
	for _, c := range cases {
		cp, ok := copies[c.res]
		if !ok {
			r := *c.res
			r.Obligations = nil
			cp = &r
			copies[c.res] = cp
			results = append(results, cp)
		}
		o := *c.ob
		cp.Obligations = append(cp.Obligations, &o)
	}
	if len(results) == 0 {
		return 0
	}
	n, _ := confirmReplays(t, prog, results)
	return n
}
