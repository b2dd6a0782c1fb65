package main

import (
	"context"
	"fmt"
	"regexp"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/vsynth/vsynth/smt"
	"github.com/vsynth/vsynth/smt/cvc5"
	"github.com/vsynth/vsynth/smt/z3"
	"github.com/vsynth/vsynth/ssa"
)

func proveCommand() *cli.Command {
	return &cli.Command{
		Name:      "prove",
		Usage:     "prove functions meet their specs",
		ArgsUsage: "[packages or .vspec files] (default ./...)",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Value: "text", Usage: "output format: text or json"},
			&cli.DurationFlag{Name: "timeout", Value: 10 * time.Second, Usage: "solver time limit per obligation"},
			&cli.Uint64Flag{Name: "rlimit", Usage: "deterministic solver resource limit per obligation (0: none)"},
			&cli.IntFlag{Name: "unroll", Value: ssa.DefaultUnroll, Usage: "iterations to unroll a loop without invariants; a loop that may run longer is unknown"},
			&cli.StringFlag{Name: "run", Usage: "prove only functions whose name matches `REGEXP`"},
			&cli.BoolFlag{Name: "v", Usage: "list every function and obligation"},
			&cli.BoolFlag{Name: "stats", Usage: "print a time breakdown"},
			&cli.StringFlag{Name: "emit-smt", Usage: "write each obligation as a stand-alone SMT-LIB2 file into `DIR`"},
			&cli.IntFlag{Name: "jobs", Usage: "functions proved in parallel (default: all cores)"},
			&cli.BoolFlag{Name: "cross-check", Usage: "re-prove every proved obligation with cvc5; a disagreement is an error"},
		},
		Action: prove,
	}
}

func prove(c *cli.Context) error {
	format := c.String("format")
	if format != "text" && format != "json" {
		return &exitError{code: exitBadInput, err: fmt.Errorf("prove: unknown --format %q (want text or json)", format)}
	}
	var run *regexp.Regexp
	if s := c.String("run"); s != "" {
		re, err := regexp.Compile(s)
		if err != nil {
			return &exitError{code: exitBadInput, err: fmt.Errorf("prove: --run: %w", err)}
		}
		run = re
	}
	start := time.Now()
	prog, err := ssa.Load(ssa.LoadConfig{}, c.Args().Slice())
	if err != nil {
		return &exitError{code: exitBadInput, err: relErrors(err)}
	}
	var targets []*ssa.Target
	for _, t := range prog.Targets {
		if run == nil || run.MatchString(t.Name) || run.MatchString(t.Short) {
			targets = append(targets, t)
		}
	}
	opts := ssa.Options{
		Limits:    smt.Limits{Timeout: c.Duration("timeout"), RLimit: c.Uint64("rlimit")},
		Unroll:    c.Int("unroll"),
		Jobs:      c.Int("jobs"),
		NewSolver: newZ3Solver,
		EmitSMT:   c.String("emit-smt"),
	}
	if c.Bool("cross-check") {
		name, err := cvc5.Version()
		if err != nil {
			return &exitError{code: exitBadInput, err: fmt.Errorf("prove: --cross-check needs cvc5 (apt-get install cvc5): %w", err)}
		}
		opts.CrossCheck, opts.CrossCheckName = crossCheckCVC5, name
	}
	results, err := prog.Prove(context.Background(), targets, opts)
	if err != nil {
		return &exitError{code: exitBadInput, err: err}
	}
	rep := &report{prog: prog, results: results, verbose: c.Bool("v"), stats: c.Bool("stats"), total: time.Since(start)}
	out := c.App.Writer
	if format == "json" {
		err = rep.writeJSON(out)
	} else {
		err = rep.writeText(out)
	}
	if err != nil {
		return &exitError{code: exitBadInput, err: err}
	}
	return exitStatus(results)
}

// crossCheckCVC5 decides a query with cvc5.
func crossCheckCVC5(ctx context.Context, query *smt.Term, lim smt.Limits) (smt.Result, string, error) {
	return cvc5.Check(ctx, []*smt.Term{query}, lim)
}

// newZ3Solver starts a Z3 solver on a context of its own.
func newZ3Solver() (smt.Solver, error) {
	ctx, err := z3.NewContext()
	if err != nil {
		return nil, err
	}
	s, err := ctx.NewBitVecSolver()
	if err != nil {
		ctx.Close()
		return nil, err
	}
	return &ownedSolver{Solver: s, ctx: ctx}, nil
}

// ownedSolver closes its context with the solver.
type ownedSolver struct {
	*z3.Solver
	ctx *z3.Context
}

func (s *ownedSolver) Close() error {
	err := s.Solver.Close()
	if cerr := s.ctx.Close(); err == nil {
		err = cerr
	}
	return err
}

// exitStatus maps verdicts to the exit status.
func exitStatus(results []*ssa.FuncResult) error {
	code := exitOK
	for _, r := range results {
		switch r.Verdict {
		case ssa.Failed:
			return &exitError{code: exitFailed}
		case ssa.Unknown, ssa.Unsupported:
			code = exitNotProved
		}
	}
	if code != exitOK {
		return &exitError{code: code}
	}
	return nil
}
