package specs

import (
	"go/ast"
	"go/parser"
	"go/token"
	"testing"
)

const directiveSrc = `package mathx

import "math"

// Abs returns the absolute value of x.
//
//vsynth:requires x != math.MinInt32
//vsynth:ensures result >= 0 // want "failed"
//vsynth:ensures	result == x || result == -x
func Abs(x int32) int32 {
	if x < 0 {
		return -x
	}
	return x
}

// NoSpec has a doc comment without directives.
// vsynth:requires is not a directive with the blank.
func NoSpec() {}

func Undocumented() {}

//vsynth:frobs x
func Unknown(x int) {}

//vsynth:requires x >
//vsynth:ensures )
func BadExpr(x int) {}

//vsynth:invariant x > 0
func Invariant(x int) {}

//vsynth:requires
func Empty(x int) {}

//vsynth:ensures p.X >= 0
func (p *Point) Norm() int32 { return 0 }
`

func parseDirectiveSource(t *testing.T) (*token.FileSet, *ast.File, map[string]*ast.FuncDecl) {
	t.Helper()
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "abs.go", directiveSrc, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	decls := make(map[string]*ast.FuncDecl)
	for _, d := range file.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok {
			decls[fd.Name.Name] = fd
		}
	}
	return fset, file, decls
}

func TestFromDecl(t *testing.T) {
	fset, file, decls := parseDirectiveSource(t)
	spec, err := FromDecl(fset, file, decls["Abs"])
	if err != nil {
		t.Fatal(err)
	}
	if spec.Name != "Abs" || spec.File != "abs.go" || spec.Decl != decls["Abs"] || spec.Synth {
		t.Errorf("spec = %+v", spec)
	}
	if got := fset.Position(spec.Pos).String(); got != "abs.go:10:6" {
		t.Errorf("func at %s, want abs.go:10:6", got)
	}
	if len(spec.Imports) != 1 || spec.Imports[0].Path.Value != `"math"` {
		t.Errorf("imports = %v", spec.Imports)
	}
	want := []struct{ kind, text, pos, tree string }{
		{"requires", "x != math.MinInt32", "abs.go:7:19", "(x != math.MinInt32)"},
		{"ensures", "result >= 0", "abs.go:8:18", "(result >= 0)"},
		{"ensures", "result == x || result == -x", "abs.go:9:18", "((result == x) || (result == (-x)))"},
	}
	if len(spec.Clauses) != len(want) {
		t.Fatalf("%d clauses, want %d", len(spec.Clauses), len(want))
	}
	for i, w := range want {
		c := spec.Clauses[i]
		if c.Kind.String() != w.kind || c.Text != w.text || fset.Position(c.Pos).String() != w.pos || render(c.Expr) != w.tree {
			t.Errorf("clause %d = %s %q at %s: %s, want %s %q at %s: %s", i,
				c.Kind, c.Text, fset.Position(c.Pos), render(c.Expr), w.kind, w.text, w.pos, w.tree)
		}
	}
	if got := fset.Position(spec.Clauses[0].Expr.(*ast.BinaryExpr).Y.Pos()).String(); got != "abs.go:7:24" {
		t.Errorf("math.MinInt32 at %s, want abs.go:7:24", got)
	}

	method, err := FromDecl(fset, file, decls["Norm"])
	if err != nil || method == nil || method.FullName() != "(*Point).Norm" {
		t.Errorf("method spec %v, %v", method, err)
	}
}

func TestFromDeclWithoutSpec(t *testing.T) {
	fset, file, decls := parseDirectiveSource(t)
	for _, name := range []string{"NoSpec", "Undocumented"} {
		spec, err := FromDecl(fset, file, decls[name])
		if spec != nil || err != nil {
			t.Errorf("FromDecl(%s) = %v, %v; want nil, nil", name, spec, err)
		}
	}
}

func TestFromDeclErrors(t *testing.T) {
	fset, file, decls := parseDirectiveSource(t)
	tests := map[string]string{
		"Unknown": "abs.go:23:3: unknown directive vsynth:frobs",
		"BadExpr": "abs.go:26:22: expected operand, found end of expression\n" +
			"abs.go:27:18: expected operand, found ')'",
		"Invariant": "abs.go:30:3: vsynth:invariant belongs above a for loop, not in a function's doc comment",
		"Empty":     "abs.go:33:3: missing expression after vsynth:requires",
	}
	for name, want := range tests {
		spec, err := FromDecl(fset, file, decls[name])
		if err == nil {
			t.Errorf("FromDecl(%s) = %v, want error", name, spec)
			continue
		}
		if err.Error() != want {
			t.Errorf("FromDecl(%s) error:\n%s\nwant:\n%s", name, err, want)
		}
	}
}

func TestParseDirectiveInvariant(t *testing.T) {
	src := "package p\n\nfunc f() {\n\t//vsynth:invariant i <= n\n\tfor i := 0; i < n; i++ {\n\t}\n}\n"
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "loop.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	c, err := ParseDirective(fset, file.Comments[0].List[0])
	if err != nil {
		t.Fatal(err)
	}
	if c.Kind != Invariant || c.Text != "i <= n" || fset.Position(c.Pos).String() != "loop.go:4:21" {
		t.Errorf("clause = %s %q at %s", c.Kind, c.Text, fset.Position(c.Pos))
	}
	notDirective := &ast.Comment{Slash: c.Pos, Text: "// plain"}
	if c, err := ParseDirective(fset, notDirective); c != nil || err != nil {
		t.Errorf("plain comment gave %v, %v", c, err)
	}
}
