package ssa

import (
	"errors"
	"go/ast"
	"go/token"

	gossa "golang.org/x/tools/go/ssa"

	"github.com/vsynth/vsynth/specs"
)

// placeInvariants checks that every for statement of fn with invariants
// is one of the loops found in its control-flow graph: invariants the
// lowering cannot attach to a loop (for {} with an empty body, whose
// blocks carry no position; a loop that is never reached) would be
// silently dropped, so they are unsupported.
func (lf *loopForest) placeInvariants(fn *gossa.Function, spec func(*loop) *specs.Loop) error {
	syntax := fn.Syntax()
	if syntax == nil || spec == nil {
		return nil
	}
	placed := map[ast.Node]bool{}
	for _, lp := range lf.loops {
		if lp.stmt != nil {
			placed[lp.stmt] = true
		}
	}
	var err error
	ast.Inspect(syntax, func(n ast.Node) bool {
		if err != nil {
			return false
		}
		switch n.(type) {
		case *ast.FuncLit:
			return n == syntax // a closure's loops are its own
		case *ast.ForStmt, *ast.RangeStmt:
			if !placed[n] && spec(&loop{stmt: n}) != nil {
				err = unsupported(n.Pos(), "invariants on a loop vsynth cannot place in the control flow (for {} with an empty body, or a loop that is never reached)")
			}
		}
		return true
	})
	return err
}

// placeUnsupported gives an unsupported error without a position the
// position of the instruction being lowered, or else of the function.
func placeUnsupported(err error, at, fn token.Pos) error {
	var u *UnsupportedError
	if !errors.As(err, &u) || u.Pos.IsValid() {
		return err
	}
	if !at.IsValid() {
		at = fn
	}
	return &UnsupportedError{Pos: at, What: u.What}
}
