package portfolio

import (
	"context"
	"errors"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/vsynth/vsynth/smt"
	"github.com/vsynth/vsynth/smt/cvc5"
	"github.com/vsynth/vsynth/smt/z3"
)

// fake is a scripted solver: each check answers res after delay, or
// Unknown "canceled" when its context ends first.
type fake struct {
	name     string
	res      smt.Result
	err      error
	delay    time.Duration // < 0: until canceled
	checks   atomic.Int32
	canceled atomic.Int32
	reason   string
	asserted int
}

func (f *fake) run(ctx context.Context) (smt.Result, string, error) {
	f.checks.Add(1)
	var timer <-chan time.Time
	if f.delay >= 0 {
		timer = time.After(f.delay)
	}
	select {
	case <-timer:
		return f.res, "incomplete", f.err
	case <-ctx.Done():
		f.canceled.Add(1)
		return smt.Unknown, "canceled", nil
	}
}

func (f *fake) Assert(*smt.Term) error { f.asserted++; return nil }
func (f *fake) Push() error            { return nil }
func (f *fake) Pop() error             { return nil }
func (f *fake) Check(ctx context.Context, _ smt.Limits) (smt.Result, error) {
	res, reason, err := f.run(ctx)
	f.reason = reason
	return res, err
}
func (f *fake) Model() (smt.Model, error) { return nil, nil }
func (f *fake) ReasonUnknown() string     { return f.reason }
func (f *fake) Name() string              { return f.name }
func (f *fake) Close() error              { return nil }

func (f *fake) checkFunc() CheckFunc {
	return func(ctx context.Context, _ []*smt.Term, _ smt.Limits) (smt.Result, string, error) {
		return f.run(ctx)
	}
}

const (
	fast  = time.Millisecond
	slow  = 50 * time.Millisecond
	never = -1
)

// TestRace: the first definite answer wins and the other solver is
// canceled; a sat answer of the second solver waits for the primary's
// model; unknown only when neither decides; a disagreement is an error.
func TestRace(t *testing.T) {
	for _, tc := range []struct {
		name               string
		primary, second    *fake
		want               smt.Result
		wantErr            bool
		decided, reason    string
		primaryWasCanceled bool
		secondWasCanceled  bool
	}{
		{name: "second proves first", primary: &fake{res: smt.Unsat, delay: never}, second: &fake{res: smt.Unsat, delay: fast},
			want: smt.Unsat, decided: "second", primaryWasCanceled: true},
		{name: "primary proves first", primary: &fake{res: smt.Unsat, delay: fast}, second: &fake{res: smt.Unsat, delay: never},
			want: smt.Unsat, decided: "primary", secondWasCanceled: true},
		{name: "primary refutes first", primary: &fake{res: smt.Sat, delay: fast}, second: &fake{res: smt.Sat, delay: never},
			want: smt.Sat, decided: "primary", secondWasCanceled: true},
		{name: "second says sat, the primary gives the model", primary: &fake{res: smt.Sat, delay: slow}, second: &fake{res: smt.Sat, delay: fast},
			want: smt.Sat, decided: "primary"},
		{name: "second says sat, the primary has no model", primary: &fake{res: smt.Unknown, delay: slow}, second: &fake{res: smt.Sat, delay: fast},
			want: smt.Unknown, reason: "second found the query satisfiable, but primary gave no model"},
		{name: "primary gives up, then the second proves", primary: &fake{res: smt.Unknown, delay: fast}, second: &fake{res: smt.Unsat, delay: slow},
			want: smt.Unsat, decided: "second"},
		{name: "primary gives up, then the second says sat", primary: &fake{res: smt.Unknown, delay: fast}, second: &fake{res: smt.Sat, delay: slow},
			want: smt.Unknown, reason: "gave no model"},
		{name: "neither decides", primary: &fake{res: smt.Unknown, delay: fast}, second: &fake{res: smt.Unknown, delay: fast},
			want: smt.Unknown, reason: "incomplete; second: incomplete"},
		{name: "second fails, the primary proves", primary: &fake{res: smt.Unsat, delay: slow}, second: &fake{res: smt.Unknown, err: errors.New("boom"), delay: fast},
			want: smt.Unsat, decided: "primary"},
		{name: "disagreement", primary: &fake{res: smt.Unsat, delay: slow}, second: &fake{res: smt.Sat, delay: fast},
			wantErr: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.primary.name, tc.second.name = "primary", "second"
			s := New(tc.primary, tc.second.checkFunc(), "second", Race)
			s.Assert(smt.True())
			res, err := s.Check(context.Background(), smt.Limits{})
			if tc.wantErr {
				if err == nil {
					t.Fatalf("no error, answer %v", res)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if res != tc.want || s.DecidedBy() != tc.decided {
				t.Errorf("answer %v decided by %q, want %v by %q", res, s.DecidedBy(), tc.want, tc.decided)
			}
			if tc.reason != "" && !strings.Contains(s.ReasonUnknown(), tc.reason) {
				t.Errorf("reason %q, want it to contain %q", s.ReasonUnknown(), tc.reason)
			}
			if got := tc.primary.canceled.Load() > 0; got != tc.primaryWasCanceled {
				t.Errorf("primary canceled: %v", got)
			}
			if got := tc.second.canceled.Load() > 0; got != tc.secondWasCanceled {
				t.Errorf("second canceled: %v", got)
			}
			if _, err := s.Model(); (err == nil) != (res == smt.Sat) {
				t.Errorf("Model after %v: error %v", res, err)
			}
		})
	}
}

// TestSecondMode: the second solver decides; the primary is asked only
// for the model of a sat answer.
func TestSecondMode(t *testing.T) {
	primary := &fake{name: "primary", res: smt.Sat, delay: fast}
	second := &fake{name: "second", res: smt.Unsat, delay: fast}
	s := New(primary, second.checkFunc(), "second", Second)
	if res, err := s.Check(context.Background(), smt.Limits{}); err != nil || res != smt.Unsat || s.DecidedBy() != "second" {
		t.Errorf("unsat: %v %v by %q", res, err, s.DecidedBy())
	}
	if primary.checks.Load() != 0 {
		t.Error("the primary was asked about an unsat query")
	}
	second.res = smt.Sat
	if res, err := s.Check(context.Background(), smt.Limits{}); err != nil || res != smt.Sat || s.DecidedBy() != "primary" {
		t.Errorf("sat: %v %v by %q", res, err, s.DecidedBy())
	}
	second.res = smt.Unknown
	if res, err := s.Check(context.Background(), smt.Limits{}); err != nil || res != smt.Unknown || !strings.HasPrefix(s.ReasonUnknown(), "second: ") {
		t.Errorf("unknown: %v %v %q", res, err, s.ReasonUnknown())
	}
	second.err = errors.New("cannot parse")
	if res, err := s.Check(context.Background(), smt.Limits{}); err != nil || res != smt.Unknown || !strings.Contains(s.ReasonUnknown(), "cannot parse") {
		t.Errorf("an error of the second solver: %v %v %q, want unknown with the error", res, err, s.ReasonUnknown())
	}
	if primary.checks.Load() != 1 {
		t.Errorf("the primary checked %d times, want once (for the sat answer's model)", primary.checks.Load())
	}
}

// TestScopes: the second solver sees exactly the assertions of the open
// scopes.
func TestScopes(t *testing.T) {
	var seen []int
	second := func(_ context.Context, as []*smt.Term, _ smt.Limits) (smt.Result, string, error) {
		seen = append(seen, len(as))
		return smt.Unsat, "", nil
	}
	s := New(&fake{name: "primary", res: smt.Unsat, delay: never}, second, "second", Second)
	x := smt.Var("x", smt.BitVecSort(8))
	s.Assert(smt.Eq(x, x))
	s.Push()
	s.Assert(smt.Eq(x, smt.BVInt(8, 1)))
	s.Assert(smt.Eq(x, smt.BVInt(8, 2)))
	s.Check(context.Background(), smt.Limits{})
	s.Pop()
	s.Check(context.Background(), smt.Limits{})
	if len(seen) != 2 || seen[0] != 3 || seen[1] != 1 {
		t.Errorf("the second solver saw %v assertions, want [3 1]", seen)
	}
	if err := s.Pop(); err == nil {
		t.Error("pop without push: no error")
	}
}

// TestZ3AndCVC5: the real portfolio, Z3 in process and cvc5 as a
// process: a bit-vector fact is proved, a false one refuted with a model
// from Z3 that satisfies it.
func TestZ3AndCVC5(t *testing.T) {
	name, err := cvc5.Version()
	if err != nil {
		t.Fatalf("cvc5 (installed on this machine, see the brief): %v", err)
	}
	for _, mode := range []Mode{Race, Second} {
		z, err := z3.NewStandaloneSolver()
		if err != nil {
			t.Fatal(err)
		}
		s := New(z, cvc5.Check, name, mode)
		x := smt.Var("x", smt.BitVecSort(16))
		lim := smt.Limits{Timeout: time.Minute}
		// x*3 == x+x+x for every x: its negation is unsat.
		s.Push()
		s.Assert(smt.Not(smt.Eq(smt.BVMul(x, smt.BVInt(16, 3)), smt.BVAdd(x, smt.BVAdd(x, x)))))
		if res, err := s.Check(context.Background(), lim); err != nil || res != smt.Unsat || s.DecidedBy() == "" {
			t.Errorf("mode %d: identity: %v %v, decided by %q", mode, res, err, s.DecidedBy())
		}
		s.Pop()
		// x*x == 9 has solutions; the model must be one.
		s.Push()
		s.Assert(smt.Eq(smt.BVMul(x, x), smt.BVInt(16, 9)))
		res, err := s.Check(context.Background(), lim)
		if err != nil || res != smt.Sat {
			t.Fatalf("mode %d: x*x == 9: %v %v", mode, res, err)
		}
		m, err := s.Model()
		if err != nil {
			t.Fatal(err)
		}
		v, err := m.Eval(smt.Eq(smt.BVMul(x, x), smt.BVInt(16, 9)))
		if err != nil || !v.IsTrue() {
			t.Errorf("mode %d: the model does not satisfy the query: %v %v", mode, v, err)
		}
		s.Pop()
		s.Close()
	}
}
