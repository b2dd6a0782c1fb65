package gentest

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/vsynth/vsynth/internal/provetest"
	"github.com/vsynth/vsynth/internal/testmod"
	"github.com/vsynth/vsynth/internal/testsolver"
	"github.com/vsynth/vsynth/ssa"

	"github.com/vsynth/vsynth/smt"
)

// TestGenClauseCalls generates contracts whose clauses call helper
// functions of the module — some only read, some write what they allocate,
// some write the memory their arguments lead to (directly, through a
// struct, by append or copy into spare capacity, in a callee, only on some
// inputs), some loop for as long as their argument says — and checks the
// class of issue 16 items 2 and 10:
//
//   - a clause (requires or ensures, under && || ==> or not) that calls a
//     helper that may write its arguments' memory is unsupported, naming
//     the call: never proved, never failed;
//   - any other verdict is Go's: every counterexample is replayed in
//     compiled Go (internal/provetest/replay.go), and every proved contract is checked
//     in compiled Go on a grid of inputs (requires evaluated, the function
//     called on what they left, ensures evaluated: it must hold and not
//     panic) — a writing clause that were proved would be caught here too;
//   - a loop in a helper that may run past the unrolling bound leaves the
//     clause unknown unless a counterexample on which it ends exists (one
//     on which it does not would make the replay loop until go test's
//     timeout).
//
// VSYNTH_LONG=1 generates more contracts; VSYNTH_CLAUSECALLS_SEED picks
// the seed.
func TestGenClauseCalls(t *testing.T) {
	n := 14
	if os.Getenv("VSYNTH_LONG") != "" {
		n = 150
	}
	seed := testmod.EnvUint(t, "VSYNTH_CLAUSECALLS_SEED", 1)
	g := &ccGen{r: rand.New(rand.NewPCG(seed, 16))}
	var targets []*ccTarget
	for i := range n {
		targets = append(targets, g.target(i))
	}
	dir := t.TempDir()
	writeCCModule(t, dir, targets)

	prog, err := ssa.Load(ssa.LoadConfig{Dir: dir}, []string{"./..."})
	if err != nil {
		t.Fatalf("load the generated module: %v", err)
	}
	results, err := prog.Prove(context.Background(), prog.Targets, ssa.Options{
		Limits:    smt.Limits{Timeout: 10 * time.Second},
		NewSolver: testsolver.New,
	})
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]*ssa.FuncResult{}
	for _, r := range results {
		byName[r.Target.Func.Name()] = r
	}
	counts := map[ssa.Verdict]int{}
	var proved []*ccTarget
	for _, tg := range targets {
		r := byName[tg.name]
		if r == nil {
			t.Fatalf("%s was not checked", tg.name)
		}
		counts[r.Verdict]++
		rejected := r.Verdict == ssa.Unsupported && strings.Contains(r.Reason, "may write memory it did not allocate")
		switch {
		case tg.writes && !rejected:
			t.Errorf("%s calls a helper that writes its arguments' memory in a clause, but is %s (%s)\n%s", tg.name, r.Verdict, r.Reason, tg.src)
		case !tg.writes && r.Verdict == ssa.Unsupported:
			t.Errorf("%s calls no writing helper, but is unsupported: %s\n%s", tg.name, r.Reason, tg.src)
		}
		if r.Verdict == ssa.Proved {
			proved = append(proved, tg)
		}
	}
	cases := provetest.FailedCases(results)
	for _, c := range cases {
		t.Logf("%s failed: %s %s on %v\n%s", c.Res.Target.Func.Name(), c.Ob.Kind, c.Ob.Clause, c.Ob.Counterexample.Inputs, ccSource(targets, c.Res.Target.Func.Name()))
	}
	replayed := provetest.Replay(t, prog, dir, cases)
	checked := checkCCInGo(t, dir, proved)
	t.Logf("seed %d: %d contracts: %d proved (%d input sets checked in Go), %d failed (%d counterexamples replayed), %d unknown, %d unsupported",
		seed, len(targets), counts[ssa.Proved], checked, counts[ssa.Failed], replayed, counts[ssa.Unknown], counts[ssa.Unsupported])
}

// ccHelper is a helper function the clauses call: they all take the
// parameters of the targets (p *int, a []int, b *Box, x int) and return
// an int.
type ccHelper struct {
	name, body string
	writes     bool     // it may write memory its arguments lead to
	facts      []string // clauses true of {call}, the helper applied to {arg}, when it writes nothing the caller sees
}

var ccHelpers = []ccHelper{
	// Readers.
	{"rdP", "if p == nil {\n\t\treturn 0\n\t}\n\treturn *p", false, []string{"p == nil || {call} == *p", "p != nil || {call} == 0"}},
	{"rdA", "if len(a) == 0 {\n\t\treturn -1\n\t}\n\treturn a[0]", false, []string{"len(a) == 0 || {call} == a[0]"}},
	{"rdB", "if b == nil {\n\t\treturn 0\n\t}\n\treturn b.V", false, []string{"b == nil || {call} == b.V"}},
	{"arith", "return x*3 + 1", false, []string{"{call} == {arg}*3+1"}},
	{"sumA", "s := 0\n\tfor _, v := range a {\n\t\ts += v\n\t}\n\treturn s", false, []string{"len(a) != 1 || {call} == a[0]"}},
	// Loops: as long as x says (past any bound), or at most 5 times.
	{"cntX", "i := 0\n\tfor i < x {\n\t\ti++\n\t}\n\treturn i", false, []string{"{call} == max({arg}, 0)"}},
	{"cnt5", "i := 0\n\tfor i < x && i < 5 {\n\t\ti++\n\t}\n\treturn i", false, []string{"{call} == min(max({arg}, 0), 5)"}},
	// Writers of memory they allocated.
	{"local", "t := [3]int{x, 1, 2}\n\tt[x&1] = 7\n\treturn t[0] + t[1]", false, []string{"{arg}&1 == 0 || {call} == {arg}+7", "{arg}&1 != 0 || {call} == 8"}},
	{"newp", "q := new(int)\n\t*q = x\n\treturn *q + 1", false, []string{"{call} == {arg}+1"}},
	{"mk", "s := make([]int, 2)\n\ts[1] = x\n\ts = append(s, x)\n\treturn s[1] + len(s)", false, []string{"{call} == {arg}+3"}},
	{"fillLocal", "s := make([]int, 2)\n\tsetAll(s, x)\n\treturn s[0] + s[1]", false, []string{"{call} == 2*{arg}"}},
	{"copyLocal", "s := []int{0, 0}\n\tn := copy(s, a)\n\treturn n + s[0]", false, []string{"len(a) == 0 || {call} == min(len(a), 2)+a[0]"}},
	// Writers of their arguments' memory: the facts hold if the writes
	// are dropped (as vsynth once did), not in Go.
	{"incP", "if p == nil {\n\t\treturn 0\n\t}\n\t*p++\n\treturn *p", true, []string{"p == nil || {call} == *p+1"}},
	{"setA", "if len(a) == 0 {\n\t\treturn 0\n\t}\n\ta[0] = x\n\treturn 1", true, []string{"len(a) == 0 || {call} == 1 && a[0] == old(a[0])"}},
	{"setB", "if b == nil {\n\t\treturn 0\n\t}\n\tb.V = x\n\treturn b.V", true, []string{"b == nil || {call} == {arg} && b.V == old(b.V)"}},
	{"appA", "a = append(a, x)\n\treturn len(a)", true, []string{"{call} == len(a)+1"}},
	{"cpA", "return copy(a, []int{x})", true, []string{"len(a) == 0 || {call} == 1 && a[0] == old(a[0])"}},
	{"viaInc", "return incP(p, a, b, x) + 1", true, []string{"p == nil || {call} == *p+2"}},
	{"swapA", "if len(a) < 2 {\n\t\treturn 0\n\t}\n\ta[0], a[1] = a[1], a[0]\n\treturn a[0]", true, []string{"len(a) < 2 || {call} == a[1] && a[0] == old(a[0])"}},
	{"fillArg", "setAll(a, x)\n\treturn 0", true, []string{"{call} == 0 && (len(a) == 0 || a[0] == old(a[0]))"}},
	{"sometimes", "if x > 100 && p != nil {\n\t\t*p = x\n\t}\n\treturn 0", true, []string{"{call} == 0"}},
}

// ccTarget is one generated function with its contract.
type ccTarget struct {
	name     string
	requires []ccClause
	ensures  []ccClause
	body     string
	writes   bool // a clause calls a helper that writes its arguments' memory
	src      string
}

// ccClause is a clause as the spec writes it and as Go evaluates it.
type ccClause struct{ spec, goExpr string }

type ccGen struct {
	r      *rand.Rand
	writer bool // the target being generated is to call a writing helper
	writes bool // it does
}

var ccBodies = []string{
	"return x",
	"return 0",
	"if p != nil {\n\t\treturn *p\n\t}\n\treturn x",
	"if len(a) > 0 {\n\t\treturn a[0]\n\t}\n\treturn 1",
	"if p != nil {\n\t\t*p = x\n\t}\n\treturn x",
	"if b != nil {\n\t\treturn b.V + x\n\t}\n\treturn x*3 + 1",
}

// target generates a contract; one in three calls a writing helper, once,
// in a requires or an ensures clause.
func (g *ccGen) target(i int) *ccTarget {
	g.writer = g.r.IntN(3) == 0
	for {
		tg := g.try(i)
		if tg.writes == g.writer {
			return tg
		}
	}
}

func (g *ccGen) try(i int) *ccTarget {
	tg := &ccTarget{name: fmt.Sprintf("T%d", i), body: ccBodies[g.r.IntN(len(ccBodies))]}
	g.writes = false
	if g.r.IntN(3) == 0 {
		tg.requires = append(tg.requires, g.clause(false))
	}
	// Bounds that keep some loops within the unrolling bound.
	switch g.r.IntN(3) {
	case 0:
		tg.requires = append(tg.requires, ccClause{"-3 <= x && x <= 6 && len(a) <= 3", "-3 <= x && x <= 6 && len(a) <= 3"})
	case 1:
		tg.requires = append(tg.requires, ccClause{"len(a) <= 3", "len(a) <= 3"})
	}
	// Short slices: counterexamples that Go can allocate to replay.
	tg.requires = append(tg.requires, ccClause{"cap(a) <= 4", "cap(a) <= 4"})
	for range 1 + g.r.IntN(2) {
		tg.ensures = append(tg.ensures, g.clause(true))
	}
	tg.writes = g.writes
	var b strings.Builder
	for _, c := range tg.requires {
		fmt.Fprintf(&b, "//vsynth:requires %s\n", c.spec)
	}
	for _, c := range tg.ensures {
		fmt.Fprintf(&b, "//vsynth:ensures %s\n", c.spec)
	}
	fmt.Fprintf(&b, "func %s(p *int, a []int, b *Box, x int) int {\n\t%s\n}\n", tg.name, tg.body)
	tg.src = b.String()
	return tg
}

// clause is a boolean clause of one to three atoms joined by && || ==>.
// Half of them state only facts, which hold unless a helper writes.
func (g *ccGen) clause(ensures bool) ccClause {
	if g.writer && !g.writes && g.r.IntN(2) == 0 {
		// A fact of a writing helper alone: true if its writes were
		// dropped, false in Go.
		return g.fact(ensures, true)
	}
	facts := g.r.IntN(2) == 0
	c := g.atom(ensures, facts)
	for range g.r.IntN(3) {
		d := g.atom(ensures, facts)
		switch g.r.IntN(3) {
		case 0:
			c = ccClause{"(" + c.spec + ") && (" + d.spec + ")", "(" + c.goExpr + ") && (" + d.goExpr + ")"}
		case 1:
			c = ccClause{"(" + c.spec + ") || (" + d.spec + ")", "(" + c.goExpr + ") || (" + d.goExpr + ")"}
		default:
			c = ccClause{"(" + c.spec + ") ==> (" + d.spec + ")", "!(" + c.goExpr + ") || (" + d.goExpr + ")"}
		}
	}
	return c
}

// atom compares two integer terms, or reads memory a call may have
// written, or states a fact of a helper.
func (g *ccGen) atom(ensures, fact bool) ccClause {
	switch n := g.r.IntN(8); {
	case fact || n == 2 || n == 3:
		return g.fact(ensures, false)
	case n == 0:
		s := fmt.Sprintf("p == nil || *p == %s", g.term(ensures))
		return ccClause{s, s}
	case n == 1:
		s := fmt.Sprintf("len(a) == 0 || a[0] == %s", g.term(ensures))
		return ccClause{s, s}
	}
	ops := []string{"==", "!=", "<", "<="}
	s := fmt.Sprintf("%s %s %s", g.term(ensures), ops[g.r.IntN(len(ops))], g.term(ensures))
	return ccClause{s, s}
}

// fact states a fact of a helper (a writing one if writer is set): that
// two calls agree, or one of its facts (ccHelper.facts; those with old
// only in ensures clauses).
func (g *ccGen) fact(ensures, writer bool) ccClause {
	h := g.helper()
	for writer && !h.writes {
		h = ccHelpers[g.r.IntN(len(ccHelpers))]
	}
	if h.writes {
		g.writes = true
	}
	arg := g.arg(ensures)
	call := fmt.Sprintf("%s(p, a, b, %s)", h.name, arg)
	fact := "{call} == {call}"
	if g.r.IntN(3) > 0 {
		fact = h.facts[g.r.IntN(len(h.facts))]
	}
	if !ensures && strings.Contains(fact, "old(") {
		fact = "{call} == {call}"
	}
	s := strings.NewReplacer("{call}", call, "{arg}", "("+arg+")").Replace(fact)
	// Go reads old values from copies taken on entry (checkCCInGo).
	return ccClause{s, strings.NewReplacer("old(a[0])", "oldA0", "old(b.V)", "oldBV").Replace(s)}
}

// term is an integer term: mostly a helper call.
func (g *ccGen) term(ensures bool) string {
	if g.r.IntN(4) == 0 {
		leaves := []string{"x", "0", "1"}
		if ensures {
			leaves = append(leaves, "result")
		}
		return leaves[g.r.IntN(len(leaves))]
	}
	h := g.helper()
	return fmt.Sprintf("%s(p, a, b, %s)", h.name, g.arg(ensures))
}

// helper picks a helper: a writing one only for a target that is to call
// one and does not yet.
func (g *ccGen) helper() ccHelper {
	for {
		h := ccHelpers[g.r.IntN(len(ccHelpers))]
		if !h.writes || g.writer && !g.writes {
			if h.writes {
				g.writes = true
			}
			return h
		}
	}
}

// arg is the integer argument of a helper call.
func (g *ccGen) arg(ensures bool) string {
	args := []string{"x", "x + 1", "0", "7", "101"}
	if ensures {
		args = append(args, "result")
	}
	return args[g.r.IntN(len(args))]
}

// writeCCModule writes the helpers and the targets as package gen of a
// module in dir.
func writeCCModule(t *testing.T, dir string, targets []*ccTarget) {
	t.Helper()
	testmod.WriteFile(t, filepath.Join(dir, "go.mod"), "module example.com/gencc\n\ngo 1.24\n")
	var b strings.Builder
	b.WriteString("// Code generated by TestGenClauseCalls. DO NOT EDIT.\n\npackage gen\n\n")
	b.WriteString("type Box struct{ V int }\n\nfunc setAll(s []int, v int) {\n\tfor i := range s {\n\t\ts[i] = v\n\t}\n}\n")
	for _, h := range ccHelpers {
		fmt.Fprintf(&b, "\nfunc %s(p *int, a []int, b *Box, x int) int {\n\t%s\n}\n", h.name, h.body)
	}
	for _, tg := range targets {
		b.WriteString("\n" + tg.src)
	}
	testmod.WriteFile(t, filepath.Join(dir, "gen", "gen.go"), b.String())
}

// checkCCInGo runs each proved target in compiled Go on a grid of inputs:
// wherever its requires clauses hold, the function is called (on what
// they left, should they write) and its ensures clauses must hold and not
// panic. It returns the number of input sets on which a target ran.
func checkCCInGo(t *testing.T, dir string, proved []*ccTarget) int {
	t.Helper()
	if len(proved) == 0 {
		return 0
	}
	var b strings.Builder
	b.WriteString("package gen\n\nimport \"fmt\"\n\n")
	b.WriteString(`// ccInputs makes every input set afresh: a call may write them.
func ccInputs() []func() (*int, []int, *Box, int) {
	var out []func() (*int, []int, *Box, int)
	ps := []func() *int{func() *int { return nil }}
	for _, v := range []int{0, 1, -1, 5, 200} {
		ps = append(ps, func() *int { w := v; return &w })
	}
	as := []func() []int{
		func() []int { return nil },
		func() []int { return []int{} },
		func() []int { return []int{0} },
		func() []int { return []int{3, -1} },
		func() []int { return []int{1, 2, 3} },
		func() []int { s := make([]int, 1, 4); s[0] = 9; return s },
	}
	bs := []func() *Box{func() *Box { return nil }, func() *Box { return &Box{} }, func() *Box { return &Box{V: 7} }}
	for _, p := range ps {
		for _, a := range as {
			for _, b := range bs {
				for _, x := range []int{-1, 0, 1, 2, 3, 6, 7, 101} {
					out = append(out, func() (*int, []int, *Box, int) { return p(), a(), b(), x })
				}
			}
		}
	}
	return out
}

func ccHolds(f func() bool) (ok bool, panicked bool) {
	defer func() {
		if recover() != nil {
			ok, panicked = false, true
		}
	}()
	return f(), false
}

func ccShow(p *int, a []int, b *Box, x int) string {
	ps, bs := "nil", "nil"
	if p != nil {
		ps = fmt.Sprintf("&%d", *p)
	}
	if b != nil {
		bs = fmt.Sprintf("&Box{V: %d}", b.V)
	}
	return fmt.Sprintf("p=%s a=%#v (cap %d) b=%s x=%d", ps, a, cap(a), bs, x)
}
`)
	b.WriteString("\n// CCCheck returns what went wrong and how many input sets ran.\nfunc CCCheck() ([]string, int) {\n\tvar bad []string\n\tran := 0\n")
	for _, tg := range proved {
		req := "true"
		for _, c := range tg.requires {
			req += " && (" + c.goExpr + ")"
		}
		fmt.Fprintf(&b, "\tfor _, in := range ccInputs() {\n\t\tp, a, b, x := in()\n\t\tshown := ccShow(p, a, b, x)\n")
		fmt.Fprintf(&b, "\t\tif ok, panicked := ccHolds(func() bool { return %s }); panicked {\n\t\t\tbad = append(bad, %q+shown+\": a requires clause panics\")\n\t\t\tcontinue\n\t\t} else if !ok {\n\t\t\tcontinue\n\t\t}\n", req, tg.name+" on ")
		// The function runs on what the requires clauses left: Go's
		// meaning of checking them on entry.
		b.WriteString("\t\tran++\n\t\toldA0, oldBV := 0, 0\n\t\tif len(a) > 0 {\n\t\t\toldA0 = a[0]\n\t\t}\n\t\tif b != nil {\n\t\t\toldBV = b.V\n\t\t}\n\t\t_, _ = oldA0, oldBV\n")
		fmt.Fprintf(&b, "\t\tresult := %s(p, a, b, x)\n\t\t_ = result\n", tg.name)
		for _, c := range tg.ensures {
			fmt.Fprintf(&b, "\t\tif ok, panicked := ccHolds(func() bool { return %s }); !ok {\n\t\t\tbad = append(bad, fmt.Sprintf(\"%%s on %%s: ensures %%s is false (panicked: %%v)\", %q, shown, %q, panicked))\n\t\t}\n", c.goExpr, tg.name, c.spec)
		}
		b.WriteString("\t}\n")
	}
	b.WriteString("\treturn bad, ran\n}\n")
	testmod.WriteFile(t, filepath.Join(dir, "gen", "zz_check.go"), b.String())
	testmod.WriteFile(t, filepath.Join(dir, "cccheck", "main.go"), `package main

import (
	"fmt"

	"example.com/gencc/gen"
)

func main() {
	bad, ran := gen.CCCheck()
	for _, s := range bad {
		fmt.Println("BAD", s)
	}
	fmt.Println("RAN", ran)
}
`)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "go", "run", "./cccheck")
	cmd.Dir = dir
	cmd.Env = testmod.GoEnv()
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("the check of the proved contracts in Go failed (a proved clause that loops, or a generator bug): %v\n%s", err, diffHead(string(out), 40))
	}
	ran := 0
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		if s, ok := strings.CutPrefix(line, "BAD "); ok {
			t.Errorf("proved, but Go disagrees: %s", s)
		}
		fmt.Sscanf(line, "RAN %d", &ran)
	}
	return ran
}

// ccSource is the source of the target named name.
func ccSource(targets []*ccTarget, name string) string {
	for _, tg := range targets {
		if tg.name == name {
			return tg.src
		}
	}
	return ""
}
