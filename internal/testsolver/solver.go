package testsolver

import (
	"context"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/vsynth/vsynth/internal/testlimits"
	"github.com/vsynth/vsynth/smt"
	"github.com/vsynth/vsynth/smt/cvc5"
	"github.com/vsynth/vsynth/smt/z3"
	"github.com/vsynth/vsynth/smt/z3proc"
)

// New starts Z3's bit-vector solver on a context that Close closes;
// with VSYNTH_TEST_SOLVER=z3-process, a z3 process instead (smt/z3proc),
// so that the whole suite can be run on the solver of a build without
// cgo.
func New() (smt.Solver, error) {
	if os.Getenv("VSYNTH_TEST_SOLVER") == "z3-process" {
		return z3proc.New(), nil
	}
	return OfKind(true)
}

// OfKind starts Z3's qfbv tactic solver, or its general solver.
func OfKind(qfbv bool) (smt.Solver, error) {
	ctx, err := z3.NewContext()
	if err != nil {
		return nil, err
	}
	var s *z3.Solver
	if qfbv {
		s, err = ctx.NewBitVecSolver()
	} else {
		s, err = ctx.NewSolver()
	}
	if err != nil {
		ctx.Close()
		return nil, err
	}
	return recorded(closing{s, ctx})
}

// closing is a Z3 solver that closes its context with itself.
type closing struct {
	*z3.Solver
	ctx *z3.Context
}

func (s closing) Close() error {
	s.Solver.Close()
	return s.ctx.Close()
}

// CrossCheckCVC5 re-decides proved obligations with cvc5 in every test
// that proves: a disagreement between Z3 and cvc5 fails the test. cvc5
// has no use for Z3's rlimit, so it gets a time limit of its own: its
// unknown answers are only logged, so the time never decides a verdict.
func CrossCheckCVC5(ctx context.Context, q *smt.Term, _ smt.Limits) (smt.Result, string, error) {
	return cvc5.Check(ctx, []*smt.Term{q}, smt.Limits{Timeout: CrossCheckTimeout})
}

// CrossCheckTimeout bounds each cvc5 cross-check.
const CrossCheckTimeout = 20 * time.Second

// With VSYNTH_RLIMIT_STATS=1 the test solvers record the resource units
// of every check, and Main ends the run with their summary: how the limit
// was sized (docs/soundness.md, "The suite under load").
var (
	recordRLimit = os.Getenv("VSYNTH_RLIMIT_STATS") != ""
	rlimitStats  testlimits.Counter
)

// Main runs the tests of package name (from its TestMain) and prints the
// recorded resource units when VSYNTH_RLIMIT_STATS is set.
func Main(m *testing.M, name string) {
	code := m.Run()
	if recordRLimit {
		fmt.Fprintf(os.Stderr, "rlimit stats (%s): %s\n", name, rlimitStats.String())
	}
	os.Exit(code)
}

// recorded is s, recording its checks when VSYNTH_RLIMIT_STATS is set.
func recorded(s closing) (smt.Solver, error) {
	if !recordRLimit {
		return s, nil
	}
	return rlimitStats.Watch(s)
}

// ResourceCount is what the solver's context has spent.
func (s closing) ResourceCount() (uint64, error) { return s.ctx.ResourceCount() }
