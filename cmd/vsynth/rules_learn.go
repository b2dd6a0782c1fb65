package main

import (
	"context"
	"fmt"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/vsynth/vsynth/smt"
	"github.com/vsynth/vsynth/synth/rules"
)

func rulesLearnCommand() *cli.Command {
	return &cli.Command{
		Name:  "learn",
		Usage: "infer rewrite rules by enumeration, prove them, and (with --apply) append them to a rule file",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "ops", Value: strings.Join(rules.DefaultOps, ","), Usage: "comma-separated operators: + - * / % & | ^ &^ << >> neg com"},
			&cli.IntFlag{Name: "vars", Value: 2, Usage: "number of holes"},
			&cli.IntFlag{Name: "max-size", Value: 5, Usage: "largest term enumerated, in nodes"},
			&cli.DurationFlag{Name: "budget", Value: 10 * time.Minute, Usage: "time limit for the whole run"},
			&cli.StringFlag{Name: "rules", Usage: "rule `FILE` to extend; its rules, with the shipped set, count as known"},
			&cli.BoolFlag{Name: "no-shipped", Usage: "do not count the shipped rule set as known: learn from the --rules file alone"},
			&cli.BoolFlag{Name: "apply", Usage: "append the proved rules to --rules atomically, with provenance"},
			&cli.DurationFlag{Name: "timeout", Value: 2 * time.Second, Usage: "solver time limit per query"},
			&cli.IntFlag{Name: "jobs", Usage: "solvers in parallel (default: all cores)"},
			&cli.IntFlag{Name: "max-rejects", Value: 200, Usage: "circuit breaker: stop after this many rejected proposals in a row"},
			&cli.IntFlag{Name: "max-rules", Value: 5000, Usage: "circuit breaker: stop when the set would pass this many rules"},
		},
		Action: rulesLearn,
	}
}

var knownOps = map[string]bool{"+": true, "-": true, "*": true, "/": true, "%": true, "&": true, "|": true, "^": true, "&^": true, "<<": true, ">>": true, "neg": true, "com": true}

func rulesLearn(c *cli.Context) error {
	bad := func(format string, args ...any) error {
		return &exitError{code: exitBadInput, err: fmt.Errorf("rules learn: "+format, args...)}
	}
	var ops []string
	for _, op := range strings.Split(c.String("ops"), ",") {
		op = strings.TrimSpace(op)
		if !knownOps[op] {
			return bad("unknown operator %q in --ops", op)
		}
		ops = append(ops, op)
	}
	if n := c.Int("vars"); n < 1 || n > 3 {
		return bad("--vars must be 1, 2 or 3")
	}
	if c.Int("max-size") < 1 {
		return bad("--max-size must be positive")
	}
	file := c.String("rules")
	if c.Bool("apply") && file == "" {
		return bad("--apply needs --rules FILE")
	}
	var known []*rules.Rule
	if !c.Bool("no-shipped") {
		shipped, err := rules.Shipped()
		if err != nil {
			return &exitError{code: exitBadInput, err: err}
		}
		known = shipped
	}
	taken := map[string]bool{}
	for _, r := range known {
		taken[r.Name] = true
	}
	if file != "" {
		src, err := os.ReadFile(file)
		if err != nil && !os.IsNotExist(err) {
			return &exitError{code: exitBadInput, err: err}
		}
		rs, err := rules.Parse(file, src)
		if err != nil {
			return &exitError{code: exitBadInput, err: err}
		}
		for _, r := range rs {
			if !taken[r.Name] {
				taken[r.Name] = true
				known = append(known, r)
			}
		}
	}
	out := c.App.Writer
	learned, stats, err := rules.Learn(context.Background(), rules.LearnOptions{
		Ops: ops, Vars: c.Int("vars"), MaxSize: c.Int("max-size"), Budget: c.Duration("budget"),
		Existing: known, MaxRejects: c.Int("max-rejects"), MaxRules: c.Int("max-rules"),
		Limits: smt.Limits{Timeout: c.Duration("timeout")}, Jobs: c.Int("jobs"),
		Progress: func(p *rules.Proposal) {
			fmt.Fprintf(out, "%-8s %s => %s\n", p.Verdict, p.Rule.LHS, p.Rule.RHS)
		},
	})
	if err != nil {
		return &exitError{code: exitBadInput, err: err}
	}
	fmt.Fprintf(out, "vsynth: %d rules learned: %d proposals, %d proved, %d rejected, %d derivable after proof; %d terms, %d classes; %s\n",
		len(learned), stats.Proposals, stats.Proved, stats.Rejected, stats.Derivable, stats.Terms, stats.Classes, stats.Stopped)
	fmt.Fprintf(out, "vsynth: %.1fs in all, %.1fs in the solver (%s)\n", stats.Time.Seconds(), stats.ProofTime.Seconds(), stats.SolverName)
	if !c.Bool("apply") || len(learned) == 0 {
		return nil
	}
	params := fmt.Sprintf("--ops %s --vars %d --max-size %d", strings.Join(ops, ","), c.Int("vars"), c.Int("max-size"))
	date := time.Now().UTC().Format("2006-01-02")
	text := rules.FormatLearned(learned, taken, func(r *rules.Rule) string {
		return fmt.Sprintf("learned %s by vsynth rules learn %s; %s; proof ms %s", date, params, stats.SolverName, proofTimes(r, stats))
	})
	if fi, err := os.Stat(file); err != nil || fi.Size() == 0 {
		text = "// Rules learned by vsynth rules learn --apply, each after its provenance.\n// Do not edit by hand: vsynth rules check re-proves every rule.\n\n" + text
	}
	if err := rules.AppendAtomic(file, text); err != nil {
		return &exitError{code: exitBadInput, err: err}
	}
	fmt.Fprintf(out, "vsynth: appended %d rules to %s\n", len(learned), file)
	return nil
}

// proofTimes lists the proof time of r per type, in milliseconds.
func proofTimes(r *rules.Rule, stats *rules.LearnStats) string {
	res := stats.Results[r]
	if res == nil {
		return "?"
	}
	var parts []string
	for _, tr := range res.Types {
		parts = append(parts, fmt.Sprintf("%s=%.1f", tr.Type.Name, float64(tr.Time.Microseconds())/1000))
	}
	sort.Strings(parts)
	return strings.Join(parts, " ")
}
