package ssa

import (
	"fmt"
	"go/ast"
	"go/token"
	"slices"

	"github.com/vsynth/vsynth/specs"
)

// ghostViolated starts the panic of an instrumented ghost line:
// ghostViolated + "assert: " or "assume: " + the clause. Each assert and
// assume line of a replayed package becomes a check on its own line (a
// panicking evaluation counts as false, as in the assert obligation): an
// assert counterexample is real when the run trips that assert on that
// line, and a run that trips an assume is outside what the proof
// assumed, so no counterexample of it is confirmed.
const ghostViolated = "vsynth replay: ghost line violated: "

// instrumentGhosts inserts the check of every ghost line of f before its
// comment. A line that reads old(...) is not checked (the replay keeps no
// entry state there): its assert counterexamples are not confirmed.
func instrumentGhosts(fset *token.FileSet, f *ast.File, ed *textEdits) error {
	ghosts, err := specs.GhostDirectives(fset, f)
	if err != nil {
		return err
	}
	for _, g := range ghosts {
		if readsOld(g.Clause.Expr) {
			continue
		}
		expr, err := oneLineSource(printExpr(fset, rewriteQuantifiers(g.Clause.Expr)))
		if err != nil {
			return err
		}
		msg := fmt.Sprintf("%q", ghostViolated+g.Clause.Kind.String()+": "+g.Clause.Text)
		ed.insert(g.Comment.Slash, fmt.Sprintf("; func() { defer func() { if recover() != nil { panic(%s) } }(); if !(%s) { panic(%s) } }(); ", msg, expr, msg))
	}
	return nil
}

// readsOld reports whether e calls old.
func readsOld(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			if id, ok := call.Fun.(*ast.Ident); ok && id.Name == specs.OldName {
				found = true
			}
		}
		return !found
	})
	return found
}

// judgeAssert confirms an assert counterexample when Go trips the assert
// on its line.
func (p *Program) judgeAssert(ob *ObligationResult, o *replayOutcome) string {
	if o.Phase == "call" && o.Panic == ghostViolated+"assert: "+ob.Clause {
		if at := p.line(ob); at != "" && !slices.Contains(p.userFrames(o.Where), at) {
			return "Go broke the assert " + ob.Clause + " on another line than " + p.short(at)
		}
		return confirmedVerdict
	}
	return "Go did not reach the assert " + ob.Clause + " with it false: " + o.describe()
}
