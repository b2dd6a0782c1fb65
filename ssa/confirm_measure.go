package ssa

import (
	"fmt"
	"go/ast"
	"go/token"
	"slices"
	"strings"

	"github.com/vsynth/vsynth/specs"
)

// The replay checks measures too. A function with a decreases clause
// evaluates its measure on entry and compares it with the measure of the
// nearest activation of itself still running (the caller of a recursive
// call); a for statement with one compares, at every head but the
// first, the measure with the one at the head before. Either panics with
// decreasesViolated + where + ": " + the measure when it did not
// decrease, as the termination obligation says (an evaluation that
// panics counts as not decreasing). A termination counterexample is real
// when Go trips the check it names.

// decreasesViolated starts the panic of an instrumented measure check.
const decreasesViolated = "vsynth replay: measure did not decrease: "

// measureCheck is the check of t's measure at the start of its body, or
// "" when it has none.
func (p *Program) measureCheck(t *Target, name string) (string, error) {
	comps := t.Spec.Func.Decreases()
	if len(comps) == 0 {
		return "", nil
	}
	vals, err := measureValues(p.Fset, comps)
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("defer zzvMeasureEnter(%q, func() []zzvMeasureV { return []zzvMeasureV{%s} })(); ",
		decreasesViolated+name+": "+measureText(comps), vals), nil
}

// measureValues writes the components as zzvMeasureOf calls.
func measureValues(fset *token.FileSet, comps []*specs.Clause) (string, error) {
	var parts []string
	for _, c := range comps {
		expr, err := oneLineSource(printExpr(fset, rewriteQuantifiers(c.Expr)))
		if err != nil {
			return "", err
		}
		parts = append(parts, fmt.Sprintf("zzvMeasureOf(%s)", expr))
	}
	return strings.Join(parts, ", "), nil
}

// instrumentMeasures makes every for statement of f with a measure and a
// condition (or a for {} without invariants) check it at each head.
// Others, range loops, and measures that read old(...) are not checked:
// their termination counterexamples are not confirmed.
func instrumentMeasures(fset *token.FileSet, f *ast.File, ed *textEdits) error {
	measures, err := specs.LoopMeasures(fset, f)
	if err != nil {
		return err
	}
	loops, err := specs.LoopDirectives(fset, f)
	if err != nil {
		return err
	}
	invariants := map[ast.Stmt]bool{}
	for _, lp := range loops {
		invariants[lp.Stmt] = true
	}
	for k, m := range measures {
		s, ok := m.Stmt.(*ast.ForStmt)
		switch {
		case !ok, readsOld(m.Components[0].Expr):
			continue
		case s.Cond == nil && (s.Init != nil || s.Post != nil || invariants[s]):
			continue // no condition to hold the check (for {} with invariants has one already)
		}
		vals, err := measureValues(fset, m.Components)
		if err != nil {
			return err
		}
		state := fmt.Sprintf("zzvMeasure%d", k)
		msg := decreasesViolated + loopWhere(fset, m.Components[0].Pos) + ": " + measureText(m.Components)
		check := fmt.Sprintf("zzvMeasureStep(&%s, %q, func() []zzvMeasureV { return []zzvMeasureV{%s} })", state, msg, vals)
		// The state is declared just before the statement (before its
		// label, if it has one), so that each run of the loop starts
		// afresh.
		ed.insert(stmtStart(f, s), fmt.Sprintf("var %s []zzvMeasureV; ", state))
		if s.Cond != nil {
			ed.insert(s.Cond.Pos(), check+" && (")
			ed.insert(s.Cond.End(), ")")
		} else {
			ed.insert(s.Body.Lbrace, check+" ")
		}
	}
	return nil
}

// stmtStart is where s starts, counting the labels in front of it.
func stmtStart(f *ast.File, s ast.Stmt) token.Pos {
	start := s.Pos()
	ast.Inspect(f, func(n ast.Node) bool {
		if l, ok := n.(*ast.LabeledStmt); ok && l.Stmt == s {
			start = l.Pos()
		}
		return true
	})
	return start
}

// loopWhere names a loop's measure by the file:line of its directive, as
// Program.line writes an obligation's position.
func loopWhere(fset *token.FileSet, pos token.Pos) string {
	p := fset.Position(pos)
	return fmt.Sprintf("%s:%d", strings.ReplaceAll(p.Filename, "\\", "/"), p.Line)
}

// judgeTermination confirms a termination counterexample when Go trips
// the check of the same measure: for a loop, on its directive's line; for
// a recursive call, at the call's line.
func (p *Program) judgeTermination(c *confirmCase, o *replayOutcome) string {
	ob := c.ob
	at := p.line(ob)
	name := strings.TrimPrefix(c.res.Target.Short, c.res.Target.Package.Name+".")
	switch {
	case o.Phase != "call" || !strings.HasPrefix(o.Panic, decreasesViolated):
		return "Go did not break the measure " + ob.Clause + ": " + o.describe()
	case o.Panic == decreasesViolated+at+": "+ob.Clause:
		return confirmedVerdict // a loop's
	case o.Panic == decreasesViolated+name+": "+ob.Clause && slices.Contains(p.userFrames(o.Where), at):
		return confirmedVerdict // a recursive call's
	}
	return "Go broke another measure than the one at " + p.short(at) + ": " + o.Panic
}

// measureHelpers are the replay's measure checks (confirm_source.go
// writes them with the other helpers).
const measureHelpers = `
// zzvMeasureV is one component of a measure: its value, or undefined
// when evaluating it panicked.
type zzvMeasureV struct {
	signed, undefined bool
	s                 int64
	u                 uint64
}

func zzvMeasureOf[T zzvInteger](x T) zzvMeasureV {
	if T(0)-1 < 0 {
		return zzvMeasureV{signed: true, s: int64(x)}
	}
	return zzvMeasureV{u: uint64(x)}
}

// zzvMeasureEval evaluates a measure; a panic makes it undefined.
func zzvMeasureEval(f func() []zzvMeasureV) (m []zzvMeasureV) {
	defer func() {
		if recover() != nil {
			m = []zzvMeasureV{{undefined: true}}
		}
	}()
	return f()
}

// zzvMeasureDown reports whether now is below before: at the first
// component that differs, smaller, from a value at least 0.
func zzvMeasureDown(before, now []zzvMeasureV) bool {
	for k := range before {
		if k >= len(now) {
			return false
		}
		b, n := before[k], now[k]
		if b.undefined || n.undefined {
			return false
		}
		if b == n {
			continue
		}
		if b.signed {
			return b.s >= 0 && n.s < b.s
		}
		return n.u < b.u
	}
	return false
}

var zzvMeasureStack = map[string][][]zzvMeasureV{}

// zzvMeasureEnter checks a function's measure on entry against the
// nearest activation of the same function, and returns what pops it.
func zzvMeasureEnter(key string, f func() []zzvMeasureV) func() {
	m := zzvMeasureEval(f)
	if st := zzvMeasureStack[key]; len(st) > 0 && !zzvMeasureDown(st[len(st)-1], m) {
		panic(key)
	}
	zzvMeasureStack[key] = append(zzvMeasureStack[key], m)
	return func() { zzvMeasureStack[key] = zzvMeasureStack[key][:len(zzvMeasureStack[key])-1] }
}

// zzvMeasureStep checks a loop's measure at a head against the one at the
// head before.
func zzvMeasureStep(prev *[]zzvMeasureV, msg string, f func() []zzvMeasureV) bool {
	m := zzvMeasureEval(f)
	if *prev != nil && !zzvMeasureDown(*prev, m) {
		panic(msg)
	}
	*prev = m
	return true
}
`
