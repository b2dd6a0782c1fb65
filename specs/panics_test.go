package specs

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
	"testing"
)

// TestPanicsDirective checks //vsynth:panics: one clause of kind Panics
// in a doc comment, a second one an error, and one outside a doc comment
// a warning.
func TestPanicsDirective(t *testing.T) {
	src := `package p

// F panics when x is negative.
//
//vsynth:panics x < 0
//vsynth:ensures result == x
func F(x int) int { return x }

// G states two conditions.
//
//vsynth:panics x < 0
//vsynth:panics x > 9
func G(x int) int { return x }

//vsynth:panics x < 0

func H(x int) int { return x }
`
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "p.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	decls := map[string]*ast.FuncDecl{}
	for _, d := range file.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok {
			decls[fd.Name.Name] = fd
		}
	}
	f, err := FromDecl(fset, file, decls["F"])
	if err != nil {
		t.Fatal(err)
	}
	pc := f.Panics()
	if pc == nil || pc.Kind != Panics || pc.Text != "x < 0" || pc.Kind.String() != "panics" {
		t.Fatalf("F's panics clause = %+v, want x < 0 of kind panics", pc)
	}
	if len(f.Requires()) != 0 || len(f.Ensures()) != 1 {
		t.Errorf("F: %d requires, %d ensures; want 0 and 1", len(f.Requires()), len(f.Ensures()))
	}
	if _, err := FromDecl(fset, file, decls["G"]); err == nil || !strings.Contains(err.Error(), "second vsynth:panics") {
		t.Errorf("G: error %v, want a second vsynth:panics error", err)
	}
	warns := DirectiveWarnings(fset, file)
	if len(warns) != 1 || !strings.Contains(warns[0].Msg, "vsynth:panics is not in a function's doc comment") {
		t.Errorf("warnings %v, want one about the stray vsynth:panics", warns)
	}
}
