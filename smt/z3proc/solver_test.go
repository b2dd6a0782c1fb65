package z3proc

import (
	"context"
	"testing"
	"time"

	"github.com/vsynth/vsynth/smt"
)

func bv8(name string) *smt.Term { return smt.Var(name, smt.BitVecSort(8)) }

func TestCheckAndModel(t *testing.T) {
	s := New()
	defer s.Close()
	x := bv8("x")
	// x*x == 0x11 has the solution x = 0x17 (and others); the model must
	// satisfy it.
	if err := s.Assert(smt.Eq(smt.BVMul(x, x), smt.BVInt(8, 0x11))); err != nil {
		t.Fatal(err)
	}
	r, err := s.Check(context.Background(), smt.Limits{})
	if err != nil || r != smt.Sat {
		t.Fatalf("check = %v, %v; want sat", r, err)
	}
	m, err := s.Model()
	if err != nil {
		t.Fatal(err)
	}
	v, err := m.Eval(x)
	if err != nil {
		t.Fatal(err)
	}
	got := v.Value().Int64()
	if (got*got)&0xff != 0x11 {
		t.Errorf("model x = %d: x*x = %#x, want 0x11", got, (got*got)&0xff)
	}
	// A term with sharing, a Boolean, and a variable the query does not
	// mention (model completion: 0).
	sq := smt.BVAdd(x, x)
	e, err := m.Eval(smt.BVAdd(sq, sq))
	if err != nil || e.Value().Int64() != (4*got)&0xff {
		t.Errorf("eval 4x = %v, %v; want %d", e, err, (4*got)&0xff)
	}
	b, err := m.Eval(smt.BVUlt(x, smt.BVInt(8, 0)))
	if err != nil || !b.IsFalse() {
		t.Errorf("eval x < 0 = %v, %v; want false", b, err)
	}
	y, err := m.Eval(smt.BVAdd(bv8("unmentioned"), smt.BVInt(8, 3)))
	if err != nil || y.Value().Int64() != 3 {
		t.Errorf("eval unmentioned+3 = %v, %v; want 3", y, err)
	}
}

func TestPushPop(t *testing.T) {
	s := New()
	defer s.Close()
	x := bv8("x")
	s.Assert(smt.BVUlt(x, smt.BVInt(8, 10)))
	s.Push()
	s.Assert(smt.BVUlt(smt.BVInt(8, 20), x))
	if r, err := s.Check(context.Background(), smt.Limits{}); err != nil || r != smt.Unsat {
		t.Fatalf("inner check = %v, %v; want unsat", r, err)
	}
	if _, err := s.Model(); err == nil {
		t.Error("model after unsat: want an error")
	}
	s.Pop()
	if r, err := s.Check(context.Background(), smt.Limits{}); err != nil || r != smt.Sat {
		t.Fatalf("outer check = %v, %v; want sat", r, err)
	}
	if err := s.Pop(); err == nil {
		t.Error("pop without push: want an error")
	}
}

func TestArrays(t *testing.T) {
	s := New()
	defer s.Close()
	a := smt.Var("a", smt.ArraySort(smt.BitVecSort(8), smt.BitVecSort(8)))
	i := bv8("i")
	st := smt.Store(a, i, smt.BVInt(8, 7))
	s.Assert(smt.Not(smt.Eq(smt.Select(st, i), smt.BVInt(8, 7))))
	if r, err := s.Check(context.Background(), smt.Limits{}); err != nil || r != smt.Unsat {
		t.Fatalf("read over write = %v, %v; want unsat", r, err)
	}
}

// hard is a query Z3 cannot decide quickly: the factoring of a 64-bit
// semiprime into factors greater than one.
func hard() *smt.Term {
	p, q := smt.Var("p", smt.BitVecSort(64)), smt.Var("q", smt.BitVecSort(64))
	one := smt.BVInt(64, 1)
	lim := smt.BVUint(64, 1<<32)
	return smt.And(
		smt.Eq(smt.BVMul(p, q), smt.BVUint(64, 18446744030759878681)),
		smt.BVUlt(one, p), smt.BVUlt(one, q), smt.BVUlt(p, lim), smt.BVUlt(q, lim),
	)
}

func TestLimits(t *testing.T) {
	s := New()
	defer s.Close()
	s.Assert(hard())
	r, err := s.Check(context.Background(), smt.Limits{RLimit: 20000})
	if err != nil || r != smt.Unknown || s.ReasonUnknown() != "max. resource limit exceeded" {
		t.Errorf("rlimit check = %v, %v, %q; want unknown for the resource limit", r, err, s.ReasonUnknown())
	}
	r, err = s.Check(context.Background(), smt.Limits{Timeout: 100 * time.Millisecond})
	if err != nil || r != smt.Unknown || s.ReasonUnknown() != "timeout" {
		t.Errorf("timed check = %v, %v, %q; want unknown for the timeout", r, err, s.ReasonUnknown())
	}
	// Cancellation kills the process; the next check starts another.
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	r, err = s.Check(ctx, smt.Limits{})
	if err != nil || r != smt.Unknown || s.ReasonUnknown() != "canceled" {
		t.Errorf("canceled check = %v, %v, %q; want unknown, canceled", r, err, s.ReasonUnknown())
	}
	s.Push()
	s.Assert(smt.False())
	if r, err := s.Check(context.Background(), smt.Limits{}); err != nil || r != smt.Unsat {
		t.Errorf("check after a cancellation = %v, %v; want unsat", r, err)
	}
}

func TestVersion(t *testing.T) {
	if v := Version(); v == "unavailable" || v == "" {
		t.Fatalf("Version() = %q: z3 does not run (the setup installs it)", v)
	}
}

// TestEvalUnmentionedArray: a term over an array the query does not
// mention is evaluated with that array 0 everywhere.
func TestEvalUnmentionedArray(t *testing.T) {
	s := New()
	defer s.Close()
	x := bv8("x")
	s.Assert(smt.Eq(x, smt.BVInt(8, 5)))
	if r, err := s.Check(context.Background(), smt.Limits{}); err != nil || r != smt.Sat {
		t.Fatalf("check = %v, %v", r, err)
	}
	m, _ := s.Model()
	mem := smt.Var("mem", smt.ArraySort(smt.BitVecSort(8), smt.BitVecSort(8)))
	v, err := m.Eval(smt.BVAdd(smt.Select(smt.Store(mem, x, smt.BVInt(8, 9)), smt.BVInt(8, 5)), smt.Select(mem, smt.BVInt(8, 1))))
	if err != nil || v.Value().Int64() != 9 {
		t.Errorf("eval = %v, %v; want 9", v, err)
	}
}

// TestEvalLambda: a term with a lambda (vsynth's array updates) is
// evaluated, as libz3's model evaluation does.
func TestEvalLambda(t *testing.T) {
	s := New()
	defer s.Close()
	x := bv8("x")
	s.Assert(smt.Eq(x, smt.BVInt(8, 5)))
	if r, err := s.Check(context.Background(), smt.Limits{}); err != nil || r != smt.Sat {
		t.Fatalf("check = %v, %v", r, err)
	}
	m, _ := s.Model()
	i := bv8("i")
	f := smt.Lambda(i, smt.BVAdd(i, x))
	v, err := m.Eval(smt.Select(f, smt.BVInt(8, 3)))
	if err != nil || v.Value().Int64() != 8 {
		t.Errorf("eval = %v, %v; want 8", v, err)
	}
}
