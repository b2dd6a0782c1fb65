package main

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/vsynth/vsynth/internal/clitest"
	"github.com/vsynth/vsynth/ssa"
)

// compileSchema compiles a JSON schema file, asserting formats (uri,
// uri-reference...) as well as structure.
func compileSchema(t testing.TB, file string) *jsonschema.Schema {
	t.Helper()
	s, err := clitest.CompileSchemaFile(file)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// everyFindingModel is a report with a refuted obligation of every rule's
// kind, the other function-level findings, a file name that needs
// percent-encoding, and every optional JSON field.
func everyFindingModel() *reportModel {
	m := &reportModel{Results: []funcReport{}, TimeMS: 28000, wall: 28 * time.Second, Solver: &solverInfo{Name: "z3", Version: "4.8.12", RLimit: 30_000_000, TimeoutMS: 120_000, CrossCheck: "cvc5 1.0.3"},
		Shard: &shardInfo{Index: 1, Count: 1, Total: 1},
		Stats: &jsonStats{LoadMS: 1, SSAMS: 2, SpecsMS: 3, LowerMS: 4, SolveMS: 5, ConfirmMS: 6, TotalMS: 21, Obligations: 9, CacheHits: 1}}
	cex := &jsonCex{Inputs: orderedStrings{{Name: "x", Value: "-1"}}, Outputs: orderedStrings{{Name: "result", Value: "0"}},
		State: []ssa.Binding{{Name: "i", Value: "3"}}, Aliases: [][2]string{{"a", "b"}}, Unshown: []string{"p"}}
	for _, r := range findingRules {
		switch r.id {
		case "unsupported", "reliance", "vacuous":
			continue
		}
		m.Results = append(m.Results, funcReport{Function: "example.com/m/p.F_" + r.name, Pos: "p/odd name,x%y.go:4:1", Verdict: ssa.Failed,
			short: "p.F_" + r.name, Counterexample: cex, TimeMS: 5000, time: 5 * time.Second, Relies: []string{"example.com/m/p.G"},
			Obligations: []jsonObligation{{Kind: ssa.ObligationKind(r.id), Clause: "result >= 0", Of: "ensures", Pos: "p/odd name,x%y.go:5:9",
				Via: []string{"p/q.go:3:1"}, Verdict: ssa.Failed, Counterexample: cex, Confirmation: "confirmed", CrossCheck: "cvc5 agrees", DecidedBy: "z3 4.8.12", TimeMS: 5000}}})
	}
	m.Results = append(m.Results,
		funcReport{Function: "example.com/m/p.Loop", Pos: "p/f.go:9:1", Verdict: ssa.Unsupported, Reason: "go statement", ReasonPos: "p/f.go:10:2", short: "p.Loop", Obligations: []jsonObligation{},
			Suppressed: []jsonSuppression{{Kind: "unsupported", Reason: "runs in a goroutine by design", Pos: "p/f.go:8:1"}}},
		funcReport{Function: "example.com/m/p.Rely", Pos: "p/f.go:12:1", Verdict: ssa.Unknown, Reason: "relies on p.G", short: "p.Rely", Obligations: []jsonObligation{}},
		funcReport{Function: "example.com/m/p.Slow", Pos: "p/f.go:13:1", Verdict: ssa.Unknown, short: "p.Slow",
			Obligations: []jsonObligation{{Kind: ssa.Ensures, Pos: "-", Verdict: ssa.Unknown, Reason: "timeout", Confirmation: "refused"}}},
		funcReport{Function: "example.com/m/p.Never", Pos: "p/f.go:14:1", Verdict: ssa.Proved, Vacuous: true, VacuousReason: "requires unsatisfiable", short: "p.Never", Obligations: []jsonObligation{},
			ClosedWorld: []string{"p.Shape.Area is called on *p.Rect, p.Square"}},
		funcReport{Function: "example.com/m/p.Maybe", Pos: "p/f.go:15:1", Verdict: ssa.Failed, Unconfirmed: true, short: "p.Maybe",
			Obligations: []jsonObligation{{Kind: ssa.Panic, Pos: "p/f.go:16:2", Verdict: ssa.Failed, Counterexample: &jsonCex{Inputs: orderedStrings{}, Globals: orderedStrings{{Name: "limit", Value: "0"}}, Panic: "boom"}, Confirmation: "unconfirmed"}}},
	)
	m.Summary = summarize(m.Results)
	m.Warnings = []jsonWarning{{Pos: "p/odd name,x%y.go:3:1", Message: "malformed vsynth directive: no space may stand between // and vsynth:"}}
	// A baseline that accepts one finding: results get a baselineState.
	m.baseline = map[string]bool{fingerprint("unsupported", "example.com/m/p.Loop", "", 0): true}
	return m
}

// TestSARIFSchema validates SARIF logs against the official 2.1.0 schema:
// one with a finding of every rule and a file name that needs
// percent-encoding, with and without --strict, and one that records a
// tool error.
func TestSARIFSchema(t *testing.T) {
	schema := compileSchema(t, clitest.SARIFSchemaFile())
	t.Chdir(t.TempDir()) // no repository around: URIs are relative to here
	errModel := &reportModel{Results: []funcReport{}, Error: "p/f.go:3:4: bad spec\np/f.go:5:1: another", Solver: &solverInfo{Name: "z3-process", Version: "4.13.3", TimeoutMS: 10_000}}
	for name, m := range map[string]*reportModel{"findings": everyFindingModel(), "tool error": errModel} {
		for _, strict := range []bool{false, true} {
			var b bytes.Buffer
			if err := m.writeSARIF(&b, strict); err != nil {
				t.Fatal(err)
			}
			if err := clitest.ValidateJSON(schema, b.Bytes()); err != nil {
				t.Errorf("%s (strict=%v): the SARIF log is not valid SARIF 2.1.0: %v\n%s", name, strict, err, b.String())
			}
		}
	}
	var b bytes.Buffer
	if err := everyFindingModel().writeSARIF(&b, false); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), `"uri": "p/odd%20name%2Cx%25y.go"`) {
		t.Errorf("the odd file name is not percent-encoded:\n%s", b.String())
	}
	// The check has teeth: the raw name is not a URI reference.
	bad := strings.ReplaceAll(b.String(), "p/odd%20name%2Cx%25y.go", "p/odd name,x%y.go")
	if err := clitest.ValidateJSON(schema, []byte(bad)); err == nil {
		t.Errorf("a SARIF log with an unencoded URI passes the schema: the validator does not check formats")
	}
}

// TestJSONSchema validates JSON reports against docs/report.schema.json.
func TestJSONSchema(t *testing.T) {
	schema := compileSchema(t, clitest.JSONSchemaFile())
	errModel := &reportModel{Results: []funcReport{}, Error: "p/f.go:3:4: bad spec"}
	for name, m := range map[string]*reportModel{"findings": everyFindingModel(), "tool error": errModel, "empty": {Results: []funcReport{}}} {
		var b bytes.Buffer
		if err := m.writeJSON(&b); err != nil {
			t.Fatal(err)
		}
		if err := clitest.ValidateJSON(schema, b.Bytes()); err != nil {
			t.Errorf("%s: the JSON report does not match %s: %v\n%s", name, "docs/report.schema.json", err, b.String())
		}
	}
	// The schema has teeth: an unknown field and a bad verdict fail.
	for _, doc := range []string{
		`{"results": [], "summary": {"proved": 0, "failed": 0, "unknown": 0, "unsupported": 0}, "extra": 1}`,
		`{"results": [{"function": "p.F", "pos": "-", "verdict": "maybe", "obligations": [], "time_ms": 0}], "summary": {"proved": 0, "failed": 0, "unknown": 0, "unsupported": 0}}`,
		`{"results": [], "summary": {"proved": 0, "failed": 0, "unknown": 0, "unsupported": 0}, "solver": {"name": "z3", "rlimit": 0, "timeout_ms": 0}}`,
	} {
		if err := clitest.ValidateJSON(schema, []byte(doc)); err == nil {
			t.Errorf("the schema accepts %s", doc)
		}
	}
}

// TestJUnitWallTime checks that the root's time is the run's wall-clock
// time, not the sum of the functions' (which overlap in parallel).
func TestJUnitWallTime(t *testing.T) {
	m := everyFindingModel() // 13 functions of 5 s each, a 28 s run
	var b bytes.Buffer
	if err := m.writeJUnit(&b, false); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), `<testsuites name="vsynth" tests=`) || !strings.Contains(b.String(), `time="28.000">`) {
		t.Errorf("want the root's time 28.000 (the wall-clock time):\n%s", b.String())
	}
}
