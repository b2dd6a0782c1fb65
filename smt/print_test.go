package smt

import (
	"bytes"
	"fmt"
	"math/big"
	"os/exec"
	"strings"
	"testing"
)

func TestFormat(t *testing.T) {
	x := Var("x", BitVecSort(32))
	y := Var("y", BitVecSort(32))
	p := Var("p", BoolSort())
	b := Var("b", BitVecSort(3))
	cases := []struct {
		t    *Term
		want string
	}{
		{True(), "true"},
		{False(), "false"},
		{BVInt(32, 1), "#x00000001"},
		{BVInt(32, -1), "#xffffffff"},
		{BVInt(3, 5), "#b101"},
		{BVInt(1, 0), "#b0"},
		{BVInt(13, 1), "#b0000000000001"},
		{BVUint(64, 0x8000000000000000), "#x8000000000000000"},
		{BVBig(68, new(big.Int).Lsh(big.NewInt(1), 67)), "#x80000000000000000"},
		{BVAdd(x, BVInt(32, 1)), "(bvadd x #x00000001)"},
		{BVUlt(x, y), "(bvult x y)"},
		{Extract(7, 0, x), "((_ extract 7 0) x)"},
		{ZeroExt(8, x), "((_ zero_extend 8) x)"},
		{SignExt(29, b), "((_ sign_extend 29) b)"},
		{Concat(b, x), "(concat b x)"},
		{And(p, Eq(x, y), BVSle(x, y)), "(and p (= x y) (bvsle x y))"},
		{Or(p, Not(p)), "(or p (not p))"},
		{Implies(p, Xor(p, Eq(x, y))), "(=> p (xor p (= x y)))"},
		{Ite(p, x, BVNeg(BVNot(y))), "(ite p x (bvneg (bvnot y)))"},
		{Forall([]*Term{x}, BVUle(x, y)), "(forall ((x (_ BitVec 32))) (bvule x y))"},
		{Exists([]*Term{x, p}, And(p, Eq(x, y))), "(exists ((x (_ BitVec 32)) (p Bool)) (and p (= x y)))"},
		{Var("p.f", BoolSort()), "p.f"},
		{Var("j!3", BoolSort()), "j!3"},
		{Var("a#0", BoolSort()), "|a#0|"},
	}
	for _, c := range cases {
		if got := Format(c.t); got != c.want {
			t.Errorf("Format = %s, want %s", got, c.want)
		}
		if got := c.t.String(); got != c.want {
			t.Errorf("String = %s, want %s", got, c.want)
		}
	}
}

func TestSymbol(t *testing.T) {
	cases := map[string]string{
		"x":       "x",
		"result":  "result",
		"p.f":     "p.f",
		"j!3":     "j!3",
		"a#0":     "|a#0|",
		"a b":     "|a b|",
		"3x":      "|3x|",
		"":        "%",
		"and":     "%and",
		"true":    "%true",
		"bvadd":   "%bvadd",
		"str.len": "%str.len",
		"x|y":     "%x%7Cy",
		`x\y`:     "%x%5Cy",
		"100%":    "%100%25",
		"@x":      "%@x",
		".x":      "%.x",
		"héllo":   "%h%C3%A9llo",
		"a\nb":    "%a%0Ab",
		"a#%":     "|%a#%25|",
	}
	for name, want := range cases {
		if got := symbol(name); got != want {
			t.Errorf("symbol(%q) = %s, want %s", name, got, want)
		}
	}
}

// solvers are the command lines of the SMT solvers every printed script
// is checked with.
var solvers = [][]string{
	{"z3", "-in"},
	{"cvc5", "--lang=smt2"},
}

// runSolvers runs script through z3 and cvc5 and checks that both print
// want ("sat" or "unsat") and nothing else.
func runSolvers(t *testing.T, script, want string) {
	t.Helper()
	for _, argv := range solvers {
		runSolver(t, argv, script, want)
	}
}

func runSolver(t *testing.T, argv []string, script, want string) {
	t.Helper()
	{
		cmd := exec.Command(argv[0], argv[1:]...)
		cmd.Stdin = strings.NewReader(script)
		out, err := cmd.CombinedOutput()
		got := strings.TrimSpace(string(out))
		if err != nil || got != want {
			t.Errorf("%s: got %q (err %v), want %s; script:\n%s", argv[0], got, err, want, script)
		}
	}
}

// runSolversBatch checks many scripts with one process per solver: the
// scripts run one after the other, separated by (reset), and each must
// print want. Starting a solver costs far more than these small checks,
// and far more again on a loaded machine, where a process per script took
// this package past go test's 10-minute limit.
func runSolversBatch(t *testing.T, scripts []string, want string) {
	t.Helper()
	// Each script ends with (exit), which would end the batch.
	parts := make([]string, len(scripts))
	for i, sc := range scripts {
		parts[i] = strings.TrimSuffix(strings.TrimSpace(sc), "(exit)")
	}
	batch := strings.Join(parts, "\n(reset)\n") + "\n(exit)\n"
	for _, argv := range solvers {
		cmd := exec.Command(argv[0], argv[1:]...)
		cmd.Stdin = strings.NewReader(batch)
		out, err := cmd.CombinedOutput()
		lines := strings.Fields(strings.TrimSpace(string(out)))
		if err != nil || len(lines) != len(scripts) {
			t.Errorf("%s: %d answers to %d scripts (err %v):\n%s", argv[0], len(lines), len(scripts), err, out)
			continue
		}
		for i, got := range lines {
			if got != want {
				t.Errorf("%s: script %d: got %q, want %s; script:\n%s", argv[0], i, got, want, scripts[i])
			}
		}
	}
}

func script(t *testing.T, logic string, as ...*Term) string {
	t.Helper()
	var b bytes.Buffer
	if err := WriteScript(&b, logic, as); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestWriteScript(t *testing.T) {
	x := Var("x", BitVecSort(8))
	p := Var("a#0", BoolSort())
	s := BVAdd(x, BVInt(8, 1))
	as := []*Term{Eq(BVAdd(s, s), BVInt(8, 10)), Implies(p, BVUlt(s, BVInt(8, 5)))}
	var b bytes.Buffer
	if err := WriteScript(&b, "QF_BV", as, "obligation 1", "two\nlines"); err != nil {
		t.Fatal(err)
	}
	want := `; obligation 1
; two
; lines
(set-logic QF_BV)
(declare-fun x () (_ BitVec 8))
(declare-fun |a#0| () Bool)
(define-fun %1 () (_ BitVec 8) (bvadd x #x01))
(assert (= (bvadd %1 %1) #x0a))
(assert (=> |a#0| (bvult %1 #x05)))
(check-sat)
(exit)
`
	if got := b.String(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	runSolvers(t, want, "sat")
	runSolvers(t, script(t, "QF_BV", append(as, p)...), "unsat")

	// Not a formula.
	if err := WriteScript(&b, "QF_BV", []*Term{x}); err == nil {
		t.Error("WriteScript accepted a bit-vector assertion")
	}
	// One name, two sorts.
	if err := WriteScript(&b, "QF_BV", []*Term{Eq(x, x), Var("x", BoolSort())}); err != nil {
		t.Errorf("Eq(x, x) folds to true, so x is not declared: %v", err)
	}
	if err := WriteScript(&b, "QF_BV", []*Term{Eq(x, BVInt(8, 0)), Var("x", BoolSort())}); err == nil {
		t.Error("WriteScript accepted x at two sorts")
	}
}

// TestWriteScriptSharing prints DAGs whose trees have 2^60 leaves.
func TestWriteScriptSharing(t *testing.T) {
	// x_{i+1} = x_i + x_i: x_60 = x * 2^60, zero exactly when the low 4
	// bits of x are. Only z3 runs this one: cvc5's rewriter flattens the
	// nested bvadds into one application with 2^60 operands and runs out
	// of memory, whatever the printing.
	x := Var("x", BitVecSort(64))
	e := x
	for i := 0; i < 60; i++ {
		e = BVAdd(e, e)
	}
	s := script(t, "QF_BV", Not(Eq(e, BVInt(64, 0))), BVUlt(x, BVInt(64, 16)))
	if len(s) > 4000 {
		t.Errorf("script of %d bytes for a DAG of 61 nodes", len(s))
	}
	if n := strings.Count(s, "define-fun"); n != 59 {
		t.Errorf("%d define-funs, want 59", n)
	}
	runSolver(t, solvers[0], s, "sat")
	runSolver(t, solvers[0], script(t, "QF_BV", Not(Eq(e, BVShl(x, BVInt(64, 60))))), "unsat")

	// x_{i+1} = x_i ^ (x_i << 1): multiplication by the invertible
	// polynomial (1+t)^60 over GF(2)[t]/t^16, so x_60 = 0 iff x = 0.
	y := Var("y", BitVecSort(16))
	e = y
	for i := 0; i < 60; i++ {
		e = BVXor(e, BVShl(e, BVInt(16, 1)))
	}
	zero := BVInt(16, 0)
	s = script(t, "QF_BV", Eq(e, zero), Not(Eq(y, zero)))
	if len(s) > 4000 {
		t.Errorf("script of %d bytes for a DAG of 121 nodes", len(s))
	}
	runSolvers(t, s, "unsat")
	runSolvers(t, script(t, "QF_BV", Eq(e, BVInt(16, 1))), "sat")

	// The same DAG under a quantifier over y: the shared terms mention
	// the bound y and must be let-bound inside the quantifier.
	q := Forall([]*Term{y}, Implies(Eq(e, zero), Eq(y, zero)))
	s = script(t, Logic([]*Term{q}), q)
	if strings.Contains(s, "define-fun") || strings.Contains(s, "declare-fun") {
		t.Errorf("bound terms escaped their quantifier:\n%s", s)
	}
	if len(s) > 4000 {
		t.Errorf("script of %d bytes for a DAG of 121 nodes", len(s))
	}
	runSolvers(t, s, "sat")
	runSolvers(t, script(t, "BV", Not(q)), "unsat")
}

// TestWriteScriptScopes shares subterms between the inside and the outside
// of quantifiers that bind a variable of the same name.
func TestWriteScriptScopes(t *testing.T) {
	x := Var("x", BitVecSort(8))
	y := Var("y", BitVecSort(8))
	one := BVInt(8, 1)
	s := BVAdd(x, one) // x+1 with x free outside, bound inside
	k := BVMul(y, y)   // mentions no bound variable
	// Outside: x+1 + x+1 = 10, so x is 4 or 132. Inside: some x has
	// x+1 + x+1 = 20. If the inner x+1 were the outer one, this would be
	// unsat.
	outer := Eq(BVAdd(s, s), BVInt(8, 10))
	inner := Exists([]*Term{x}, And(Eq(BVAdd(s, s), BVInt(8, 20)), Eq(k, k), BVUle(k, BVAdd(k, s))))
	as := []*Term{outer, inner, BVUle(k, BVInt(8, 200)), Eq(BVAdd(k, one), BVAdd(k, one))}
	got := script(t, Logic(as), as...)
	want := `(set-logic BV)
(declare-fun x () (_ BitVec 8))
(declare-fun y () (_ BitVec 8))
(define-fun %1 () (_ BitVec 8) (bvadd x #x01))
(define-fun %3 () (_ BitVec 8) (bvmul y y))
(assert (= (bvadd %1 %1) #x0a))
(assert (exists ((x (_ BitVec 8))) (let ((%2 (bvadd x #x01))) (and (= (bvadd %2 %2) #x14) (bvule %3 (bvadd %3 %2))))))
(assert (bvule %3 #xc8))
(assert (= (bvadd %3 #x01) (bvadd %3 #x01)))
(check-sat)
(exit)
`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	runSolvers(t, got, "sat")
	// With outer x fixed to 4 and inner x+1+x+1 = 20, still sat; with the
	// inner equation made impossible for every x (x+1+x+1 is even), unsat.
	bad := Exists([]*Term{x}, Eq(BVAdd(s, s), BVInt(8, 21)))
	runSolvers(t, script(t, "BV", outer, bad), "unsat")

	// Nested quantifiers: a term over the outer bound x used twice under an
	// inner quantifier binding z is let-bound in the outer body; one over z
	// in the inner body, after the lets it depends on.
	z := Var("z", BitVecSort(8))
	sz := BVAdd(s, z)
	m := BVMul(s, s)    // mentions the bound x
	mz := BVMul(sz, sz) // mentions the bound x and z
	nested := Forall([]*Term{x}, Exists([]*Term{z}, And(BVUle(m, BVOr(m, z)), Eq(BVAdd(sz, sz), BVAdd(s, s)), BVUle(mz, BVOr(mz, m)))))
	got = script(t, "BV", nested)
	want = `(set-logic BV)
(assert (forall ((x (_ BitVec 8))) (let ((%1 (bvadd x #x01))) (let ((%2 (bvmul %1 %1))) (exists ((z (_ BitVec 8))) (let ((%3 (bvadd %1 z))) (let ((%4 (bvmul %3 %3))) (and (bvule %2 (bvor %2 z)) (= (bvadd %3 %3) (bvadd %1 %1)) (bvule %4 (bvor %4 %2))))))))))
(check-sat)
(exit)
`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	runSolvers(t, got, "sat")

	// Independent lets share one parallel let.
	a, b := BVMul(x, x), BVMul(x, BVInt(8, 3))
	par := Forall([]*Term{x}, Eq(BVAdd(a, b), BVAdd(b, a)))
	got = script(t, "BV", par)
	if !strings.Contains(got, "(let ((%1 (bvmul x x)) (%2 (bvmul x #x03))) (= (bvadd %1 %2) (bvadd %2 %1)))") {
		t.Errorf("got\n%s", got)
	}
	runSolvers(t, got, "sat")
}

func TestWriteScriptDeterministic(t *testing.T) {
	build := func() []*Term {
		var vs []*Term
		for i := 0; i < 50; i++ {
			vs = append(vs, Var(fmt.Sprintf("v%d", i), BitVecSort(16)))
		}
		x := Var("x", BitVecSort(16))
		var as []*Term
		acc := vs[0]
		for i, v := range vs[1:] {
			acc = BVXor(BVAdd(acc, v), BVMul(acc, BVInt(16, int64(i))))
			as = append(as, BVUle(acc, v), Forall([]*Term{x}, BVUle(BVAnd(x, acc), BVOr(acc, x))))
		}
		return as
	}
	first := script(t, "BV", build()...)
	for i := 0; i < 5; i++ {
		if s := script(t, "BV", build()...); s != first {
			t.Fatal("WriteScript is not deterministic")
		}
	}
}

func TestVarsAndLogic(t *testing.T) {
	x := Var("x", BitVecSort(8))
	x2 := Var("x", BitVecSort(8))
	y := Var("y", BitVecSort(8))
	z := Var("z", BitVecSort(8))
	p := Var("p", BoolSort())
	f := And(p, Forall([]*Term{z, x}, BVUle(BVAdd(z, x), y)), Eq(x2, y))
	var names []string
	for _, v := range Vars(f) {
		names = append(names, v.Name())
	}
	if got := strings.Join(names, " "); got != "p y x" {
		t.Errorf("Vars = %s, want p y x", got)
	}
	if got := len(Vars(True(), Eq(x, y), Eq(x2, BVInt(8, 0)))); got != 2 {
		t.Errorf("Vars dedup: %d vars, want 2", got)
	}
	if Logic([]*Term{Eq(x, y)}) != "QF_BV" || Logic([]*Term{Eq(x, y), f}) != "BV" {
		t.Error("Logic")
	}
}

// TestSymbolsParse declares variables with awkward names and checks that
// both solvers accept them under the logics we print.
func TestSymbolsParse(t *testing.T) {
	names := []string{"x", "result", "p.f", "j!3", "a#0", "a b", "3x", "", "and", "true", "false",
		"bvadd", "bvsmod", "str.len", "x|y", `x\y`, "100%", "@x", ".x", "héllo", "a\nb", "let",
		"abs", "select", "is", "char", "sin", "fp.add", "re.all", "Int", "%1", "_", "!", "-", "=>"}
	var as []*Term
	for i, n := range names {
		as = append(as, Eq(Var(n, BitVecSort(8)), BVInt(8, int64(i))))
	}
	var b bytes.Buffer
	if err := WriteScript(&b, "QF_BV", as); err != nil {
		t.Fatal(err)
	}
	runSolvers(t, b.String(), "sat")
	b.Reset()
	if err := WriteScript(&b, "ALL", as); err != nil {
		t.Fatal(err)
	}
	runSolvers(t, b.String(), "sat")
	// Distinct names stay distinct variables.
	var scripts []string
	for i, n := range names {
		as = append(as, Eq(Var(n, BitVecSort(8)), BVInt(8, int64(i+1))))
		scripts = append(scripts, script(t, "QF_BV", as...))
		as = as[:len(as)-1]
	}
	runSolversBatch(t, scripts, "unsat")
}

// TestPrintOperators prints every operator on variables fixed to constants
// and asks both solvers whether the result can differ from the folded
// constant.
func TestPrintOperators(t *testing.T) {
	var scripts []string
	for _, w := range []int{1, 3, 8, 13} {
		x, y := Var("x", BitVecSort(w)), Var("y", BitVecSort(w))
		vals := []*big.Int{big.NewInt(0), big.NewInt(1), new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), uint(w)), big.NewInt(1)), new(big.Int).Lsh(big.NewInt(1), uint(w-1)), big.NewInt(5)}
		for _, av := range vals {
			for _, bv := range vals {
				a, b := BVBig(w, av), BVBig(w, bv)
				var diffs []*Term
				for op := OpBVAdd; op <= OpBVAShr; op++ {
					diffs = append(diffs, Not(Eq(BVBinary(op, x, y), BVBinary(op, a, b))))
				}
				for _, f := range []func(a, b *Term) *Term{BVUlt, BVUle, BVSlt, BVSle} {
					diffs = append(diffs, Xor(f(x, y), f(a, b)))
				}
				diffs = append(diffs,
					Not(Eq(BVNeg(x), BVNeg(a))), Not(Eq(BVNot(x), BVNot(a))),
					Not(Eq(Concat(x, y), Concat(a, b))),
					Not(Eq(ZeroExt(3, x), ZeroExt(3, a))), Not(Eq(SignExt(3, x), SignExt(3, a))),
					Not(Eq(Extract(w-1, w-1, x), Extract(w-1, w-1, a))),
					Not(Eq(Ite(BVUlt(x, y), x, y), Ite(BVUlt(a, b), a, b))))
				scripts = append(scripts, script(t, "QF_BV", Eq(x, a), Eq(y, b), Or(diffs...)))
			}
		}
	}
	runSolversBatch(t, scripts, "unsat")
}
