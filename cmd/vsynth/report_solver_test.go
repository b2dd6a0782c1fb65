package main

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"strings"
	"testing"
)

// TestSolverInEveryFormat: the solver, its version and the flags that
// decide verdicts (rlimit, timeout, cross-check) are in the JSON, SARIF
// and JUnit reports and in the text report's -v header.
func TestSolverInEveryFormat(t *testing.T) {
	m := everyFindingModel()
	want := *m.Solver

	var js bytes.Buffer
	if err := m.writeJSON(&js); err != nil {
		t.Fatal(err)
	}
	var back struct{ Solver *solverInfo }
	if err := json.Unmarshal(js.Bytes(), &back); err != nil {
		t.Fatal(err)
	}
	if back.Solver == nil || *back.Solver != want {
		t.Errorf("JSON solver %+v, want %+v", back.Solver, want)
	}

	var sarif bytes.Buffer
	if err := m.writeSARIF(&sarif, false); err != nil {
		t.Fatal(err)
	}
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct{ Properties map[string]string }
			}
			Invocations []struct{ Properties map[string]any }
		}
	}
	if err := json.Unmarshal(sarif.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	if got := run.Tool.Driver.Properties["solver"]; got != "z3 4.8.12" {
		t.Errorf("SARIF driver solver %q", got)
	}
	inv := run.Invocations[0].Properties
	if inv["solver"] != "z3" || inv["solverVersion"] != "4.8.12" || inv["rlimit"] != float64(30_000_000) || inv["timeoutMs"] != float64(120_000) || inv["crossCheck"] != "cvc5 1.0.3" {
		t.Errorf("SARIF invocation properties %v", inv)
	}

	var junit bytes.Buffer
	if err := m.writeJUnit(&junit, false); err != nil {
		t.Fatal(err)
	}
	var suites junitSuites
	if err := xml.Unmarshal(junit.Bytes(), &suites); err != nil {
		t.Fatal(err)
	}
	if len(suites.Suites) == 0 {
		t.Fatal("no JUnit suites")
	}
	for _, s := range suites.Suites {
		props := map[string]string{}
		if s.Properties != nil {
			for _, p := range s.Properties.Property {
				props[p.Name] = p.Value
			}
		}
		if props["solver"] != "z3" || props["solver.version"] != "4.8.12" || props["solver.rlimit"] != "30000000" || props["solver.timeout_ms"] != "120000" || props["solver.cross_check"] != "cvc5 1.0.3" {
			t.Errorf("JUnit suite %s: properties %v", s.Name, props)
		}
	}

	for _, verbose := range []bool{false, true} {
		var text bytes.Buffer
		if err := m.writeText(&text, textOptions{verbose: verbose}); err != nil {
			t.Fatal(err)
		}
		first, _, _ := strings.Cut(text.String(), "\n")
		header := "vsynth " + version + ", solver z3 4.8.12, rlimit 30000000, timeout 2m0s, cross-check cvc5 1.0.3"
		if verbose && first != header {
			t.Errorf("-v: first line %q, want %q", first, header)
		}
		if !verbose && strings.Contains(text.String(), "rlimit") {
			t.Errorf("without -v the text report names the solver:\n%s", text.String())
		}
	}
}

// TestMergeSolvers: shards proved by different solvers or budgets do not
// merge into one report; equal ones keep the solver.
func TestMergeSolvers(t *testing.T) {
	a := &reportModel{Results: []funcReport{{Function: "p.A", Verdict: "proved", Obligations: []jsonObligation{}}},
		Solver: &solverInfo{Name: "z3", Version: "4.8.12", RLimit: 1, TimeoutMS: 2}}
	b := &reportModel{Results: []funcReport{{Function: "p.B", Verdict: "proved", Obligations: []jsonObligation{}}},
		Solver: &solverInfo{Name: "z3", Version: "4.8.12", RLimit: 1, TimeoutMS: 2}}
	m, err := mergeReports([]*reportModel{a, b})
	if err != nil {
		t.Fatal(err)
	}
	if m.Solver == nil || *m.Solver != *a.Solver {
		t.Errorf("merged solver %+v", m.Solver)
	}
	b.Solver = &solverInfo{Name: "z3", Version: "4.13.3", RLimit: 1, TimeoutMS: 2}
	if _, err := mergeReports([]*reportModel{a, b}); err == nil || !strings.Contains(err.Error(), "different solvers") {
		t.Errorf("shards of two Z3 versions merged: %v", err)
	}
	b.Solver = &solverInfo{Name: "z3", Version: "4.8.12", RLimit: 5, TimeoutMS: 2}
	if _, err := mergeReports([]*reportModel{a, b}); err == nil {
		t.Error("shards of two rlimits merged")
	}
}
