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
	"github.com/vsynth/vsynth/smt/z3proc"
	"github.com/vsynth/vsynth/ssa"
)

// The default budget of one obligation is deterministic: Z3's resource
// limit, about 10 seconds of a core (Z3 4.8.12 counted about 3 million
// units per second of CPU here, on a hard bit-vector query), gives the
// same verdicts on a busy CI runner as on a laptop. The time limit is only
// a safety net, for a runner that gives the check less than a tenth of a
// core (docs/ci.md, "A deterministic budget").
const (
	defaultRLimit  = 30_000_000
	defaultTimeout = 120 * time.Second
)

func proveCommand() *cli.Command {
	flags := []cli.Flag{
		&cli.StringFlag{Name: "format", Value: "text", Usage: "output format: text, json, sarif, junit or github"},
		&cli.DurationFlag{Name: "timeout", Value: defaultTimeout, EnvVars: []string{"VSYNTH_TIMEOUT"}, Usage: "solver time limit per obligation: a safety net behind --rlimit"},
		&cli.Uint64Flag{Name: "rlimit", Value: defaultRLimit, EnvVars: []string{"VSYNTH_RLIMIT"}, Usage: "deterministic solver (Z3) resource limit per obligation: the same verdicts on a busy machine (0 turns it off)"},
		&cli.IntFlag{Name: "unroll", Value: ssa.DefaultUnroll, Usage: "iterations to unroll a loop without invariants; a loop that may run longer is unknown"},
		&cli.BoolFlag{Name: "infer", Value: true, Usage: "infer invariants for loops without //vsynth:invariant before unrolling them (--infer=false: unroll only)"},
		&cli.BoolFlag{Name: "write-invariants", Usage: "add the inferred invariants of proved functions to the source as //vsynth:invariant lines above their loops"},
		&cli.IntFlag{Name: "max-terms", Value: ssa.DefaultMaxTerms, Usage: "terms the lowering of one function, and the reduction of each of its obligations, may create; past that the function is unknown"},
		&cli.DurationFlag{Name: "total-timeout", Usage: "time limit for proving all the functions, after loading; what is not decided by then is unknown (0: none)"},
		&cli.StringFlag{Name: "run", Usage: "prove only functions whose name matches `REGEXP`"},
		&cli.StringFlag{Name: "tags", Usage: "comma-separated build `TAGS`, as go build -tags (the replays of counterexamples are built with them too)"},
		&cli.BoolFlag{Name: "test", Value: true, Usage: "check the contracts of _test.go files too, as go vet does (--test=false: only the packages' own files)"},
		&cli.StringSliceFlag{Name: "exclude", Usage: "skip functions whose name matches `REGEXP` (repeatable)"},
		&cli.BoolFlag{Name: "v", Usage: "list every function and obligation"},
		&cli.BoolFlag{Name: "stats", Usage: "print a time breakdown"},
		&cli.StringFlag{Name: "emit-smt", Usage: "write each obligation as a stand-alone SMT-LIB2 file into `DIR`"},
		&cli.BoolFlag{Name: "emit-tests", Usage: "write a FILE_vsynth_test.go reproducing each counterexample next to the refuted function's FILE.go"},
		&cli.IntFlag{Name: "jobs", Usage: "functions proved in parallel (default: all cores)"},
		&cli.StringFlag{Name: "shard", Usage: "prove only share `I/N` of the functions (1 <= I <= N); combine the JSON reports with vsynth merge"},
		&cli.StringFlag{Name: "solver", Value: "z3", Usage: "the solver: " + solverNames},
		&cli.StringFlag{Name: "z3", EnvVars: []string{"VSYNTH_Z3"}, Value: "z3", Usage: "the z3 `EXECUTABLE` of --solver z3-process (and of a build without cgo)"},
		&cli.BoolFlag{Name: "overflow", Usage: "check every integer +, -, *, /, <<, unary - and conversion of the proved functions (and of the functions they inline) for overflow: an overflow obligation where Go would wrap (//vsynth:nooverflow does it for one function)"},
		&cli.BoolFlag{Name: "cross-check", Usage: "re-prove every proved obligation with cvc5; a disagreement is an error"},
		&cli.StringFlag{Name: "cache", Usage: "proof cache `DIR` (default: the user cache directory's vsynth)"},
		&cli.BoolFlag{Name: "no-cache", Usage: "neither read nor write the proof cache"},
		&cli.StringFlag{Name: "cache-max-size", Value: defaultCacheMaxSize, Usage: "after the run, trim the proof cache to this `SIZE` (e.g. 256MiB, 1GiB; 0: no bound), least recently used entries first"},
		&cli.DurationFlag{Name: "cache-max-age", Value: defaultCacheMaxAge, Usage: "after the run, remove proof cache entries not used for this long (0: no bound)"},
		&cli.BoolFlag{Name: "confirm", Value: true, Usage: "run the compiled function on every counterexample before reporting it failed; one Go does not reproduce is unknown (--confirm=false: failed verdicts are marked unconfirmed)"},
		&cli.DurationFlag{Name: "confirm-timeout", Value: ssa.DefaultConfirmTimeout, Usage: "time limit of one counterexample's replay"},
		&cli.StringFlag{Name: "confirm-memory", Value: "2GiB", Usage: "address-space limit of one counterexample's replay (Linux), e.g. 512MiB, 8GiB"},
	}
	return &cli.Command{
		Name:      "prove",
		Usage:     "prove functions meet their specs",
		ArgsUsage: "[packages or .vspec files] (default ./...)",
		Flags:     append(append(flags, reportFlags()...), gateFlags()...),
		Action:    prove,
	}
}

func prove(c *cli.Context) error {
	_, cfgErr := applyConfig(c)
	out, err := newOutputs(c)
	if err != nil {
		return err
	}
	out.solver = solverFromFlags(c)
	if cfgErr != nil {
		return out.always(c, &exitError{code: exitBadInput, err: fmt.Errorf("prove: %w", cfgErr)})
	}
	return out.always(c, proveRun(c, out))
}

// proveRun proves, reports and returns the exit status as an error.
func proveRun(c *cli.Context, out *outputs) error {
	if _, err := newGate(c); err != nil {
		return &exitError{code: exitBadInput, err: err}
	}
	var run *regexp.Regexp
	if s := c.String("run"); s != "" {
		re, err := regexp.Compile(s)
		if err != nil {
			return &exitError{code: exitBadInput, err: fmt.Errorf("prove: --run: %w", err)}
		}
		run = re
	}
	var exclude []*regexp.Regexp
	for _, s := range c.StringSlice("exclude") {
		re, err := regexp.Compile(s)
		if err != nil {
			return &exitError{code: exitBadInput, err: fmt.Errorf("prove: --exclude: %w", err)}
		}
		exclude = append(exclude, re)
	}
	var shard *shardInfo
	if s := c.String("shard"); s != "" {
		var err error
		if shard, err = parseShard(s); err != nil {
			return &exitError{code: exitBadInput, err: fmt.Errorf("prove: --shard: %w", err)}
		}
	}
	confirmMemory, err := parseByteSize(c.String("confirm-memory"))
	if err != nil {
		return &exitError{code: exitBadInput, err: fmt.Errorf("prove: --confirm-memory: %w", err)}
	}
	z3proc.Command = c.String("z3")
	newSolver, err := solverFor(c.String("solver"))
	if err != nil {
		return &exitError{code: exitBadInput, err: fmt.Errorf("prove: %w", err)}
	}
	cache, err := openCache(c)
	if err != nil {
		return &exitError{code: exitBadInput, err: err}
	}
	if cache != nil {
		maxSize, err := parseCacheSize(c.String("cache-max-size"))
		if err != nil {
			return &exitError{code: exitBadInput, err: fmt.Errorf("prove: --cache-max-size: %w", err)}
		}
		defer trimCache(c, cache, maxSize, c.Duration("cache-max-age"))
	}
	start := time.Now()
	prog, err := ssa.Load(ssa.LoadConfig{Tags: splitTags(c.String("tags")), Tests: c.Bool("test")}, c.Args().Slice())
	if err != nil {
		return &exitError{code: exitBadInput, err: relErrors(err)}
	}
	suppressed, err := suppressions(prog)
	if err != nil {
		return &exitError{code: exitBadInput, err: err}
	}
	for _, w := range prog.Warnings {
		pos := w.Pos
		pos.Filename = relFile(pos.Filename)
		fmt.Fprintf(c.App.ErrWriter, "vsynth: warning: %s: %s\n", pos, w.Msg)
	}
	prog.Overflow = c.Bool("overflow")
	var targets []*ssa.Target
	for _, t := range prog.Targets {
		if (run == nil || run.MatchString(t.Name) || run.MatchString(t.Short)) && !excluded(exclude, t) {
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
		NewSolver:    newSolver,
		EmitSMT:      c.String("emit-smt"),
		CheckVacuity: true,
		Infer:        c.Bool("infer"),
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
		out.solver.CrossCheck = name
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
	if c.Bool("write-invariants") {
		if err := writeInvariants(c.App.ErrWriter, prog, results); err != nil {
			sideErr = errors.Join(sideErr, err)
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
	for i := range m.Results {
		m.Results[i].Suppressed = suppressed[m.Results[i].Function]
	}
	if sideErr != nil {
		m.Error = relText(sideErr.Error())
	}
	g, err := out.gateFor(c, m)
	if err != nil {
		return err
	}
	if err := out.write(c, m); err != nil {
		if sideErr != nil {
			fmt.Fprintln(c.App.ErrWriter, "vsynth:", sideErr)
		}
		return err
	}
	if sideErr != nil {
		return &exitError{code: exitBadInput, err: sideErr}
	}
	return g.status(m, out.strict)
}

// excluded reports whether an --exclude pattern matches t's name.
func excluded(patterns []*regexp.Regexp, t *ssa.Target) bool {
	for _, re := range patterns {
		if re.MatchString(t.Name) || re.MatchString(t.Short) {
			return true
		}
	}
	return false
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

// splitTags splits a -tags value: comma-separated (the go command's
// form), or space-separated (its old form).
func splitTags(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' })
}
