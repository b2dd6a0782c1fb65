package main

import (
	"strings"
	"testing"

	"github.com/vsynth/vsynth/ssa"
)

// shardReport is a report of one shard with the given functions.
func shardReport(i, n, total int, fs ...funcReport) *reportModel {
	return &reportModel{Results: fs, Shard: &shardInfo{Index: i, Count: n, Total: total}}
}

func provedObligation() jsonObligation {
	return jsonObligation{Kind: ssa.Ensures, Clause: "true", Verdict: ssa.Proved}
}

// TestMergeSettlesReliance checks that the merge re-settles proofs that
// used contracts across shards: proved when the callee is proved, unknown
// when it is refuted, transitively.
func TestMergeSettlesReliance(t *testing.T) {
	pending := func(name string, relies ...string) funcReport {
		return funcReport{Function: name, Verdict: ssa.Unknown, Reason: "relies on ...", Relies: relies,
			Obligations: []jsonObligation{provedObligation()}}
	}
	for _, tc := range []struct {
		callee ssa.Verdict
		want   ssa.Verdict
	}{{ssa.Proved, ssa.Proved}, {ssa.Failed, ssa.Unknown}, {ssa.Unsupported, ssa.Unknown}} {
		calleeObl := provedObligation()
		if tc.callee == ssa.Failed {
			calleeObl.Verdict = ssa.Failed
		}
		callee := funcReport{Function: "m/p.Callee", Verdict: tc.callee, Obligations: []jsonObligation{calleeObl}}
		if tc.callee == ssa.Unsupported {
			callee.Obligations = nil
		}
		m, err := mergeReports([]*reportModel{
			shardReport(1, 2, 3, pending("m/p.Caller", "m/p.Callee"), pending("m/p.Top", "m/p.Caller")),
			shardReport(2, 2, 3, callee),
		})
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]funcReport{}
		for _, f := range m.Results {
			got[f.Function] = f
		}
		for _, name := range []string{"m/p.Caller", "m/p.Top"} {
			if got[name].Verdict != tc.want {
				t.Errorf("callee %s: %s is %s, want %s", tc.callee, name, got[name].Verdict, tc.want)
			}
		}
		if tc.want == ssa.Unknown && !strings.Contains(got["m/p.Caller"].Reason, "relies on the contract of p.Callee") {
			t.Errorf("reason = %q", got["m/p.Caller"].Reason)
		}
		if got := m.Results[0].Function; got != "m/p.Callee" {
			t.Errorf("merged results are not sorted by name: first is %s", got)
		}
	}
}

func TestMergeRejectsInconsistentShards(t *testing.T) {
	f := func(name string) funcReport { return funcReport{Function: name, Verdict: ssa.Proved} }
	for _, tc := range []struct {
		reports []*reportModel
		want    string
	}{
		{[]*reportModel{shardReport(1, 2, 2, f("a")), shardReport(1, 3, 2, f("b"))}, "different shardings"},
		{[]*reportModel{shardReport(1, 2, 3, f("a")), shardReport(2, 2, 3, f("b"))}, "the shards hold 2 functions, the run had 3"},
		{[]*reportModel{shardReport(1, 2, 2, f("a")), shardReport(2, 2, 2, f("a"))}, "in more than one report"},
	} {
		if _, err := mergeReports(tc.reports); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("merge: err = %v, want %q", err, tc.want)
		}
	}
}
