package ssa

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/vsynth/vsynth/smt"
)

// The corpora: testdata/prove and the examples. Four tests need their
// proofs — TestProveTestdata and TestProveExamplesReplay check the
// verdicts and replay the counterexamples, TestPlaybackTestsFail emits
// and runs playback tests, TestMutants mutates the proved functions — and
// each used to prove them itself: about half of the package's default
// CPU time (docs/soundness.md, "The suite under load"). Now each corpus
// is loaded and proved once per test binary, with the strictest options
// any of them used (the test limits, and cvc5 re-deciding every proved
// obligation), and every test gets its own copy of the results to
// confirm, check or mutate.

// corpus is one corpus's shared proof.
type corpus struct {
	name    string
	dir     func() string // the module's directory, absolute
	pattern string

	once    sync.Once
	prog    *Program
	results []*FuncResult
	long    []lineSpan // the functions left to VSYNTH_LONG=1 (longTestMarker)
	err     error
	took    time.Duration
}

var (
	testdataCorpus = &corpus{name: "testdata/prove", pattern: "./...", dir: func() string {
		d, _ := filepath.Abs(filepath.Join("..", "testdata", "prove"))
		return d
	}}
	examplesCorpus = &corpus{name: "examples", pattern: "./examples/...", dir: func() string {
		d, _ := filepath.Abs("..")
		return d
	}}
)

// proved returns the corpus's program and a copy of its results (the
// obligations copied too: Confirm changes the verdicts of what it is
// given). The first caller pays for the proof; a load or prove error
// fails every test that needs the corpus.
func (c *corpus) proved(t *testing.T) (*Program, []*FuncResult) {
	t.Helper()
	c.once.Do(func() {
		start := time.Now()
		c.prog, c.results, c.long, c.err = proveCorpus(c.dir(), c.pattern)
		c.took = time.Since(start)
	})
	if c.err != nil {
		t.Fatalf("%s: %v", c.name, c.err)
	}
	t.Logf("%s: %d functions, proved once per test binary (%.1fs)", c.name, len(c.results), c.took.Seconds())
	return c.prog, cloneResults(c.results)
}

// proveCorpus loads and proves every package pattern names under dir,
// cross-checking proved obligations with cvc5 (a disagreement is an
// error of Prove): every one with VSYNTH_LONG=1, a sample by default.
// The default run leaves out the functions marked as long tests
// (longTestMarker) and returns their spans, whose want comments then do
// not apply.
func proveCorpus(dir, pattern string) (*Program, []*FuncResult, []lineSpan, error) {
	prog, err := Load(LoadConfig{Dir: dir}, []string{pattern})
	if err != nil {
		return nil, nil, nil, fmt.Errorf("load %s: %w", dir, err)
	}
	if len(prog.Targets) == 0 {
		return nil, nil, nil, fmt.Errorf("load %s: no functions with specs", dir)
	}
	var long []lineSpan
	if !longRun() {
		prog.Targets, long = withoutLongTests(prog)
	}
	opts := Options{
		Limits:     testLimits,
		NewSolver:  newTestSolver,
		CrossCheck: sampledCrossCheck(), CrossCheckName: "cvc5",
	}
	// The infer package is proved with inference on (infer_measure_test.go).
	results, err := proveInferPackages(prog, opts)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("prove %s: %w", dir, err)
	}
	return prog, results, long, nil
}

// logCrossChecks logs the proved obligations cvc5 did not also prove
// (its unknown answers: the time limit is its own, so they only log).
func logCrossChecks(t *testing.T, prog *Program, results []*FuncResult) {
	t.Helper()
	for _, r := range results {
		for _, o := range r.Obligations {
			if o.Verdict == Proved && o.CrossCheck != "unsat" && o.CrossCheck != "unknown: not sampled" {
				t.Logf("%s: %s obligation at %s: cvc5 says %s", r.Target.Name, o.Kind, prog.Fset.Position(o.Pos), o.CrossCheck)
			}
		}
	}
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

// sampledCrossCheck is crossCheckCVC5 on every crossCheckEvery-th call
// (every call with VSYNTH_LONG=1); the others answer "not sampled",
// which logCrossChecks logs like an unknown.
func sampledCrossCheck() func(context.Context, *smt.Term, smt.Limits) (smt.Result, string, error) {
	if longRun() {
		return crossCheckCVC5
	}
	var n atomic.Int64
	return func(ctx context.Context, q *smt.Term, lim smt.Limits) (smt.Result, string, error) {
		if n.Add(1)%crossCheckEvery != 1 {
			return smt.Unknown, "not sampled", nil
		}
		return crossCheckCVC5(ctx, q, lim)
	}
}

// longRun reports whether VSYNTH_LONG asks for the long versions of the
// tests.
func longRun() bool { return os.Getenv("VSYNTH_LONG") != "" }
