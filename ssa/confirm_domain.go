package ssa

import (
	"go/ast"
	"strconv"
)

// Confirming a carry-domain counterexample. A math/bits Add or Sub call
// with a carry (borrow) other than 0 or 1 has undefined behaviour, not a
// panic: what it returns proves nothing. So the replay checks the
// argument instead: the instrumented packages pass the carry of every
// such call through carryCheckFunc, which panics with carryDomainViolated
// on a value above 1, and the counterexample is confirmed when running it
// trips that check at the obligation's call.

// carryDomainViolated starts the panic of an instrumented carry check.
const carryDomainViolated = "vsynth replay: carry-domain violated: "

// carryCheckFunc is the check, declared at the end of each instrumented
// file (carryCheckSource); the __vsynth_ prefix is reserved in packages
// with contracts (specs), so no declaration of the package clashes.
const carryCheckFunc = "__vsynth_carry_domain"

// carryCheckSource declares carryCheckFunc. It uses no import and no
// predeclared name a package may shadow except panic and uint64.
const carryCheckSource = "\nfunc " + carryCheckFunc + "[T ~uint | ~uint32 | ~uint64](c T) T {\n\tif c > 1 {\n\t\tpanic(\"" + carryDomainViolated + "carry above 1\")\n\t}\n\treturn c\n}\n"

// carryArgType is the type of the carry of each math/bits function that
// has one (spelled, so that an untyped constant argument converts).
var carryArgType = map[string]string{"Add": "uint", "Add32": "uint32", "Add64": "uint64", "Sub": "uint", "Sub32": "uint32", "Sub64": "uint64"}

// instrumentCarries wraps the carry argument of every math/bits Add* and
// Sub* call of f in carryCheckFunc, as text edits on the argument's own
// line, and reports whether it found one.
func instrumentCarries(f *ast.File, ed *textEdits) bool {
	found := false
	forEachCarry(f, func(call *ast.CallExpr, typ string) {
		ed.insert(call.Args[2].Pos(), carryCheckFunc+"["+typ+"](")
		ed.insert(call.Args[2].End(), ")")
		found = true
	})
	return found
}

// forEachCarry calls visit for every call of f to a math/bits function
// with a carry (carryArgType), with the carry's type.
func forEachCarry(f *ast.File, visit func(call *ast.CallExpr, typ string)) {
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
		return
	}
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
		if t, ok := carryArgType[fn]; ok {
			visit(call, t)
		}
		return true
	})
}
