package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/vsynth/vsynth/smt"
	"github.com/vsynth/vsynth/ssa"
	"github.com/vsynth/vsynth/synth/rules"
)

func rulesCommand() *cli.Command {
	return &cli.Command{
		Name:  "rules",
		Usage: "check, learn and import rewrite rules",
		Subcommands: []*cli.Command{
			{
				Name:      "check",
				Usage:     "prove every rule at every type it claims (no files: the shipped set)",
				ArgsUsage: "[FILES]",
				Flags: []cli.Flag{
					&cli.StringFlag{Name: "format", Value: "text", Usage: "output format: text or json"},
					&cli.DurationFlag{Name: "timeout", Value: rules.DefaultLimits.Timeout, EnvVars: []string{"VSYNTH_TIMEOUT"}, Usage: "solver time limit per query"},
					&cli.Uint64Flag{Name: "rlimit", EnvVars: []string{"VSYNTH_RLIMIT"}, Usage: "deterministic solver (Z3) resource limit per query: the same verdicts on a busy machine (0: none)"},
					&cli.IntFlag{Name: "jobs", Usage: "solvers in parallel (default: all cores)"},
					&cli.BoolFlag{Name: "v", Usage: "list proved rules too"},
					&cli.BoolFlag{Name: "stats", Usage: "print the time the check took"},
					&cli.StringFlag{Name: "run", Usage: "check only the rules whose name matches `REGEXP`"},
				},
				Action: rulesCheck,
			},
			rulesLearnCommand(),
			rulesImportCommand(),
		},
	}
}

// readRuleFiles parses the named files as one set, or the shipped set.
func readRuleFiles(names []string) ([]*rules.Rule, error) {
	if len(names) == 0 {
		rs, err := rules.Shipped()
		if err != nil {
			return nil, &exitError{code: exitBadInput, err: err}
		}
		return rs, nil
	}
	var files []rules.File
	for _, n := range names {
		src, err := os.ReadFile(n)
		if err != nil {
			return nil, &exitError{code: exitBadInput, err: err}
		}
		files = append(files, rules.File{Name: n, Src: src})
	}
	rs, err := rules.ParseSet(files)
	if err != nil {
		return nil, &exitError{code: exitBadInput, err: err}
	}
	return rs, nil
}

// rulesMatching keeps the rules whose name matches the --run pattern
// (all of them for ""); a pattern that matches none is a usage error, as
// a check of nothing would pass silently.
func rulesMatching(rs []*rules.Rule, pattern string) ([]*rules.Rule, error) {
	if pattern == "" {
		return rs, nil
	}
	re, err := regexp.Compile(pattern)
	if err != nil {
		return nil, &exitError{code: exitBadInput, err: fmt.Errorf("rules check: --run: %w", err)}
	}
	var kept []*rules.Rule
	for _, r := range rs {
		if re.MatchString(r.Name) {
			kept = append(kept, r)
		}
	}
	if len(kept) == 0 {
		return nil, &exitError{code: exitBadInput, err: fmt.Errorf("rules check: --run %q matches none of the %d rules", pattern, len(rs))}
	}
	return kept, nil
}

func rulesCheck(c *cli.Context) error {
	format := c.String("format")
	if format != "text" && format != "json" {
		return &exitError{code: exitBadInput, err: fmt.Errorf("rules check: unknown --format %q (want text or json)", format)}
	}
	rs, err := readRuleFiles(c.Args().Slice())
	if err != nil {
		return err
	}
	if rs, err = rulesMatching(rs, c.String("run")); err != nil {
		return err
	}
	start := time.Now()
	res, err := rules.Check(context.Background(), rs, rules.CheckOptions{
		Limits: smt.Limits{Timeout: c.Duration("timeout"), RLimit: c.Uint64("rlimit")},
		Jobs:   c.Int("jobs"),
	})
	if err != nil {
		return &exitError{code: exitBadInput, err: err}
	}
	out := c.App.Writer
	if format == "json" {
		err = writeRulesJSON(out, res)
	} else {
		err = writeRulesText(out, res, c.Bool("v"))
		if c.Bool("stats") {
			fmt.Fprintf(out, "vsynth: checked %d rules in %.1fs\n", len(res), time.Since(start).Seconds())
		}
	}
	if err != nil {
		return &exitError{code: exitBadInput, err: err}
	}
	return rulesExit(res)
}

// rulesExit: 0 when every rule is proved, 1 when any is refuted, 3 when
// only unknowns remain.
func rulesExit(res []*rules.Result) error {
	code := exitOK
	for _, r := range res {
		switch r.Verdict {
		case rules.Failed:
			return &exitError{code: exitFailed}
		case rules.Unknown:
			code = exitNotProved
		}
	}
	if code != exitOK {
		return &exitError{code: code}
	}
	return nil
}

// describeCex writes a counterexample: the inputs and what each side did.
func describeCex(r *rules.Rule, tr *rules.TypeResult) string {
	var in []string
	for _, b := range tr.Inputs {
		in = append(in, b.Name+" = "+b.Value)
	}
	side := func(e *rules.Expr, o ssa.Outcome) string {
		if o.Panics {
			return e.String() + " panics"
		}
		return e.String() + " is " + o.Value
	}
	return fmt.Sprintf("%s: %s, %s", strings.Join(in, ", "), side(r.LHS, tr.Left), side(r.RHS, tr.Right))
}

func writeRulesText(w io.Writer, res []*rules.Result, verbose bool) error {
	var proved, failed, unknown int
	for _, r := range res {
		switch r.Verdict {
		case rules.Proved:
			proved++
			if verbose {
				fmt.Fprintf(w, "%s: %s: proved (%d types)\n", r.Rule.Position(), r.Rule.Name, len(r.Types))
			}
			continue
		case rules.Failed:
			failed++
		case rules.Unknown:
			unknown++
		}
		if r.Vacuous {
			fmt.Fprintf(w, "%s: %s: failed: vacuous: the condition %s holds at no type\n", r.Rule.Position(), r.Rule.Name, r.Rule.Cond)
			continue
		}
		for _, tr := range r.Types {
			switch tr.Verdict {
			case rules.Failed:
				fmt.Fprintf(w, "%s: %s: failed at %s\n    counterexample: %s\n", r.Rule.Position(), r.Rule.Name, tr.Type.Name, describeCex(r.Rule, tr))
			case rules.Unknown:
				fmt.Fprintf(w, "%s: %s: unknown at %s: %s\n", r.Rule.Position(), r.Rule.Name, tr.Type.Name, tr.Reason)
			}
		}
	}
	fmt.Fprintf(w, "vsynth: %d proved, %d failed, %d unknown (%d rules)\n", proved, failed, unknown, len(res))
	return nil
}

type jsonRuleResult struct {
	Rule           string         `json:"rule"`
	Pos            string         `json:"pos"`
	Verdict        rules.Verdict  `json:"verdict"`
	Type           string         `json:"type"`
	Reason         string         `json:"reason,omitempty"`
	Counterexample orderedStrings `json:"counterexample,omitempty"`
	Left           string         `json:"left,omitempty"`
	Right          string         `json:"right,omitempty"`
	TimeMS         int64          `json:"time_ms"`
}

// writeRulesJSON writes one entry per rule and type.
func writeRulesJSON(w io.Writer, res []*rules.Result) error {
	out := struct {
		Results []jsonRuleResult `json:"results"`
	}{Results: []jsonRuleResult{}}
	outcome := func(o ssa.Outcome) string {
		if o.Panics {
			return "panic"
		}
		return o.Value
	}
	for _, r := range res {
		for _, tr := range r.Types {
			j := jsonRuleResult{Rule: r.Rule.Name, Pos: r.Rule.Position(), Verdict: tr.Verdict, Type: tr.Type.Name, Reason: tr.Reason, TimeMS: tr.Time.Milliseconds()}
			if r.Vacuous {
				j.Verdict, j.Reason = rules.Failed, "vacuous: the condition holds at no type"
			}
			if tr.Verdict == rules.Failed {
				j.Counterexample, j.Left, j.Right = orderedStrings(tr.Inputs), outcome(tr.Left), outcome(tr.Right)
			}
			out.Results = append(out.Results, j)
		}
	}
	b, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}
