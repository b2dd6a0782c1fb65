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
// lowering cannot attach to a loop (one of several for {} with an empty
// body, whose blocks carry no position; a loop that is never reached)
// would be silently dropped, so they are unsupported. A single empty
// for {} with invariants is attached to the single loop without
// positions.
func (lf *loopForest) placeInvariants(fn *gossa.Function, spec func(*loop) *specs.Loop) error {
	syntax := fn.Syntax()
	if syntax == nil || spec == nil {
		return nil
	}
	placed := map[ast.Node]bool{}
	var blind []*loop // loops without a positioned instruction: for {} with an empty body
	for _, lp := range lf.loops {
		if lp.stmt != nil {
			placed[lp.stmt] = true
		} else if !positioned(lp) {
			blind = append(blind, lp)
		}
	}
	// An empty for {} is one block that jumps to itself, without a
	// position: when the function has one such loop and one such
	// statement with invariants, they are the same.
	var empty []*ast.ForStmt
	ast.Inspect(syntax, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return n == syntax
		case *ast.ForStmt:
			if !placed[n] && n.Init == nil && n.Cond == nil && n.Post == nil && len(n.Body.List) == 0 && spec(&loop{stmt: n}) != nil {
				empty = append(empty, n)
			}
		}
		return true
	})
	if len(blind) == 1 && len(empty) == 1 {
		blind[0].stmt, blind[0].pos = empty[0], empty[0].Pos()
		placed[empty[0]] = true
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

// positioned reports whether some instruction of lp has a position.
func positioned(lp *loop) bool {
	for b := range lp.blocks {
		for _, in := range b.Instrs {
			if in.Pos().IsValid() {
				return true
			}
		}
	}
	return false
}
