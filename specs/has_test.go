package specs

import (
	"go/ast"
	"go/types"
	"testing"
)

// calledHas returns the object the clauses' has refers to.
func calledHas(c *Checked) types.Object {
	var obj types.Object
	for _, clause := range c.Func.Clauses {
		ast.Inspect(clause.Expr, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && id.Name == HasName && c.Info.Uses[id] != nil {
				obj = c.Info.Uses[id]
			}
			return true
		})
	}
	return obj
}

// TestHasDeclared: without a declaration of its own in the package, has
// is the spec language's key test, and type-checks on a map and a key
// of its type, named map types and untyped constant keys included.
func TestHasDeclared(t *testing.T) {
	for _, clause := range []string{"has(m, k)", "has(m, 3) || !has(m, k)", "has(n, 2)"} {
		c, err := checkIn(t, "package p\n\ntype N map[int8]bool\n\nfunc F(m map[uint16]int, n N, k uint16) bool { return false }\n",
			"package p\nfunc F(m map[uint16]int, n N, k uint16) bool\n\tensures result == "+clause+"\n")
		if err != nil {
			t.Fatalf("%s: %v", clause, err)
		}
		if !c.IsHas(calledHas(c)) {
			t.Errorf("%s: has resolves to %v, want the spec language's", clause, calledHas(c))
		}
	}
	// A key of another type does not type-check, as in Go.
	if _, err := checkIn(t, "package p\n\nfunc F(m map[uint16]int, k int32) bool { return false }\n",
		"package p\nfunc F(m map[uint16]int, k int32) bool\n\tensures result == has(m, k)\n"); err == nil {
		t.Errorf("has(m, k) with a key of the wrong type: no error")
	}
}

// TestPackageHasWins: a package's own has is the one a clause calls, and
// later stages, which ask IsHas, must not take it for the key test.
func TestPackageHasWins(t *testing.T) {
	c, err := checkIn(t, "package p\n\nfunc has(m map[int]int, k int) bool { return false }\n\nfunc F(m map[int]int, k int) bool { return false }\n",
		"package p\nfunc F(m map[int]int, k int) bool\n\tensures result == has(m, k)\n")
	if err != nil {
		t.Fatal(err)
	}
	if obj := calledHas(c); obj == nil || c.IsHas(obj) || obj.Parent() != obj.Pkg().Scope() {
		t.Errorf("has resolves to %v (IsHas %v), want the package's", obj, c.IsHas(obj))
	}
}
