package specs

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"testing"
)

// checkIn type-checks goSrc as package p and checks the only func of the
// .vspec vspecSrc against it.
func checkIn(t *testing.T, goSrc, vspecSrc string) (*Checked, error) {
	t.Helper()
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "p.go", goSrc, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	pkg, err := (&types.Config{Importer: importer.Default()}).Check("example.com/p", fset, []*ast.File{file}, nil)
	if err != nil {
		t.Fatal(err)
	}
	f, err := ParseFile(fset, "p.vspec", []byte(vspecSrc))
	if err != nil {
		t.Fatalf("ParseFile: %v", err)
	}
	fn, err := Lookup(fset, pkg, f.Funcs[0])
	if err != nil {
		t.Fatalf("Lookup: %v", err)
	}
	return Check(fset, pkg, fn, f.Funcs[0], importer.Default())
}

// calledOld returns the object the clauses' old refers to.
func calledOld(c *Checked) types.Object {
	var obj types.Object
	for _, clause := range c.Func.Clauses {
		ast.Inspect(clause.Expr, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && id.Name == OldName && c.Info.Uses[id] != nil {
				obj = c.Info.Uses[id]
			}
			return true
		})
	}
	return obj
}

// TestPackageOldWins: a package's own old is the one a clause calls (Go
// scoping: the package block shadows what the spec language adds), and
// later stages, which ask IsOld, must not take it for the entry state.
func TestPackageOldWins(t *testing.T) {
	for _, decl := range []string{
		"func old[T any](x T) T { var z T; return z }",
		"func old(x int) int { return 0 }",
		"var old = func(x int) int { return 0 }",
	} {
		c, err := checkIn(t, "package p\n\n"+decl+"\n\nfunc F(x int) int { return x }\n", "package p\nfunc F(x int) int\n\tensures old(x) == x\n")
		if err != nil {
			t.Fatalf("%s: %v", decl, err)
		}
		obj := calledOld(c)
		if obj == nil || obj.Pkg() == nil || obj.Parent() != obj.Pkg().Scope() || c.IsOld(obj) || c.HasOld() {
			t.Errorf("%s: old resolves to %v (IsOld %v, HasOld %v), want the package's", decl, obj, c.IsOld(obj), c.HasOld())
		}
	}
	// Without a declaration, old is the spec language's.
	c, err := checkIn(t, "package p\n\nfunc F(x int) int { return x }\n", "package p\nfunc F(x int) int\n\tensures old(x) == x\n")
	if err != nil {
		t.Fatal(err)
	}
	if !c.IsOld(calledOld(c)) || !c.HasOld() {
		t.Errorf("old without a package declaration is not the spec's")
	}
}

// TestParamShadowsOld: a parameter named old is the parameter.
func TestParamShadowsOld(t *testing.T) {
	c, err := checkIn(t, "package p\n\nfunc F(old int) int { return old }\n", "package p\nfunc F(old int) int\n\tensures result == old\n")
	if err != nil {
		t.Fatal(err)
	}
	if v, ok := calledOld(c).(*types.Var); !ok || v != c.Params[0] {
		t.Errorf("old resolves to %v, want the parameter", calledOld(c))
	}
	if _, err := checkIn(t, "package p\n\nfunc F(old int) int { return old }\n", "package p\nfunc F(old int) int\n\tensures result == old(old)\n"); err == nil {
		t.Errorf("old(old) with a parameter old: no error")
	}
}

// TestImportNamedOld: an import named old takes the name in its file; the
// spec language's old is not declared there (it would clash).
func TestImportNamedOld(t *testing.T) {
	c, err := checkIn(t, "package p\n\nfunc F(x int) int { return x }\n", "package p\nimport old \"math\"\nfunc F(x int) int\n\tensures result <= old.MaxInt\n")
	if err != nil {
		t.Fatal(err)
	}
	if c.HasOld() {
		t.Errorf("HasOld with an import named old")
	}
}

// TestReservedNames: a package declaring a name the synthetic file needs
// gets an error at its declaration, not a confusing redeclaration.
func TestReservedNames(t *testing.T) {
	for _, name := range reservedNames {
		_, err := checkIn(t, "package p\n\nfunc "+name+"() {}\n\nfunc F(x int) int { return x }\n", "package p\nfunc F(x int) int\n\tensures result == x\n")
		if err == nil || !strings.Contains(err.Error(), "p.go:3:6: "+name+" is a name vsynth reserves") {
			t.Errorf("package declaring %s: err = %v", name, err)
		}
	}
}

// TestQuantifierByObject: Quantifier recognizes the desugared quantifiers
// by object.
func TestQuantifierByObject(t *testing.T) {
	c, err := checkIn(t, "package p\n\nfunc F(x int) int { return x }\n", "package p\nfunc F(x int) int\n\tensures forall forall int :: exists exists int :: forall+exists == result\n")
	if err != nil {
		t.Fatal(err)
	}
	var kinds []bool
	ast.Inspect(c.Func.Clauses[0].Expr, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			if id, ok := call.Fun.(*ast.Ident); ok {
				if forall, ok := c.Quantifier(c.Info.Uses[id]); ok {
					kinds = append(kinds, forall)
				}
			}
		}
		return true
	})
	if len(kinds) != 2 || !kinds[0] || kinds[1] {
		t.Errorf("quantifiers found: %v, want [true false]", kinds)
	}
}

// TestUnnamedReceiverBesideNamedParams: the synthetic functions once
// called an unnamed receiver _p0, which a parameter may be called too.
func TestUnnamedReceiverBesideNamedParams(t *testing.T) {
	c, err := checkIn(t, "package p\n\ntype T int\n\nfunc (T) F(_p0 int) int { return _p0 }\n", "package p\nfunc (T) F(_p0 int) int\n\tensures result == _p0\n")
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Params) != 2 || c.Params[0].Name() != "_" || c.Params[1].Name() != "_p0" {
		t.Errorf("params %v", c.Params)
	}
}

// TestPackageTrue: a package may redeclare true; the synthetic
// declarations do not use it, and a clause's true is the package's.
func TestPackageTrue(t *testing.T) {
	c, err := checkIn(t, "package p\n\nvar true = 5\n\nfunc F(x int) int { return x }\n", "package p\nfunc F(x int) int\n\tensures forall k int :: result == x || k == true\n")
	if err != nil {
		t.Fatal(err)
	}
	if c.Func.Clauses[0].Expr == nil {
		t.Fatal("no clause")
	}
}
