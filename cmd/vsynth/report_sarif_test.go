package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/vsynth/vsynth/ssa"
)

// TestSARIFRepoRelative checks that URIs are relative to the repository
// root, not to the working directory.
func TestSARIFRepoRelative(t *testing.T) {
	root := t.TempDir()
	os.Mkdir(filepath.Join(root, ".git"), 0o755)
	os.MkdirAll(filepath.Join(root, "sub", "p"), 0o755)
	t.Chdir(filepath.Join(root, "sub"))
	m := &reportModel{Results: []funcReport{{Function: "m/p.Bad", Pos: "p/f.go:4:1", Verdict: ssa.Failed, short: "p.Bad",
		Obligations: []jsonObligation{{Kind: ssa.Panic, Pos: "p/f.go:5:2", Verdict: ssa.Failed, Counterexample: &jsonCex{Panic: "panic"}}}}}}
	var b bytes.Buffer
	if err := m.writeSARIF(&b, false); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b.Bytes(), []byte(`"uri": "sub/p/f.go"`)) {
		t.Fatalf("want the URI relative to the repository root:\n%s", b.String())
	}
}

// TestSARIFStructure checks the log's internal consistency: every result
// names a rule by id and by index, has a level, a message, a location with
// a line, and a fingerprint; vacuous proofs become errors only with
// strict.
func TestSARIFStructure(t *testing.T) {
	t.Chdir(t.TempDir()) // no repository around: URIs are relative to here
	m := &reportModel{Results: []funcReport{
		{Function: "m/p.Bad", Pos: "p/f.go:4:1", Verdict: ssa.Failed, short: "p.Bad", Obligations: []jsonObligation{
			{Kind: ssa.DivideByZero, Pos: "p/f.go:5:9", Verdict: ssa.Failed, Counterexample: &jsonCex{Inputs: orderedStrings{{Name: "d", Value: "0"}}, Panic: "runtime error: integer divide by zero"}},
			{Kind: ssa.Ensures, Clause: "result > 0", Pos: "-", Verdict: ssa.Unknown, Reason: "timeout"},
		}},
		{Function: "m/p.Loop", Pos: "p/f.go:9:1", Verdict: ssa.Unsupported, Reason: "loop", ReasonPos: "p/f.go:10:2", short: "p.Loop"},
		{Function: "m/p.Never", Pos: "p/f.go:14:1", Verdict: ssa.Proved, Vacuous: true, VacuousReason: "requires unsatisfiable", short: "p.Never"},
		{Function: "m/p.Good", Pos: "p/f.go:20:1", Verdict: ssa.Proved, short: "p.Good"},
	}}
	for _, strict := range []bool{false, true} {
		var b bytes.Buffer
		if err := m.writeSARIF(&b, strict); err != nil {
			t.Fatal(err)
		}
		var log struct {
			Version string
			Runs    []struct {
				Tool struct {
					Driver struct {
						Name  string
						Rules []struct{ ID string }
					}
				}
				Results []struct {
					RuleID    string
					RuleIndex int
					Level     string
					Message   struct{ Text string }
					Locations []struct {
						PhysicalLocation struct {
							ArtifactLocation struct{ URI string }
							Region           struct{ StartLine, StartColumn int }
						}
					}
					PartialFingerprints map[string]string
				}
			}
		}
		if err := json.Unmarshal(b.Bytes(), &log); err != nil {
			t.Fatal(err)
		}
		if log.Version != "2.1.0" || len(log.Runs) != 1 || log.Runs[0].Tool.Driver.Name != "vsynth" {
			t.Fatalf("bad log header: %s", b.String())
		}
		run := log.Runs[0]
		levels := map[string]string{}
		for _, r := range run.Results {
			if r.RuleIndex >= len(run.Tool.Driver.Rules) || run.Tool.Driver.Rules[r.RuleIndex].ID != r.RuleID {
				t.Errorf("result for %s: ruleIndex %d does not name the rule", r.RuleID, r.RuleIndex)
			}
			if r.Message.Text == "" || len(r.Locations) != 1 || r.Locations[0].PhysicalLocation.Region.StartLine == 0 ||
				r.Locations[0].PhysicalLocation.ArtifactLocation.URI != "p/f.go" || len(r.PartialFingerprints["vsynthFinding/v1"]) != 32 {
				t.Errorf("incomplete result: %+v", r)
			}
			levels[r.RuleID] = r.Level
		}
		want := map[string]string{"divide-by-zero": "error", "ensures": "warning", "unsupported": "warning", "vacuous": "warning"}
		if strict {
			want["vacuous"] = "error"
		}
		if len(run.Results) != len(want) {
			t.Errorf("strict=%v: %d results, want %d (nothing for the proved function)", strict, len(run.Results), len(want))
		}
		for rule, level := range want {
			if levels[rule] != level {
				t.Errorf("strict=%v: %s is %q, want %q", strict, rule, levels[rule], level)
			}
		}
	}
}
