package ssa

import (
	"go/ast"
	"strconv"
)

// Replaying a carry-domain counterexample. A math/bits call outside its
// documented domain has undefined behaviour, not a panic: what it
// returns proves nothing. So the replay checks the argument instead: the
// replayed packages pass the carry (or borrow) of every bits.Add and
// bits.Sub call through domainCheckFunc, which panics with
// carryDomainViolated on a value other than 0 or 1, and the counterexample
// is real when running it trips that check.

// domainCheckFunc is the name of the check, declared by the replay file
// of each replayed package (domainCheckSource).
const domainCheckFunc = "__vsynth_carry_domain"

// domainCheckSource declares domainCheckFunc; the replay file imports fmt.
const domainCheckSource = `func __vsynth_carry_domain[T ~uint | ~uint32 | ~uint64](c T) T {
	if c > 1 {
		panic(fmt.Sprint("` + carryDomainViolated + `carry ", uint64(c)))
	}
	return c
}
`

// carryFuncs are the math/bits functions whose third argument must be 0
// or 1, with its type (an untyped constant argument needs it spelled).
var carryFuncs = map[string]string{"Add": "uint", "Add32": "uint32", "Add64": "uint64", "Sub": "uint", "Sub32": "uint32", "Sub64": "uint64"}

// instrumentDomains wraps the carry argument of every call of f to
// math/bits.Add* or Sub* in domainCheckFunc, and reports whether it
// changed f.
func instrumentDomains(f *ast.File) bool {
	names := map[string]bool{} // the names f imports math/bits as
	for _, is := range f.Imports {
		if path, _ := strconv.Unquote(is.Path.Value); path == "math/bits" {
			name := "bits"
			if is.Name != nil {
				name = is.Name.Name
			}
			names[name] = true
		}
	}
	if len(names) == 0 {
		return false
	}
	changed := false
	ast.Inspect(f, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || len(call.Args) != 3 {
			return true
		}
		var fn string
		switch fun := call.Fun.(type) {
		case *ast.SelectorExpr:
			if id, ok := fun.X.(*ast.Ident); ok && names[id.Name] {
				fn = fun.Sel.Name
			}
		case *ast.Ident:
			if names["."] {
				fn = fun.Name
			}
		}
		if t, ok := carryFuncs[fn]; ok {
			check := &ast.IndexExpr{X: ast.NewIdent(domainCheckFunc), Index: ast.NewIdent(t)}
			call.Args[2] = &ast.CallExpr{Fun: check, Args: []ast.Expr{call.Args[2]}}
			changed = true
		}
		return true
	})
	return changed
}
