package vsynthanalyzer

import (
	"context"
	"errors"
	"fmt"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"golang.org/x/tools/go/analysis"

	"github.com/vsynth/vsynth/smt"
	"github.com/vsynth/vsynth/smt/z3"
	"github.com/vsynth/vsynth/specs"
	"github.com/vsynth/vsynth/ssa"
)

// The defaults are vsynth prove's: Z3's deterministic resource limit per
// obligation, with a time limit as a safety net (docs/ci.md).
const (
	defaultRLimit  = 30_000_000
	defaultTimeout = 120 * time.Second
)

// Analyzer proves the contracts of a package's functions and reports the
// functions that are not proved.
var Analyzer = newAnalyzer()

// config holds the analyzer's flags.
type config struct {
	rlimit  uint64
	timeout time.Duration
	unroll  int
	infer   bool
	confirm bool
	jobs    int
}

func newAnalyzer() *analysis.Analyzer {
	cfg := &config{}
	a := &analysis.Analyzer{
		Name:      "vsynth",
		Doc:       "prove functions against their //vsynth: contracts\n\nEvery function with a contract (//vsynth:requires, ensures, ... or a .vspec file) is proved with Z3; a function that is not proved is reported: failed with a counterexample replayed in compiled Go, unknown or unsupported with the reason. Calls into other packages use the callee's contract, exported as a fact.",
		URL:       "https://github.com/vsynth/vsynth",
		Run:       cfg.run,
		FactTypes: []analysis.Fact{(*ContractFact)(nil)},
	}
	a.Flags.Uint64Var(&cfg.rlimit, "rlimit", envUint("VSYNTH_RLIMIT", defaultRLimit), "deterministic Z3 resource limit per obligation (0 turns it off; default from $VSYNTH_RLIMIT when set)")
	a.Flags.DurationVar(&cfg.timeout, "timeout", envDuration("VSYNTH_TIMEOUT", defaultTimeout), "solver time limit per obligation: a safety net behind -rlimit (default from $VSYNTH_TIMEOUT when set)")
	a.Flags.IntVar(&cfg.unroll, "unroll", ssa.DefaultUnroll, "iterations to unroll a loop without invariants")
	a.Flags.BoolVar(&cfg.infer, "infer", true, "infer invariants for loops without //vsynth:invariant before unrolling them")
	a.Flags.BoolVar(&cfg.confirm, "confirm", true, "replay every counterexample in compiled Go before reporting it failed (-confirm=false: failed verdicts are marked unconfirmed)")
	a.Flags.IntVar(&cfg.jobs, "jobs", 0, "functions proved in parallel (0: all cores)")
	return a
}

// ContractFact is the contract of a function, exported by the function's
// package for the packages that call it.
type ContractFact struct {
	ssa.ContractExport
}

// AFact marks ContractFact as an analysis fact.
func (*ContractFact) AFact() {}

func (f *ContractFact) String() string {
	v := string(f.Verdict)
	if v == "" {
		v = "not checked"
	}
	if f.Problem != "" {
		return "vsynth contract (" + v + "; unusable: " + f.Problem + ")"
	}
	return "vsynth contract (" + v + ")"
}

func (cfg *config) run(pass *analysis.Pass) (any, error) {
	if !hasSpecs(pass) {
		return nil, nil
	}
	var imported []*ssa.ImportedContract
	for _, of := range pass.AllObjectFacts() {
		fact, ok := of.Fact.(*ContractFact)
		fn, isFunc := of.Object.(*types.Func)
		if ok && isFunc && fn.Pkg() != pass.Pkg {
			imported = append(imported, &ssa.ImportedContract{Func: fn, ContractExport: fact.ContractExport})
		}
	}
	prog, err := ssa.LoadTyped(ssa.TypedPackage{
		Fset: pass.Fset, Types: pass.Pkg, Files: pass.Files, Info: pass.TypesInfo,
		Sizes: pass.TypesSizes, Contracts: imported,
	})
	var list specs.ErrorList
	if errors.As(err, &list) {
		for _, e := range list {
			pass.Report(analysis.Diagnostic{Pos: posOf(pass, e.Pos), Category: "spec", Message: "bad contract: " + e.Msg})
		}
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("vsynth: %w", err)
	}
	for _, w := range prog.Warnings {
		pass.Report(analysis.Diagnostic{Pos: posOf(pass, w.Pos), Category: "directive", Message: w.Msg})
	}
	results, err := prog.Prove(context.Background(), prog.Targets, ssa.Options{
		Limits:       smt.Limits{Timeout: cfg.timeout, RLimit: cfg.rlimit},
		Unroll:       cfg.unroll,
		Jobs:         cfg.jobs,
		NewSolver:    z3.NewStandaloneSolver,
		CheckVacuity: true,
		Infer:        cfg.infer,
	})
	if err != nil {
		return nil, fmt.Errorf("vsynth: %w", err)
	}
	if cfg.confirm {
		if _, err := prog.Confirm(context.Background(), results, ssa.ConfirmOptions{Jobs: cfg.jobs}); err != nil {
			return nil, fmt.Errorf("vsynth: confirming counterexamples: %w", err)
		}
	}
	for _, r := range results {
		if r.Verdict != ssa.Proved {
			pass.Report(diagnostic(prog, r))
		}
	}
	for fn, e := range prog.ExportContracts(results) {
		if fn.Pkg() == pass.Pkg {
			pass.ExportObjectFact(fn, &ContractFact{ContractExport: *e})
		}
	}
	return nil, nil
}

// hasSpecs reports whether the package has anything to prove: a comment
// with a vsynth: directive, or a .vspec file in its directory. Drivers run
// the analyzer on every dependency, the standard library's included, for
// its facts: those without contracts cost a scan of their comments.
func hasSpecs(pass *analysis.Pass) bool {
	for _, f := range pass.Files {
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				if strings.Contains(c.Text, "vsynth:") {
					return true
				}
			}
		}
	}
	if len(pass.Files) == 0 {
		return false
	}
	dir := filepath.Dir(pass.Fset.File(pass.Files[0].Pos()).Name())
	vspecs, _ := filepath.Glob(filepath.Join(dir, "*.vspec"))
	return len(vspecs) > 0
}

// posOf finds the position p in the pass's files; the package clause of
// the first file when it lies in none of them (a .vspec file).
func posOf(pass *analysis.Pass, p token.Position) token.Pos {
	for _, f := range pass.Files {
		tf := pass.Fset.File(f.Pos())
		if tf == nil || tf.Name() != p.Filename || p.Line < 1 || p.Line > tf.LineCount() {
			continue
		}
		pos := tf.LineStart(p.Line)
		if p.Column > 1 && int(pos)-tf.Base()+p.Column-1 <= tf.Size() {
			pos += token.Pos(p.Column - 1)
		}
		return pos
	}
	return pass.Files[0].Package
}

// envUint is the number in the environment variable name, or def when it
// is unset or not a number. As for vsynth prove, the environment sets the
// budget where a driver passes no flags (golangci-lint, nogo).
func envUint(name string, def uint64) uint64 {
	if n, err := strconv.ParseUint(os.Getenv(name), 10, 64); err == nil {
		return n
	}
	return def
}

// envDuration is the duration in the environment variable name, or def.
func envDuration(name string, def time.Duration) time.Duration {
	if d, err := time.ParseDuration(os.Getenv(name)); err == nil {
		return d
	}
	return def
}
