package specs

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
	"testing"
)

// mathintOf returns whether the clauses' mathint(...) conversions name
// the spec language's mathint.
func mathintOf(c *Checked) (found, spec bool) {
	for _, clause := range c.Func.Clauses {
		ast.Inspect(clause.Expr, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok {
				if id, ok := call.Fun.(*ast.Ident); ok && id.Name == MathIntName {
					found = true
					spec = c.IsMathInt(c.Info.TypeOf(call))
				}
			}
			return true
		})
	}
	return found, spec
}

// TestMathIntDeclared: mathint is the spec language's unbounded integer
// when the package does not take the name, recognized by object; a
// package's own mathint wins (Go scoping), and later stages must not
// take it for the unbounded one.
func TestMathIntDeclared(t *testing.T) {
	c, err := checkIn(t, "package p\n\nfunc F(x int) int { return x }\n", "package p\nfunc F(x int) int\n\tensures mathint(result) == mathint(x)\n")
	if err != nil {
		t.Fatal(err)
	}
	if found, spec := mathintOf(c); !found || !spec {
		t.Errorf("mathint(x) without a package mathint: found %v, spec language's %v; want both", found, spec)
	}
	for _, decl := range []string{"type mathint int64", "func mathint(x int) int { return x }"} {
		c, err := checkIn(t, "package p\n\n"+decl+"\n\nfunc F(x int) int { return x }\n", "package p\nfunc F(x int) int\n\tensures mathint(result) == mathint(x)\n")
		if err != nil {
			t.Fatalf("%s: %v", decl, err)
		}
		if found, spec := mathintOf(c); !found || spec {
			t.Errorf("%s: found %v, spec language's %v; want the package's", decl, found, spec)
		}
	}
	// Go's typing keeps mathint and int apart.
	if _, err := checkIn(t, "package p\n\nfunc F(x int) int { return x }\n", "package p\nfunc F(x int) int\n\tensures mathint(result) == x\n"); err == nil || !strings.Contains(err.Error(), "mismatched types") {
		t.Errorf("mathint(result) == x: err = %v, want mismatched types", err)
	}
}

// TestNoOverflowDirective: the flag in a doc comment, with no expression;
// with one it is an error.
func TestNoOverflowDirective(t *testing.T) {
	fset := token.NewFileSet()
	src := "package p\n\n//vsynth:nooverflow\nfunc F(x int) int { return x + 1 }\n\n//vsynth:nooverflow // a comment\n//vsynth:ensures result > x\nfunc G(x int) int { return x + 1 }\n\n//vsynth:nooverflowing\nfunc H() {}\n\n//vsynth:nooverflow x\nfunc I() {}\n"
	file, err := parser.ParseFile(fset, "p.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"F": "", "G": "", "H": "unknown directive vsynth:nooverflowing", "I": "p.go:13:21: vsynth:nooverflow takes no expression"}
	for _, d := range file.Decls {
		fd := d.(*ast.FuncDecl)
		f, err := FromDecl(fset, file, fd)
		switch w := want[fd.Name.Name]; {
		case w != "":
			if err == nil || !strings.Contains(err.Error(), w) {
				t.Errorf("%s: err = %v, want %q", fd.Name.Name, err, w)
			}
		case err != nil:
			t.Errorf("%s: %v", fd.Name.Name, err)
		case f == nil || !f.NoOverflow || !HasNoOverflow(fd):
			t.Errorf("%s: spec %+v, want NoOverflow", fd.Name.Name, f)
		case fd.Name.Name == "G" && len(f.Clauses) != 1:
			t.Errorf("G: %d clauses, want 1", len(f.Clauses))
		}
	}
}
