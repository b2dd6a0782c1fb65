package z3proc

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vsynth/vsynth/smt"
)

// stringsDiffer is the query shape of a Go string comparison that can be
// false (two strings of the same length n > 0 at different addresses,
// compared as lambdas over memory): satisfiable. Z3 4.13.3's smt tactic
// answers it unknown ("incomplete (theory array)"); 4.8.12's, and 4.13.3's
// default solver, answer sat.
func stringsDiffer() []*smt.Term {
	idx, byt := smt.BitVecSort(64), smt.BitVecSort(8)
	mem := smt.Var("!mem0.str", smt.ArraySort(idx, byt))
	n, p, q := smt.Var("n", idx), smt.Var("p", idx), smt.Var("q", idx)
	bytes := func(name string, base *smt.Term) *smt.Term {
		k := smt.Var(name, idx)
		return smt.Lambda(k, smt.Ite(smt.BVUlt(k, n), smt.Select(mem, smt.BVAdd(base, k)), smt.BVInt(8, 0)))
	}
	return []*smt.Term{
		smt.BVUlt(smt.BVInt(64, 0), n), smt.BVUlt(n, smt.BVInt(64, 16)),
		smt.Not(smt.Eq(bytes("k!1", p), bytes("k!2", q))),
	}
}

// TestLambdaQuerySat decides stringsDiffer with the Z3 under test (run it
// with VSYNTH_TEST_Z3=/opt/z3-trixie/bin/z3, scripts/z3-debian.sh, for
// 4.13.3, where it takes the (check-sat) fallback) and checks the model.
func TestLambdaQuerySat(t *testing.T) {
	s := New()
	defer s.Close()
	for _, a := range stringsDiffer() {
		s.Assert(a)
	}
	r, err := s.Check(context.Background(), smt.Limits{RLimit: 30000000})
	if err != nil || r != smt.Sat {
		t.Fatalf("check = %v (%s), %v; want sat", r, s.ReasonUnknown(), err)
	}
	m, err := s.Model()
	if err != nil {
		t.Fatal(err)
	}
	// Z3's (eval) does not decide an equation of lambdas: the model is
	// checked byte by byte.
	idx := smt.BitVecSort(64)
	mem := smt.Var("!mem0.str", smt.ArraySort(idx, smt.BitVecSort(8)))
	n, p, q := smt.Var("n", idx), smt.Var("p", idx), smt.Var("q", idx)
	nv, err := m.Eval(n)
	if err != nil || nv.Value().Int64() <= 0 || nv.Value().Int64() >= 16 {
		t.Fatalf("model n = %v (%v), want 0 < n < 16", nv, err)
	}
	differ := false
	for i := int64(0); i < nv.Value().Int64(); i++ {
		a, err1 := m.Eval(smt.Select(mem, smt.BVAdd(p, smt.BVInt(64, i))))
		b, err2 := m.Eval(smt.Select(mem, smt.BVAdd(q, smt.BVInt(64, i))))
		if err1 != nil || err2 != nil {
			t.Fatal(err1, err2)
		}
		differ = differ || a.Value().Cmp(b.Value()) != 0
	}
	if !differ {
		t.Errorf("the model's strings are equal")
	}
}

// TestLambdaFallback runs a scripted z3 that gives up on every query
// with a lambda, and answers sat once the lambdas are gone: a query with
// a lambda is asked again without them, and that answer stands; one
// without a lambda, or an unknown for a limit, is not asked again.
func TestLambdaFallback(t *testing.T) {
	dir := t.TempDir()
	log := filepath.Join(dir, "log")
	fake := filepath.Join(dir, "z3")
	// Reads commands line by line and logs them: a check is unknown for
	// the reason in $REASON if its query has a lambda, else sat.
	script := `#!/bin/sh
lam=0
while IFS= read -r line; do
  echo "$line" >> ` + log + `
  case "$line" in
  "(reset)") lam=0 ;;
  *"(lambda "*) lam=1 ;;
  "(check-sat-using"*) if [ $lam = 1 ]; then echo unknown; else echo sat; fi ;;
  "(get-info :reason-unknown)") echo "(:reason-unknown \"$REASON\")" ;;
  esac
done
`
	if err := os.WriteFile(fake, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	saved := Command
	Command = fake
	defer func() { Command = saved }()
	x := bv8("x")
	plain := []*smt.Term{smt.BVUlt(x, smt.BVInt(8, 3))}
	cases := []struct {
		name   string
		as     []*smt.Term
		reason string
		want   smt.Result
		checks int // checks sent
	}{
		{"lambda, incomplete", stringsDiffer(), "smt tactic failed to show goal to be sat/unsat (incomplete (theory array))", smt.Sat, 2},
		{"lambda, resource limit", stringsDiffer(), "max. resource limit exceeded", smt.Unknown, 1},
		{"lambda, timeout", stringsDiffer(), "timeout", smt.Unknown, 1},
		{"no lambda", plain, "incomplete", smt.Sat, 1},
	}
	for _, c := range cases {
		os.Remove(log)
		t.Setenv("REASON", c.reason)
		s := New()
		for _, a := range c.as {
			s.Assert(a)
		}
		r, err := s.Check(context.Background(), smt.Limits{RLimit: 1000})
		s.Close()
		if err != nil || r != c.want {
			t.Errorf("%s: check = %v (%s), %v; want %v", c.name, r, s.ReasonUnknown(), err, c.want)
		}
		data, _ := os.ReadFile(log)
		if n := strings.Count(string(data), "(check-sat-using"); n != c.checks {
			t.Errorf("%s: %d checks sent, want %d:\n%s", c.name, n, c.checks, data)
		}
		if c.checks == 2 && !strings.Contains(string(data), "(declare-fun !lam0 ") {
			t.Errorf("%s: the second check has no array for the lambda:\n%s", c.name, data)
		}
	}
}
