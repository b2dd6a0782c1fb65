package main

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/vsynth/vsynth/smt"
	"github.com/vsynth/vsynth/smt/cvc5"
	"github.com/vsynth/vsynth/ssa"
)

func proveCommand() *cli.Command {
	flags := []cli.Flag{
		&cli.StringFlag{Name: "format", Value: "text", Usage: "output format: text, json, sarif, junit or github"},
		&cli.DurationFlag{Name: "timeout", Value: 10 * time.Second, EnvVars: []string{"VSYNTH_TIMEOUT"}, Usage: "solver time limit per obligation"},
		&cli.Uint64Flag{Name: "rlimit", EnvVars: []string{"VSYNTH_RLIMIT"}, Usage: "deterministic solver (Z3) resource limit per obligation: the same verdicts on a busy machine (0: none)"},
		&cli.IntFlag{Name: "unroll", Value: ssa.DefaultUnroll, Usage: "iterations to unroll a loop without invariants; a loop that may run longer is unknown"},
		&cli.IntFlag{Name: "max-terms", Value: ssa.DefaultMaxTerms, Usage: "terms the lowering of one function, and the reduction of each of its obligations, may create; past that the function is unknown"},
		&cli.DurationFlag{Name: "total-timeout", Usage: "time limit for proving all the functions, after loading; what is not decided by then is unknown (0: none)"},
		&cli.StringFlag{Name: "run", Usage: "prove only functions whose name matches `REGEXP`"},
		&cli.BoolFlag{Name: "v", Usage: "list every function and obligation"},
		&cli.BoolFlag{Name: "stats", Usage: "print a time breakdown"},
		&cli.StringFlag{Name: "emit-smt", Usage: "write each obligation as a stand-alone SMT-LIB2 file into `DIR`"},
		&cli.BoolFlag{Name: "emit-tests", Usage: "write a FILE_vsynth_test.go reproducing each counterexample next to the refuted function's FILE.go"},
		&cli.IntFlag{Name: "jobs", Usage: "functions proved in parallel (default: all cores)"},
		&cli.StringFlag{Name: "shard", Usage: "prove only share `I/N` of the functions (1 <= I <= N); combine the JSON reports with vsynth merge"},
		&cli.BoolFlag{Name: "overflow", Usage: "check every integer +, -, *, /, <<, unary - and conversion of the proved functions (and of the functions they inline) for overflow: an overflow obligation where Go would wrap (//vsynth:nooverflow does it for one function)"},
		&cli.BoolFlag{Name: "cross-check", Usage: "re-prove every proved obligation with cvc5; a disagreement is an error"},
		&cli.StringFlag{Name: "cache", Usage: "proof cache `DIR` (default: the user cache directory's vsynth)"},
		&cli.BoolFlag{Name: "no-cache", Usage: "neither read nor write the proof cache"},
		&cli.BoolFlag{Name: "confirm", Value: true, Usage: "run the compiled function on every counterexample before reporting it failed; one Go does not reproduce is unknown (--confirm=false: failed verdicts are marked unconfirmed)"},
		&cli.DurationFlag{Name: "confirm-timeout", Value: ssa.DefaultConfirmTimeout, Usage: "time limit of one counterexample's replay"},
		&cli.StringFlag{Name: "confirm-memory", Value: "2GiB", Usage: "address-space limit of one counterexample's replay (Linux), e.g. 512MiB, 8GiB"},
	}
	return &cli.Command{
		Name:      "prove",
		Usage:     "prove functions meet their specs",
		ArgsUsage: "[packages or .vspec files] (default ./...)",
		Flags:     append(flags, reportFlags()...),
		Action:    prove,
	}
}

func prove(c *cli.Context) error {
	out, err := newOutputs(c)
	if err != nil {
		return err
	}
	var run *regexp.Regexp
	if s := c.String("run"); s != "" {
		re, err := regexp.Compile(s)
		if err != nil {
			return &exitError{code: exitBadInput, err: fmt.Errorf("prove: --run: %w", err)}
		}
		run = re
	}
	var shard *shardInfo
	if s := c.String("shard"); s != "" {
		if shard, err = parseShard(s); err != nil {
			return &exitError{code: exitBadInput, err: fmt.Errorf("prove: --shard: %w", err)}
		}
	}
	confirmMemory, err := parseByteSize(c.String("confirm-memory"))
	if err != nil {
		return &exitError{code: exitBadInput, err: fmt.Errorf("prove: --confirm-memory: %w", err)}
	}
	cache, err := openCache(c)
	if err != nil {
		return &exitError{code: exitBadInput, err: err}
	}
	start := time.Now()
	prog, err := ssa.Load(ssa.LoadConfig{}, c.Args().Slice())
	if err != nil {
		return &exitError{code: exitBadInput, err: relErrors(err)}
	}
	prog.Overflow = c.Bool("overflow")
	var targets []*ssa.Target
	for _, t := range prog.Targets {
		if run == nil || run.MatchString(t.Name) || run.MatchString(t.Short) {
			targets = append(targets, t)
		}
	}
	if shard != nil {
		shard.Total = len(targets)
		targets = shardTargets(targets, shard)
	}
	opts := ssa.Options{
		Limits:       smt.Limits{Timeout: c.Duration("timeout"), RLimit: c.Uint64("rlimit")},
		Unroll:       c.Int("unroll"),
		MaxTerms:     c.Int("max-terms"),
		Jobs:         c.Int("jobs"),
		NewSolver:    newZ3Solver,
		EmitSMT:      c.String("emit-smt"),
		CheckVacuity: true,
	}
	if cache != nil {
		opts.Cache = cache
	}
	if c.Bool("cross-check") {
		name, err := cvc5.Version()
		if err != nil {
			return &exitError{code: exitBadInput, err: fmt.Errorf("prove: --cross-check needs cvc5 (apt-get install cvc5): %w", err)}
		}
		opts.CrossCheck, opts.CrossCheckName = crossCheckCVC5, name
	}
	ctx := context.Background()
	if d := c.Duration("total-timeout"); d > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, d)
		defer cancel()
	}
	progress := newProgress(c.App.ErrWriter, len(targets), out.format == "text")
	opts.Progress = progress.update
	results, err := prog.Prove(ctx, targets, opts)
	progress.finish()
	// A side output that failed (--emit-smt, --emit-tests) does not lose
	// the report: it is written first, and the failure exits 2 after it.
	var sideErr error
	if side := (*ssa.SideOutputError)(nil); errors.As(err, &side) {
		sideErr, err = side, nil
	}
	if err != nil {
		return &exitError{code: exitBadInput, err: err}
	}
	if ctx.Err() != nil {
		markTotalTimeout(results)
	}
	var confirmStats *ssa.ConfirmStats
	if c.Bool("confirm") {
		// Not under --total-timeout: a counterexample found in time is
		// confirmed or made unknown, never dropped.
		confirmStats, err = prog.Confirm(context.Background(), results, ssa.ConfirmOptions{
			Timeout: c.Duration("confirm-timeout"), Memory: confirmMemory, Jobs: c.Int("jobs"),
		})
		if err != nil {
			return &exitError{code: exitBadInput, err: err}
		}
		for _, e := range confirmStats.ToolErrors {
			fmt.Fprintf(c.App.ErrWriter, "vsynth: warning: confirming counterexamples: %s\n", relText(e))
		}
	}
	if c.Bool("emit-tests") {
		if err := emitTests(c.App.ErrWriter, prog, results); err != nil {
			sideErr = errors.Join(sideErr, err)
		}
	}
	rep := &report{prog: prog, results: results, stats: c.Bool("stats"), total: time.Since(start), confirm: confirmStats}
	m := rep.model()
	m.Shard = shard
	if err := out.write(c, m); err != nil {
		if sideErr != nil {
			fmt.Fprintln(c.App.ErrWriter, "vsynth:", sideErr)
		}
		return err
	}
	if sideErr != nil {
		return &exitError{code: exitBadInput, err: sideErr}
	}
	return m.exitStatus(out.strict)
}

// markTotalTimeout says why obligations interrupted by --total-timeout are
// unknown.
func markTotalTimeout(results []*ssa.FuncResult) {
	for _, r := range results {
		for _, o := range r.Obligations {
			if o.Verdict == ssa.Unknown && o.Reason == "canceled" {
				o.Reason = "canceled: --total-timeout reached"
			}
		}
		if r.Verdict == ssa.Unknown && r.Reason == "canceled" {
			r.Reason = "canceled: --total-timeout reached"
		}
	}
}

// crossCheckCVC5 decides a query with cvc5.
func crossCheckCVC5(ctx context.Context, query *smt.Term, lim smt.Limits) (smt.Result, string, error) {
	return cvc5.Check(ctx, []*smt.Term{query}, lim)
}

// exitStatus maps the verdicts to the exit status: 1 when something is
// refuted (or, with strict, proved only vacuously), else 3 when something
// is not proved, else 0.
func (m *reportModel) exitStatus(strict bool) error {
	code := exitOK
	for _, r := range m.Results {
		switch {
		case r.Verdict == ssa.Failed, strict && r.Vacuous:
			return &exitError{code: exitFailed}
		case r.Verdict == ssa.Unknown, r.Verdict == ssa.Unsupported:
			code = exitNotProved
		}
	}
	if code != exitOK {
		return &exitError{code: code}
	}
	return nil
}

// parseByteSize reads a size such as 512MiB, 2GiB or 1073741824.
func parseByteSize(s string) (uint64, error) {
	units := []struct {
		suffix string
		mult   uint64
	}{{"GiB", 1 << 30}, {"MiB", 1 << 20}, {"KiB", 1 << 10}, {"B", 1}, {"", 1}}
	for _, u := range units {
		num, ok := strings.CutSuffix(s, u.suffix)
		if !ok {
			continue
		}
		n, err := strconv.ParseUint(strings.TrimSpace(num), 10, 64)
		if err != nil || n == 0 || n > (1<<63)/u.mult {
			return 0, fmt.Errorf("bad size %q (want e.g. 512MiB or 2GiB)", s)
		}
		return n * u.mult, nil
	}
	return 0, fmt.Errorf("bad size %q", s)
}
