package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/vsynth/vsynth/smt"
	"github.com/vsynth/vsynth/specs"
	"github.com/vsynth/vsynth/synth"
	"github.com/vsynth/vsynth/synth/experience"
	"github.com/vsynth/vsynth/synth/sygus"
)

func synthCommand() *cli.Command {
	cmd := &cli.Command{
		Name:      "synth",
		Usage:     "synthesize the smallest proved program for each synth func (.vspec) or SyGuS problem (.sl)",
		ArgsUsage: "[.vspec or .sl files, or directories (DIR/... for all below)] (default .)",
		Flags: []cli.Flag{
			&cli.DurationFlag{Name: "timeout", Value: 60 * time.Second, Usage: "time limit per function"},
			&cli.IntFlag{Name: "max-size", Value: 40, Usage: "largest program size (operators) searched"},
			&cli.StringFlag{Name: "format", Value: "text", Usage: "output format: text or json"},
			&cli.BoolFlag{Name: "w", Usage: "write the solved functions of X.vspec, with their contracts, to X_synth.go"},
			&cli.IntFlag{Name: "jobs", Value: runtime.GOMAXPROCS(0), Usage: "functions synthesized at once; the output is in file order whatever N"},
			&cli.DurationFlag{Name: "improve", Value: time.Second, Usage: "once a program is proved, time spent looking for a smaller one (0: until --timeout)"},
			rulesFlag(),
		},
		Action: synthAction,
	}
	cmd.Flags = append(cmd.Flags, experienceFlags()...)
	cmd.Flags = append(cmd.Flags, llmFlags()...)
	return cmd
}

// synthJob is one function to synthesize and how to print its answer.
type synthJob struct {
	problem *synth.Problem
	code    func(*synth.Term) string // the answer as printed
	vspec   *synth.VspecTarget       // for .vspec jobs
	sygus   *sygus.Problem           // for .sl jobs
	file    string
	hash    string // for .sl jobs: the file's (see experience.Record)
	timer   *experience.ProofTimer
}

type synthJSON struct {
	Results []synthJSONResult `json:"results"`
}

type synthJSONResult struct {
	Function   string `json:"function"`
	File       string `json:"file"`
	Verdict    string `json:"verdict"`
	Code       string `json:"code,omitempty"`
	Size       int    `json:"size,omitempty"`
	Minimal    bool   `json:"minimal,omitempty"`
	Strategy   string `json:"strategy"`
	TimeMS     int64  `json:"time_ms"`
	Candidates int64  `json:"candidates"`
	Pruned     int64  `json:"pruned"`
	Proofs     int    `json:"proofs"`
	Reason     string `json:"reason,omitempty"`
	Witness    string `json:"witness,omitempty"`
	// With a language model (see synth/llm): requests sent, candidates
	// rejected by reason, and the model's failure when enumeration
	// carried on without it.
	LLMCalls    int            `json:"llm_calls"`
	LLMRejected map[string]int `json:"llm_rejected,omitempty"`
	LLMError    string         `json:"llm_error,omitempty"`
}

func synthAction(c *cli.Context) error {
	format := c.String("format")
	if format != "text" && format != "json" {
		return &exitError{code: exitBadInput, err: fmt.Errorf("synth: unknown --format %q (want text or json)", format)}
	}
	args := c.Args().Slice()
	if len(args) == 0 {
		args = []string{"."}
	}
	files, err := synthFiles(args)
	if err != nil {
		return &exitError{code: exitBadInput, err: err}
	}
	strategy, err := synthStrategy(c)
	if err != nil {
		return &exitError{code: exitBadInput, err: fmt.Errorf("synth: %w", err)}
	}
	prover := &synth.Prover{Limits: smt.Limits{Timeout: 10 * time.Second}}
	jobs, err := loadSynthJobs(files, prover)
	if err != nil {
		return &exitError{code: exitBadInput, err: relErrors(err)}
	}
	store, err := experienceStore(c)
	if err != nil {
		return &exitError{code: exitBadInput, err: fmt.Errorf("synth: %w", err)}
	}
	rec := &recorder{store: store, warn: c.App.ErrWriter}
	for _, j := range jobs {
		if c.Bool("hide-reference") {
			j.problem.Reference = nil
		}
		j.timer = experience.TimeProofs(j.problem)
	}
	budget := synth.Budget{Timeout: c.Duration("timeout"), MaxSize: c.Int("max-size"), MaxTerms: 20_000_000, Improve: c.Duration("improve")}
	out := c.App.Writer
	var report synthJSON
	solvedByFile := map[string][]string{}
	warned := map[string]bool{}
	allSolved := true
	solved := solveAll(jobs, strategy, budget, c.Int("jobs"))
	for i, j := range jobs {
		a := <-solved[i]
		res, err := a.res, a.err
		if err != nil {
			return &exitError{code: exitBadInput, err: err}
		}
		r := synthJSONResult{
			Function: j.problem.Name, File: relFile(j.file), Verdict: string(res.Verdict), Strategy: res.Strategy,
			TimeMS: res.Time.Milliseconds(), Candidates: res.Candidates, Pruned: res.Pruned, Proofs: res.Proofs, Reason: res.Reason,
			LLMCalls: res.LLMCalls, LLMRejected: res.LLMRejected, LLMError: res.LLMError,
		}
		if res.LLMError != "" && !warned[res.LLMError] {
			warned[res.LLMError] = true
			fmt.Fprintf(c.App.ErrWriter, "vsynth: synth %s: %s (enumeration carried on without the model)\n", j.problem.Name, res.LLMError)
		}
		if res.Verdict == synth.Solved {
			r.Code, r.Size, r.Minimal = strings.TrimRight(j.code(res.Term), "\n"), res.Size, res.Minimal
			sygusCode := ""
			if j.sygus != nil {
				sygusCode = r.Code
			}
			rec.record(answerRecord(j.problem, res, j.timer, j.file, j.hash, sygusCode))
			if j.vspec != nil {
				solvedByFile[j.file] = append(solvedByFile[j.file], j.vspec.GoCodeWithContract(res.Term))
			}
		} else {
			allSolved = false
		}
		if res.Verdict == synth.Unsat {
			r.Witness = synth.FormatInputs(j.problem.Vars, res.Witness)
			if j.sygus != nil {
				r.Witness = sygusWitness(j.sygus, res.Witness)
			}
		}
		report.Results = append(report.Results, r)
		if format == "text" {
			writeSynthText(out, j, r)
		}
	}
	if format == "json" {
		enc := json.NewEncoder(out)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(report); err != nil {
			return &exitError{code: exitBadInput, err: err}
		}
	}
	if c.Bool("w") {
		names := make([]string, 0, len(solvedByFile))
		for f := range solvedByFile {
			names = append(names, f)
		}
		sort.Strings(names)
		for _, f := range names {
			pkg := ""
			for _, j := range jobs {
				if j.file == f {
					pkg = j.vspec.Package
				}
			}
			if err := os.WriteFile(synth.GeneratedName(f), synth.GeneratedFile(f, pkg, solvedByFile[f]), 0o644); err != nil {
				return &exitError{code: exitBadInput, err: fmt.Errorf("synth: -w: %w", err)}
			}
		}
	}
	if !allSolved {
		return &exitError{code: exitFailed}
	}
	return nil
}

// solveAnswer is one job's outcome.
type solveAnswer struct {
	res *synth.Result
	err error
}

// solveAll solves the jobs, n at a time, in file order; the answer of job
// i arrives on the i-th channel. Each job has its own time budget and
// solver contexts, so the answers do not depend on n (but for the time
// spent, and what a time-bounded --improve finds).
func solveAll(jobs []*synthJob, strategy synth.Strategy, budget synth.Budget, n int) []chan solveAnswer {
	out := make([]chan solveAnswer, len(jobs))
	for i := range out {
		out[i] = make(chan solveAnswer, 1)
	}
	sem := make(chan struct{}, max(n, 1))
	go func() {
		for i, j := range jobs {
			sem <- struct{}{}
			go func() {
				defer func() { <-sem }()
				res, err := strategy.Solve(context.Background(), j.problem, budget)
				out[i] <- solveAnswer{res, err}
			}()
		}
	}()
	return out
}

func sygusWitness(p *sygus.Problem, w []uint64) string {
	var parts []string
	for i, v := range p.Vars {
		parts = append(parts, p.VarNames[i]+" = "+synth.FormatValue(w[i], v.Type))
	}
	return strings.Join(parts, ", ")
}

func writeSynthText(out io.Writer, j *synthJob, r synthJSONResult) {
	comment := "//"
	if j.sygus != nil {
		comment = ";"
	}
	switch r.Verdict {
	case string(synth.Solved):
		fmt.Fprintln(out, strings.TrimRight(r.Code, "\n"))
		if j.sygus == nil {
			fmt.Fprintln(out)
		}
	case string(synth.Unsat):
		if r.Witness == "" {
			fmt.Fprintf(out, "%s %s: unsat: no function meets the spec: no results satisfy it\n", comment, r.Function)
		} else {
			fmt.Fprintf(out, "%s %s: unsat: no function meets the spec: at %s no result satisfies it\n", comment, r.Function, r.Witness)
		}
		if j.sygus != nil {
			fmt.Fprintln(out, "infeasible") // SyGuS-IF's answer for a problem without a solution
		}
	case string(synth.Infeasible):
		if j.sygus != nil {
			fmt.Fprintln(out, "infeasible")
		} else {
			fmt.Fprintf(out, "%s %s: infeasible: %s\n", comment, r.Function, r.Reason)
		}
	default:
		fmt.Fprintf(out, "%s %s: %s: %s\n", comment, r.Function, r.Verdict, r.Reason)
	}
}

// synthFiles expands the arguments into .vspec and .sl files.
func synthFiles(args []string) ([]string, error) {
	var files []string
	for _, a := range args {
		if strings.HasSuffix(a, ".vspec") || strings.HasSuffix(a, ".sl") {
			if _, err := os.Stat(a); err != nil {
				return nil, fmt.Errorf("synth: %w", err)
			}
			files = append(files, a)
			continue
		}
		recursive := false
		if rest, ok := strings.CutSuffix(a, "/..."); ok {
			a, recursive = rest, true
		} else if a == "..." {
			a, recursive = ".", true
		}
		info, err := os.Stat(a)
		if err != nil {
			return nil, fmt.Errorf("synth: %w", err)
		}
		if !info.IsDir() {
			return nil, fmt.Errorf("synth: %s is not a .vspec or .sl file or a directory", a)
		}
		err = filepath.WalkDir(a, func(path string, d os.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				if path != a && (!recursive || strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata") {
					return filepath.SkipDir
				}
				return nil
			}
			if strings.HasSuffix(path, ".vspec") || strings.HasSuffix(path, ".sl") {
				files = append(files, path)
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("synth: %w", err)
		}
	}
	return files, nil
}

// loadSynthJobs parses every file; all problems are reported together.
func loadSynthJobs(files []string, prover *synth.Prover) ([]*synthJob, error) {
	var jobs []*synthJob
	var errs specs.ErrorList
	var other []error
	fset := token.NewFileSet()
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			return nil, fmt.Errorf("synth: %w", err)
		}
		if strings.HasSuffix(f, ".sl") {
			p, err := sygus.Parse(relFile(f), src)
			if err != nil {
				other = append(other, err)
				continue
			}
			jobs = append(jobs, &synthJob{problem: p.Synth(prover), code: p.Answer, sygus: p, file: f, hash: experience.HashSource(src)})
			continue
		}
		sf, err := specs.ParseFile(fset, f, src)
		if err != nil {
			var list specs.ErrorList
			if errors.As(err, &list) {
				errs = append(errs, list...)
				continue
			}
			return nil, err
		}
		targets, err := synth.FromVspec(fset, sf, prover)
		if err != nil {
			var list specs.ErrorList
			if errors.As(err, &list) {
				errs = append(errs, list...)
				continue
			}
			other = append(other, err)
			continue
		}
		if len(targets) == 0 {
			continue
		}
		for _, t := range targets {
			jobs = append(jobs, &synthJob{problem: t.Problem, code: t.GoCode, vspec: t, file: f})
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	if len(other) > 0 {
		return nil, errors.Join(other...)
	}
	if len(jobs) == 0 {
		return nil, errors.New("synth: no synth func or SyGuS problem found")
	}
	return jobs, nil
}

// rulesFlag selects the rewrite rules the enumerator prunes with.
func rulesFlag() cli.Flag {
	return &cli.StringFlag{Name: "rules", Value: "all", Usage: "rewrite rules that prune the search: none, seed (hand-written) or all (seed and learned)"}
}

// enumWithRules is the enumerative strategy pruning with the named
// shipped rule set.
func enumWithRules(name string) (synth.Enum, error) {
	set, err := synth.RuleSet(name)
	if err != nil {
		return synth.Enum{}, fmt.Errorf("--rules: %w", err)
	}
	return synth.Enum{Rules: set}, nil
}
