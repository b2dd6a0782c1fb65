package main

import (
	"fmt"
	"slices"
	"sort"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/vsynth/vsynth/ssa"
)

func mergeCommand() *cli.Command {
	flags := []cli.Flag{
		&cli.StringFlag{Name: "format", Value: "text", Usage: "output format: text, json, sarif, junit or github"},
		&cli.BoolFlag{Name: "v", Usage: "list every function and obligation"},
	}
	return &cli.Command{
		Name:      "merge",
		Usage:     "combine the JSON reports of sharded runs into one report and exit status",
		ArgsUsage: "REPORT.json...",
		Flags:     append(append(flags, reportFlags()...), gateFlags()...),
		Action:    merge,
	}
}

func merge(c *cli.Context) error {
	_, cfgErr := applyConfig(c)
	out, err := newOutputs(c)
	if err != nil {
		return err
	}
	if cfgErr != nil {
		return out.always(c, &exitError{code: exitBadInput, err: fmt.Errorf("merge: %w", cfgErr)})
	}
	return out.always(c, mergeRun(c, out))
}

func mergeRun(c *cli.Context, out *outputs) error {
	if _, err := newGate(c); err != nil {
		return &exitError{code: exitBadInput, err: err}
	}
	if c.NArg() == 0 {
		return &exitError{code: exitBadInput, err: fmt.Errorf("merge: no reports given")}
	}
	var reports []*reportModel
	for _, name := range c.Args().Slice() {
		m, err := readJSONReport(name)
		if err != nil {
			return &exitError{code: exitBadInput, err: fmt.Errorf("merge: %w", err)}
		}
		reports = append(reports, m)
	}
	m, err := mergeReports(reports)
	if err != nil {
		return &exitError{code: exitBadInput, err: fmt.Errorf("merge: %w", err)}
	}
	g, err := out.gateFor(c, m)
	if err != nil {
		return err
	}
	if err := out.write(c, m); err != nil {
		return err
	}
	return g.status(m, out.strict)
}

// mergeReports combines reports into one. Sharded reports must cover
// every shard exactly once; a function may appear in only one report.
// A proof that used the contract of a function proved in another shard
// is settled again over the whole: it is proved only when every function
// whose contract it used is proved.
func mergeReports(reports []*reportModel) (*reportModel, error) {
	m := &reportModel{Results: []funcReport{}}
	seen := map[string]bool{}
	shards := map[int]bool{}
	count, total := 0, -1
	for _, r := range reports {
		if r.Error != "" {
			return nil, fmt.Errorf("a report records a tool error, its run is incomplete: %s", r.Error)
		}
		if !sameSolver(m.Solver, r.Solver) {
			return nil, fmt.Errorf("the reports come from different solvers or budgets (%s, and %s): their verdicts do not combine into one run's", m.Solver, r.Solver)
		}
		if m.Solver == nil {
			m.Solver = r.Solver
		}
		// The shards ran side by side: the whole took the longest.
		m.TimeMS = max(m.TimeMS, r.TimeMS)
		if sh := r.Shard; sh != nil {
			if count != 0 && (sh.Count != count || sh.Total != total) {
				return nil, fmt.Errorf("the reports come from different shardings (%d/%d of %d functions, and %d shards of %d)", sh.Index, sh.Count, sh.Total, count, total)
			}
			if shards[sh.Index] {
				return nil, fmt.Errorf("shard %d/%d given twice", sh.Index, sh.Count)
			}
			shards[sh.Index] = true
			count, total = sh.Count, sh.Total
		}
		for _, w := range r.Warnings {
			if !slices.Contains(m.Warnings, w) {
				m.Warnings = append(m.Warnings, w)
			}
		}
		for _, f := range r.Results {
			if seen[f.Function] {
				return nil, fmt.Errorf("%s is in more than one report", f.Function)
			}
			seen[f.Function] = true
			m.Results = append(m.Results, f)
		}
	}
	if count != 0 {
		for i := 1; i <= count; i++ {
			if !shards[i] {
				return nil, fmt.Errorf("shard %d/%d is missing: its functions would go unchecked", i, count)
			}
		}
		if len(m.Results) != total {
			return nil, fmt.Errorf("the shards hold %d functions, the run had %d", len(m.Results), total)
		}
	}
	sort.SliceStable(m.Results, func(i, j int) bool { return m.Results[i].Function < m.Results[j].Function })
	settleMerged(m.Results)
	m.Summary = summarize(m.Results)
	m.wall = time.Duration(m.TimeMS) * time.Millisecond
	return m, nil
}

// settleMerged redoes the prover's reliance settlement over the merged
// results: a function whose every obligation is proved is proved when all
// the functions whose contracts its proof used are proved.
func settleMerged(results []funcReport) {
	provedObligations := func(f *funcReport) bool {
		if f.Verdict != ssa.Proved && f.Verdict != ssa.Unknown {
			return false
		}
		for _, o := range f.Obligations {
			if o.Verdict != ssa.Proved {
				return false
			}
		}
		return true
	}
	proved := map[string]bool{}
	for i := range results {
		if provedObligations(&results[i]) {
			proved[results[i].Function] = true
		}
	}
	for changed := true; changed; {
		changed = false
		for i := range results {
			f := &results[i]
			if !proved[f.Function] {
				continue
			}
			for _, callee := range f.Relies {
				if !proved[callee] {
					delete(proved, f.Function)
					changed = true
					break
				}
			}
		}
	}
	for i := range results {
		f := &results[i]
		if !provedObligations(f) {
			continue
		}
		if proved[f.Function] {
			f.Verdict, f.Reason = ssa.Proved, ""
			continue
		}
		for _, callee := range f.Relies {
			if !proved[callee] {
				f.Verdict = ssa.Unknown
				f.Reason = "relies on the contract of " + shortName(callee) + ", which is not proved in this run"
				break
			}
		}
	}
}
