package specs

import (
	"go/ast"
	"go/token"
)

// PureDirective, in a function's doc comment, marks a function that
// clauses may call as a mathematical function of its arguments and the
// memory they reach:
//
//	//vsynth:pure
//	//vsynth:ensures result == forall k int :: 0 <= k && k < len(a)-1 ==> a[k] <= a[k+1]
//	func sorted(a []int) bool { ... }
//
// vsynth checks what the directive claims: the function writes no memory
// it did not allocate, and it terminates (every loop with invariants and
// every recursive call carries a measure, vsynth:decreases). A clause
// that calls a pure function with ensures clauses knows its result by
// them; one without is inlined, recursive calls unfolded a bounded
// number of times (see the ssa package). It takes no expression.
const PureDirective = DirectivePrefix + "pure"

// pureDirective reports whether c is the pure directive, and an error
// when it is followed by anything but a comment.
func pureDirective(fset *token.FileSet, c *ast.Comment) (bool, error) {
	return flagDirective(fset, c, PureDirective)
}

// HasPure reports whether decl's doc comment holds the pure directive.
func HasPure(decl *ast.FuncDecl) bool {
	if decl == nil || decl.Doc == nil {
		return false
	}
	for _, c := range decl.Doc.List {
		if ok, _ := pureDirective(nil, c); ok {
			return true
		}
	}
	return false
}
