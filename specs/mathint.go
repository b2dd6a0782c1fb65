package specs

import (
	"go/ast"
	"go/token"
	"go/types"
)

// MathIntName is the spec language's unbounded integer type. A clause
// converts a Go integer to it like to any integer type, mathint(x), and
// computes on it with Go's operators, which then never wrap:
//
//	//vsynth:ensures mathint(result) == mathint(a) + mathint(b)
//	//vsynth:invariant mathint(s) == mathint(i)*(mathint(i)-1)/2
//
// Go's typing keeps the two worlds apart: mathint(a) + b does not
// type-check when b is an int. / and % truncate toward zero, as Go's do.
// It is declared in the clauses' file as "type mathint int" (so constants
// must fit in an int, as go/types checks them), only when the package
// and the spec file's imports do not take the name, like old; the
// lowering recognizes it by object (Checked.IsMathInt), and gives its
// values the solver's mathematical integers.
const MathIntName = "mathint"

// mathIntDecl builds type mathint int.
func mathIntDecl() *ast.GenDecl {
	return &ast.GenDecl{Tok: token.TYPE, Specs: []ast.Spec{&ast.TypeSpec{
		Name: ast.NewIdent(MathIntName),
		Type: ast.NewIdent("int"),
	}}}
}

// IsMathInt reports whether t is the spec language's mathint (and not a
// type of the package that happens to be called mathint).
func (c *Checked) IsMathInt(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && c.mathint != nil && n.Obj() == c.mathint
}

// UsesMathInt reports whether any expression of e has type mathint.
func (c *Checked) UsesMathInt(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if x, ok := n.(ast.Expr); ok && !found {
			if tv, ok := c.Info.Types[x]; ok && c.IsMathInt(tv.Type) {
				found = true
			}
		}
		return !found
	})
	return found
}
