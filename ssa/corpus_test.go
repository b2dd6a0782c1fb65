package ssa

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"testing"
	"time"
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
		c.prog, c.results, c.err = proveCorpus(c.dir(), c.pattern)
		c.took = time.Since(start)
	})
	if c.err != nil {
		t.Fatalf("%s: %v", c.name, c.err)
	}
	t.Logf("%s: %d functions, proved once per test binary (%.1fs)", c.name, len(c.results), c.took.Seconds())
	return c.prog, cloneResults(c.results)
}

// proveCorpus loads and proves every package pattern names under dir,
// cross-checking every proved obligation with cvc5 (a disagreement is an
// error of Prove).
func proveCorpus(dir, pattern string) (*Program, []*FuncResult, error) {
	prog, err := Load(LoadConfig{Dir: dir}, []string{pattern})
	if err != nil {
		return nil, nil, fmt.Errorf("load %s: %w", dir, err)
	}
	if len(prog.Targets) == 0 {
		return nil, nil, fmt.Errorf("load %s: no functions with specs", dir)
	}
	opts := Options{
		Limits:     testLimits,
		NewSolver:  newTestSolver,
		CrossCheck: crossCheckCVC5, CrossCheckName: "cvc5",
	}
	results, err := prog.Prove(context.Background(), prog.Targets, opts)
	if err != nil {
		return nil, nil, fmt.Errorf("prove %s: %w", dir, err)
	}
	return prog, results, nil
}

// logCrossChecks logs the proved obligations cvc5 did not also prove
// (its unknown answers: the time limit is its own, so they only log).
func logCrossChecks(t *testing.T, prog *Program, results []*FuncResult) {
	t.Helper()
	for _, r := range results {
		for _, o := range r.Obligations {
			if o.Verdict == Proved && o.CrossCheck != "unsat" {
				t.Logf("%s: %s obligation at %s: cvc5 says %s", r.Target.Name, o.Kind, prog.Fset.Position(o.Pos), o.CrossCheck)
			}
		}
	}
}
