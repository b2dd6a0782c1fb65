package main

import (
	"encoding/json"
	"fmt"
	"os"
	"sort"

	"github.com/urfave/cli/v2"

	"github.com/vsynth/vsynth/ssa"
)

// The gate: which verdicts fail the run. By default every function not
// proved does (failed: exit 1; unknown or unsupported: exit 3). --fail-on
// lowers the bar, and a baseline file accepts the unknown and unsupported
// findings a team has already seen, so that only new ones fail.

// gateFlags are the flags of the gate, shared by prove and merge.
func gateFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "fail-on", Value: "unsupported", Usage: "the verdicts that fail the run: failed (only refuted functions, exit 1), unknown (also unknown ones, exit 3) or unsupported (also unsupported ones, exit 3)"},
		&cli.StringFlag{Name: "baseline", Usage: "accept the unknown and unsupported findings listed in `FILE` (written by --write-baseline): only new ones fail"},
		&cli.StringFlag{Name: "write-baseline", Usage: "write the run's unknown and unsupported findings to `FILE` as a baseline, and exit as if it were given"},
	}
}

// failLevels orders the --fail-on values.
var failLevels = map[string]int{"failed": 1, "unknown": 2, "unsupported": 3}

// gate decides the exit status of a report.
type gate struct {
	failOn        int             // a failLevels value
	baseline      map[string]bool // accepted fingerprints; nil without --baseline
	writeBaseline string
}

func newGate(c *cli.Context) (*gate, error) {
	g := &gate{failOn: failLevels[c.String("fail-on")], writeBaseline: c.String("write-baseline")}
	if g.failOn == 0 {
		return nil, fmt.Errorf("%s: unknown --fail-on %q (want failed, unknown or unsupported)", c.Command.Name, c.String("fail-on"))
	}
	if name := c.String("baseline"); name != "" {
		b, err := readBaseline(name)
		if err != nil {
			return nil, fmt.Errorf("%s: --baseline: %w", c.Command.Name, err)
		}
		g.baseline = b
	}
	return g, nil
}

// baselineFile is the baseline's format: the fingerprints of accepted
// findings, with what they are for a reader (and for review in a diff).
type baselineFile struct {
	Tool     string            `json:"tool"`
	Version  int               `json:"version"`
	Findings []baselineFinding `json:"findings"`
}

type baselineFinding struct {
	Fingerprint string `json:"fingerprint"`
	Rule        string `json:"rule"`
	Function    string `json:"function"`
	Title       string `json:"title"`
}

func readBaseline(name string) (map[string]bool, error) {
	b, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	var f baselineFile
	if err := json.Unmarshal(b, &f); err != nil || f.Tool != "vsynth" || f.Version != 1 {
		if err == nil {
			err = fmt.Errorf("want tool vsynth, version 1")
		}
		return nil, fmt.Errorf("%s: not a vsynth baseline: %w", name, err)
	}
	set := map[string]bool{}
	for _, fd := range f.Findings {
		set[fd.Fingerprint] = true
	}
	return set, nil
}

// acceptable reports whether a finding may be baselined: an undecided or
// unsupported one, never a refuted obligation (a real counterexample).
func acceptable(f finding) bool {
	return f.level == "warning" && f.rule != "vacuous"
}

// writeBaselineFile writes the acceptable findings of m to name and
// returns their fingerprints.
func writeBaselineFile(name string, m *reportModel) (map[string]bool, error) {
	f := baselineFile{Tool: "vsynth", Version: 1, Findings: []baselineFinding{}}
	set := map[string]bool{}
	for _, fd := range m.findings(false) {
		if !acceptable(fd) || set[fd.fingerprint] {
			continue
		}
		set[fd.fingerprint] = true
		f.Findings = append(f.Findings, baselineFinding{Fingerprint: fd.fingerprint, Rule: fd.rule, Function: fd.function, Title: fd.title})
	}
	sort.Slice(f.Findings, func(i, j int) bool {
		a, b := f.Findings[i], f.Findings[j]
		if a.Function != b.Function {
			return a.Function < b.Function
		}
		return a.Fingerprint < b.Fingerprint
	})
	b, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		return nil, err
	}
	if err := os.WriteFile(name, append(b, '\n'), 0o644); err != nil {
		return nil, err
	}
	return set, nil
}

// status maps the verdicts to the exit status: 1 when a function is
// refuted (or, with strict, proved only vacuously); else 3 when a function
// is unknown (--fail-on unknown or unsupported) or unsupported (--fail-on
// unsupported) and not every one of its findings is in the baseline or
// suppressed by a //vsynth:ignore; else 0.
func (g *gate) status(m *reportModel, strict bool) error {
	// Functions whose every finding is baselined or suppressed.
	accepted := map[string]bool{}
	{
		open := map[string]bool{}
		for _, fd := range m.findings(strict) {
			if fd.rule == "vacuous" && !strict {
				continue
			}
			if acceptable(fd) && (g.baseline[fd.fingerprint] || fd.suppressed != "") {
				if !open[fd.function] {
					accepted[fd.function] = true
				}
				continue
			}
			open[fd.function] = true
			delete(accepted, fd.function)
		}
	}
	code := exitOK
	for _, r := range m.Results {
		switch {
		case r.Verdict == ssa.Failed, strict && r.Vacuous:
			return &exitError{code: exitFailed}
		case accepted[r.Function]:
		case r.Verdict == ssa.Unknown && g.failOn >= failLevels["unknown"],
			r.Verdict == ssa.Unsupported && g.failOn >= failLevels["unsupported"]:
			code = exitNotProved
		}
	}
	if code != exitOK {
		return &exitError{code: code}
	}
	return nil
}

// gateFor reads the gate flags for the report m: it reads the baseline,
// or writes it with --write-baseline, and records it in m (SARIF's
// baselineState). Its errors exit 2.
func (o *outputs) gateFor(c *cli.Context, m *reportModel) (*gate, error) {
	g, err := newGate(c)
	if err != nil {
		return nil, &exitError{code: exitBadInput, err: err}
	}
	if g.writeBaseline != "" {
		set, err := writeBaselineFile(g.writeBaseline, m)
		if err != nil {
			return nil, &exitError{code: exitBadInput, err: fmt.Errorf("%s: --write-baseline: %w", c.Command.Name, err)}
		}
		g.baseline = set
	}
	m.baseline = g.baseline
	return g, nil
}
