package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/vsynth/vsynth/smt"
	"github.com/vsynth/vsynth/synth"
	"github.com/vsynth/vsynth/synth/benchplot"
	"github.com/vsynth/vsynth/synth/experience"
	"github.com/vsynth/vsynth/synth/sygus"
)

func benchCommand() *cli.Command {
	cmd := &cli.Command{
		Name:      "bench",
		Usage:     "run vsynth synth (and cvc5, when installed) on every SyGuS file and compare",
		ArgsUsage: "DIRS or .sl FILES (none with --from)",
		Flags: []cli.Flag{
			&cli.DurationFlag{Name: "timeout", Value: 30 * time.Second, Usage: "time limit per benchmark and solver"},
			&cli.StringFlag{Name: "csv", Usage: "write the CSV to `FILE` (default: standard output, summary on standard error)"},
			&cli.BoolFlag{Name: "no-cvc5", Usage: "do not run cvc5 even when it is installed"},
			&cli.BoolFlag{Name: "no-cvc5-si", Usage: "run cvc5's default configuration only, not --sygus-si=all"},
			&cli.DurationFlag{Name: "improve", Value: time.Second, Usage: "as for synth"},
			&cli.IntFlag{Name: "max-size", Value: 40, Usage: "as for synth"},
			rulesFlag(),
			&cli.StringFlag{Name: "plot", Usage: "write a cactus plot of the run (files solved against time, a line per solver) to `FILE`.svg"},
			&cli.StringFlag{Name: "scatter", Usage: "write a scatter plot of vsynth's time against --against's per file (log axes) to `FILE`.svg"},
			&cli.StringFlag{Name: "against", Value: "cvc5", Usage: "the solver on the x axis of --scatter (a solver of the run, e.g. cvc5-si)"},
			&cli.StringFlag{Name: "from", Usage: "draw --plot and --scatter from the CSV `FILE` of an earlier run instead of running"},
		},
		Action: benchAction,
	}
	cmd.Flags = append(cmd.Flags, experienceFlags()...)
	return cmd
}

// benchRun is one solver's outcome on one file.
type benchRun struct {
	status     string // solved, infeasible, unsolved, unknown, unsat, timeout, unsupported, error
	seconds    float64
	size       int
	candidates int64
	pruned     int64 // terms skipped by rule pruning
}

// cvc5Configs are the cvc5 configurations compared: its default and the
// single-invocation mode the SyGuS competition used.
var cvc5Configs = []struct {
	name string
	args []string
}{
	{"cvc5", []string{"--lang=sygus2"}},
	{"cvc5-si", []string{"--lang=sygus2", "--sygus-si=all"}},
}

func benchAction(c *cli.Context) error {
	if c.String("from") != "" {
		return benchPlotFrom(c)
	}
	if c.NArg() == 0 {
		return &exitError{code: exitBadInput, err: errors.New("bench: name directories or .sl files")}
	}
	var files []string
	for _, a := range c.Args().Slice() {
		if strings.HasSuffix(a, ".sl") {
			files = append(files, a)
			continue
		}
		err := filepath.WalkDir(a, func(path string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(path, ".sl") {
				files = append(files, path)
			}
			return err
		})
		if err != nil {
			return &exitError{code: exitBadInput, err: fmt.Errorf("bench: %w", err)}
		}
	}
	sort.Strings(files)
	strategy, err := enumStrategy(c)
	if err != nil {
		return &exitError{code: exitBadInput, err: fmt.Errorf("bench: %w", err)}
	}
	store, err := experienceStore(c)
	if err != nil {
		return &exitError{code: exitBadInput, err: fmt.Errorf("bench: %w", err)}
	}
	opts := benchOptions{hideReference: c.Bool("hide-reference"), rec: &recorder{store: store, warn: c.App.ErrWriter}}
	timeout := c.Duration("timeout")
	cvc5 := ""
	if !c.Bool("no-cvc5") {
		if p, err := exec.LookPath("cvc5"); err == nil {
			cvc5 = p
		}
	}
	var csvOut io.Writer = c.App.Writer
	summaryOut := c.App.ErrWriter
	if name := c.String("csv"); name != "" {
		f, err := os.Create(name)
		if err != nil {
			return &exitError{code: exitBadInput, err: fmt.Errorf("bench: %w", err)}
		}
		defer f.Close()
		csvOut, summaryOut = f, c.App.Writer
	}
	configs := cvc5Configs
	if c.Bool("no-cvc5-si") {
		configs = configs[:1]
	}
	table := &benchplot.Table{Solvers: []string{"vsynth"}, Timeout: timeout.Seconds()}
	if cvc5 != "" {
		for _, cfg := range configs {
			table.Solvers = append(table.Solvers, cfg.name)
		}
	}
	if c.String("scatter") != "" && !slices.Contains(table.Solvers[1:], c.String("against")) {
		return &exitError{code: exitBadInput, err: fmt.Errorf("bench: --scatter against %s, which this run does not have (it runs %s)", c.String("against"), strings.Join(table.Solvers, ", "))}
	}
	w := csv.NewWriter(csvOut)
	header := []string{"file", "status", "seconds", "size", "candidates", "pruned"}
	if cvc5 != "" {
		for _, cfg := range configs {
			header = append(header, cfg.name+"_status", cfg.name+"_seconds", cfg.name+"_size")
		}
	}
	w.Write(header)
	budget := synth.Budget{Timeout: timeout, MaxSize: c.Int("max-size"), MaxTerms: 20_000_000, Improve: c.Duration("improve")}
	prover := &synth.Prover{Limits: smt.Limits{Timeout: 10 * time.Second}}
	runs := map[string][]benchRun{}
	for _, f := range files {
		ours := benchOurs(f, strategy, prover, budget, opts)
		runs["vsynth"] = append(runs["vsynth"], ours)
		outcomes := []benchplot.Outcome{{Status: ours.status, Seconds: ours.seconds}}
		row := []string{f, ours.status, fmt.Sprintf("%.3f", ours.seconds), sizeField(ours), strconv.FormatInt(ours.candidates, 10), strconv.FormatInt(ours.pruned, 10)}
		if cvc5 != "" {
			for _, cfg := range configs {
				r := benchCVC5(cvc5, cfg.args, f, timeout)
				runs[cfg.name] = append(runs[cfg.name], r)
				outcomes = append(outcomes, benchplot.Outcome{Status: r.status, Seconds: r.seconds})
				row = append(row, r.status, fmt.Sprintf("%.3f", r.seconds), sizeField(r))
			}
		}
		w.Write(row)
		w.Flush()
		if err := table.Add(f, outcomes); err != nil {
			return &exitError{code: exitBadInput, err: fmt.Errorf("bench: %w", err)}
		}
	}
	w.Flush()
	names := []string{"vsynth"}
	if cvc5 != "" {
		for _, cfg := range configs {
			names = append(names, cfg.name)
		}
	} else {
		fmt.Fprintln(summaryOut, "cvc5 not found: only vsynth was run")
	}
	fmt.Fprintf(summaryOut, "%d files, timeout %v\n", len(files), timeout)
	for _, n := range names {
		fmt.Fprintln(summaryOut, summarizeBench(n, runs[n]))
	}
	if err := w.Error(); err != nil {
		return err
	}
	return writePlots(c, table)
}

// benchPlotFrom draws the plots of an earlier run's CSV (--from).
func benchPlotFrom(c *cli.Context) error {
	if c.NArg() > 0 {
		return &exitError{code: exitBadInput, err: errors.New("bench: --from draws an earlier run: name no files to run")}
	}
	if c.String("plot") == "" && c.String("scatter") == "" {
		return &exitError{code: exitBadInput, err: errors.New("bench: --from needs --plot or --scatter")}
	}
	f, err := os.Open(c.String("from"))
	if err != nil {
		return &exitError{code: exitBadInput, err: fmt.Errorf("bench: %w", err)}
	}
	defer f.Close()
	table, err := benchplot.ReadCSV(f)
	if err != nil {
		return &exitError{code: exitBadInput, err: fmt.Errorf("bench: %s: %w", c.String("from"), err)}
	}
	if c.IsSet("timeout") {
		table.Timeout = c.Duration("timeout").Seconds()
	}
	return writePlots(c, table)
}

// writePlots writes the SVG files --plot and --scatter name.
func writePlots(c *cli.Context, table *benchplot.Table) error {
	if name := c.String("plot"); name != "" {
		err := writeFile(name, func(w io.Writer) error {
			return benchplot.WriteCactus(w, table.Cactus(), table.Limit())
		})
		if err != nil {
			return &exitError{code: exitBadInput, err: fmt.Errorf("bench: --plot: %w", err)}
		}
	}
	if name := c.String("scatter"); name != "" {
		points, err := table.Scatter(c.String("against"), "vsynth")
		if err == nil {
			err = writeFile(name, func(w io.Writer) error {
				return benchplot.WriteScatter(w, points, c.String("against"), "vsynth", table.Limit())
			})
		}
		if err != nil {
			return &exitError{code: exitBadInput, err: fmt.Errorf("bench: --scatter: %w", err)}
		}
	}
	return nil
}

// writeFile creates name and writes it with write, reporting the first
// error of either and of closing it.
func writeFile(name string, write func(io.Writer) error) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	err = write(f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

func sizeField(r benchRun) string {
	if r.status != "solved" {
		return ""
	}
	return strconv.Itoa(r.size)
}

// summarizeBench counts outcomes and the median time (unsolved runs count at
// their time, so the median is over all files).
func summarizeBench(name string, runs []benchRun) string {
	counts := map[string]int{}
	var times []float64
	var total float64
	var cands int64
	for _, r := range runs {
		counts[r.status]++
		times = append(times, r.seconds)
		total += r.seconds
		cands += r.candidates
	}
	sort.Float64s(times)
	median := 0.0
	if n := len(times); n > 0 {
		median = times[n/2]
		if n%2 == 0 {
			median = (times[n/2-1] + times[n/2]) / 2
		}
	}
	var parts []string
	for _, s := range []string{"solved", "infeasible", "unsolved", "unknown", "unsat", "timeout", "unsupported", "error"} {
		if counts[s] > 0 {
			parts = append(parts, fmt.Sprintf("%s %d", s, counts[s]))
		}
	}
	line := fmt.Sprintf("%-8s %s; median %.3fs, total %.1fs", name, strings.Join(parts, ", "), median, total)
	if name == "vsynth" && total > 0 {
		line += fmt.Sprintf(", %.0f candidates/s", float64(cands)/total)
	}
	return line
}

// benchOptions are how bench runs vsynth on a file besides the
// strategy: whether the reference is hidden, and where answers are
// recorded.
type benchOptions struct {
	hideReference bool
	rec           *recorder
}

// benchOurs solves one file in process.
func benchOurs(file string, strategy synth.Strategy, prover *synth.Prover, budget synth.Budget, opts benchOptions) benchRun {
	start := time.Now()
	src, err := os.ReadFile(file)
	if err != nil {
		return benchRun{status: "error"}
	}
	p, err := sygus.Parse(file, src)
	if err != nil {
		var u *sygus.UnsupportedError
		if errors.As(err, &u) {
			return benchRun{status: "unsupported", seconds: time.Since(start).Seconds()}
		}
		return benchRun{status: "error", seconds: time.Since(start).Seconds()}
	}
	sp := p.Synth(prover)
	if opts.hideReference {
		sp.Reference = nil
	}
	timer := experience.TimeProofs(sp)
	res, err := strategy.Solve(context.Background(), sp, budget)
	if err != nil {
		return benchRun{status: "error", seconds: time.Since(start).Seconds()}
	}
	r := benchRun{status: string(res.Verdict), seconds: time.Since(start).Seconds(), candidates: res.Candidates, pruned: res.Pruned}
	if res.Verdict == synth.Solved {
		r.size = p.AnswerSize(res.Term) // several synth-funs: their bodies, not the selection among them
		opts.rec.record(answerRecord(sp, res, timer, file, experience.HashSource(src), p.Answer(res.Term)))
	}
	if res.Verdict == synth.Unsolved && res.Reason == "timeout" {
		r.status = "timeout"
	}
	return r
}

// benchCVC5 runs cvc5 on one file and reads its answer's size.
func benchCVC5(cvc5 string, args []string, file string, timeout time.Duration) benchRun {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	start := time.Now()
	cmd := exec.CommandContext(ctx, cvc5, append(append([]string(nil), args...), file)...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	r := benchRun{seconds: time.Since(start).Seconds()}
	text := strings.TrimSpace(out.String())
	switch {
	case ctx.Err() != nil:
		r.status, r.seconds = "timeout", timeout.Seconds()
	case strings.HasPrefix(text, "infeasible"):
		r.status = "infeasible"
	case strings.Contains(text, "(define-fun"):
		r.status = "solved"
		r.size = answerSize(text)
	case strings.Contains(text, "fail"):
		r.status = "unsolved"
	case err != nil:
		r.status = "error"
	default:
		r.status = "unknown"
	}
	return r
}

// answerSize counts the operator applications in the bodies of the
// define-funs of a solver's answer (one per synth-fun): the size vsynth
// reports. let-bound terms count at every use, as in the tree vsynth
// counts.
func answerSize(text string) int {
	sexps, err := sygus.ReadAll("answer", []byte(text))
	if err != nil {
		return 0
	}
	n := 0
	var walk func(s *sygus.Sexp)
	walk = func(s *sygus.Sexp) {
		if s.Head() == "define-fun" && len(s.List) == 5 {
			n += countApps(s.List[4], nil)
			return
		}
		for _, x := range s.List {
			walk(x)
		}
	}
	for _, s := range sexps {
		walk(s)
	}
	return n
}

// countApps counts applications in s; env gives the sizes of let-bound
// names.
func countApps(s *sygus.Sexp, env map[string]int) int {
	if !s.IsList() {
		return env[s.Atom]
	}
	if s.Head() == "let" && len(s.List) == 3 && s.List[1].IsList() {
		inner := map[string]int{}
		for k, v := range env {
			inner[k] = v
		}
		for _, b := range s.List[1].List {
			if b.IsList() && len(b.List) == 2 {
				inner[b.List[0].Atom] = countApps(b.List[1], env)
			}
		}
		return countApps(s.List[2], inner)
	}
	if len(s.List) == 0 {
		return 0
	}
	n := 1
	for _, x := range s.List[1:] {
		n += countApps(x, env)
	}
	return n
}
