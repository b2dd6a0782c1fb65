package ssa

import "go/ast"

// The math/bits generator (gen_bits_test.go) runs its functions in Go
// with the carries checked the way confirmation checks them
// (confirm_domain.go): instrumentDomains rewrites the AST it prints, and
// the driver declares the same check (carryCheckSource).

// instrumentDomains wraps the carry argument of every call of f to
// math/bits.Add* or Sub* in carryCheckFunc, and reports whether it
// changed f.
func instrumentDomains(f *ast.File) bool {
	changed := false
	forEachCarry(f, func(call *ast.CallExpr, typ string) {
		check := &ast.IndexExpr{X: ast.NewIdent(carryCheckFunc), Index: ast.NewIdent(typ)}
		call.Args[2] = &ast.CallExpr{Fun: check, Args: []ast.Expr{call.Args[2]}}
		changed = true
	})
	return changed
}
