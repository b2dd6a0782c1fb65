package provetest

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/vsynth/vsynth/internal/testlimits"
	"github.com/vsynth/vsynth/internal/testsolver"
	"github.com/vsynth/vsynth/ssa"

	"github.com/vsynth/vsynth/smt"
)

// The corpora: testdata/prove (ssa/corpustest) and the examples
// (ssa/examplestest). Several tests of each package need its proofs —
// the want comments and the replay of every counterexample, the playback
// tests, bounded model checking after a failed inductive proof — and
// each used to prove them itself. Now each corpus is loaded and proved
// once per test binary, with the strictest options any of them used (the
// test limits, and cvc5 re-deciding proved obligations), and every test
// gets its own copy of the results to confirm, check or mutate.

// Corpus is one corpus's shared proof.
type Corpus struct {
	name     string
	dir      func() string // the module's directory, absolute
	patterns []string

	once    sync.Once
	prog    *ssa.Program
	results []*ssa.FuncResult
	long    []LineSpan // the functions left to VSYNTH_LONG=1 (LongTestMarker)
	err     error
	took    time.Duration
}

// NewCorpus is the corpus of the packages patterns name in the module at
// dir (relative to the test's directory), called name in the logs.
func NewCorpus(name, dir string, patterns ...string) *Corpus {
	return &Corpus{name: name, patterns: patterns, dir: func() string {
		d, _ := filepath.Abs(dir)
		return d
	}}
}

// Dir is the corpus module's directory, absolute.
func (c *Corpus) Dir() string { return c.dir() }

// Patterns are the package patterns of the corpus, in its module.
func (c *Corpus) Patterns() []string { return c.patterns }

// Long lists the spans of the functions the default run leaves out
// (marked with LongTestMarker), whose want comments then do not apply;
// valid after Proved.
func (c *Corpus) Long() []LineSpan { return c.long }

// Proved returns the corpus's program and a copy of its results (the
// obligations copied too: Confirm changes the verdicts of what it is
// given). The first caller pays for the proof; a load or prove error
// fails every test that needs the corpus.
func (c *Corpus) Proved(t *testing.T) (*ssa.Program, []*ssa.FuncResult) {
	t.Helper()
	c.once.Do(func() {
		start := time.Now()
		c.prog, c.results, c.long, c.err = ProveCorpus(c.dir(), c.patterns...)
		c.took = time.Since(start)
	})
	if c.err != nil {
		t.Fatalf("%s: %v", c.name, c.err)
	}
	t.Logf("%s: %d functions, proved once per test binary (%.1fs)", c.name, len(c.results), c.took.Seconds())
	return c.prog, CloneResults(c.results)
}

// ProveCorpus loads and proves every package patterns name under dir,
// cross-checking proved obligations with cvc5 (a disagreement is an
// error of Prove): every one with VSYNTH_LONG=1, a sample by default.
// The default run leaves out the functions marked as long tests
// (LongTestMarker) and returns their spans, whose want comments then do
// not apply.
func ProveCorpus(dir string, patterns ...string) (*ssa.Program, []*ssa.FuncResult, []LineSpan, error) {
	prog, err := ssa.Load(ssa.LoadConfig{Dir: dir}, patterns)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("load %s: %w", dir, err)
	}
	if len(prog.Targets) == 0 {
		return nil, nil, nil, fmt.Errorf("load %s: no functions with specs", dir)
	}
	var long []LineSpan
	if !testlimits.Long() {
		prog.Targets, long = WithoutLongTests(prog)
	}
	opts := ssa.Options{
		Limits:     testlimits.Limits,
		NewSolver:  testsolver.New,
		CrossCheck: sampledCrossCheck(), CrossCheckName: "cvc5",
	}
	// The infer package is proved with inference on (infer_measure_test.go).
	results, err := ProveInferPackages(prog, prog.Targets, opts)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("prove %s: %w", dir, err)
	}
	return prog, results, long, nil
}

// crossCheckEvery is the share of the corpora's proved obligations the
// default run re-decides with cvc5: one in crossCheckEvery, in the order
// the workers reach them. cvc5 took about 45 s of the 98 s of CPU that
// proving both corpora cost (docs/soundness.md, "The suite under
// load"), and its wall-clock limit takes more CPU the quieter the
// machine; VSYNTH_LONG=1 cross-checks every obligation, and
// TestCrossCheckDisagreement and TestGenNames cross-check in full in the
// default run.
const crossCheckEvery = 8

// sampledCrossCheck is testsolver.CrossCheckCVC5 on every crossCheckEvery-th call
// (every call with VSYNTH_LONG=1); the others answer "not sampled",
// which LogCrossChecks logs like an unknown.
func sampledCrossCheck() func(context.Context, *smt.Term, smt.Limits) (smt.Result, string, error) {
	if testlimits.Long() {
		return testsolver.CrossCheckCVC5
	}
	var n atomic.Int64
	return func(ctx context.Context, q *smt.Term, lim smt.Limits) (smt.Result, string, error) {
		if n.Add(1)%crossCheckEvery != 1 {
			return smt.Unknown, "not sampled", nil
		}
		return testsolver.CrossCheckCVC5(ctx, q, lim)
	}
}
