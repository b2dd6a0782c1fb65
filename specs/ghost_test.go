package specs

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
	"testing"
)

var measureSeeds = []string{
	"n",
	"n - i, j",
	"len(a) - i, f(x, y), m[k]",
	"a, // trailing, comment",
	"(a, b)",
	", a",
	"a,",
	"[]int{1, 2}[0], 3",
}

// FuzzParseMeasure checks that a decreases directive parses into one
// clause per top-level component, each lying within the text, or fails
// with one positioned error.
func FuzzParseMeasure(f *testing.F) {
	for _, s := range measureSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		fset := token.NewFileSet()
		src := "//vsynth:decreases " + text
		file := fset.AddFile("", -1, len(src))
		c := &ast.Comment{Slash: token.Pos(file.Base()), Text: src}
		cl, err := ParseDirective(fset, c)
		if err != nil {
			if cl != nil {
				t.Fatalf("clause and error: %v", err)
			}
			return
		}
		if cl == nil || cl.Kind != Decreases {
			t.Fatalf("%q: no decreases clause", text)
		}
		lo, hi := token.Pos(file.Base()), token.Pos(file.Base()+len(src))
		for _, m := range append([]*Clause{cl}, cl.Rest...) {
			checkNodePositions(t, m.Expr, lo, hi)
			if m.Kind != Decreases || strings.Contains(m.Text, ",") && !strings.ContainsAny(m.Text, "([{\"`'/") {
				t.Fatalf("%q: component %q", text, m.Text)
			}
		}
	})
}

func TestParseMeasureTuple(t *testing.T) {
	fset := token.NewFileSet()
	src := "//vsynth:decreases len(a) - i, f(x, y) // n, m"
	file := fset.AddFile("", -1, len(src))
	cl, err := ParseDirective(fset, &ast.Comment{Slash: token.Pos(file.Base()), Text: src})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, m := range append([]*Clause{cl}, cl.Rest...) {
		got = append(got, m.Text)
	}
	if strings.Join(got, "|") != "len(a) - i|f(x, y)" {
		t.Fatalf("components %q", got)
	}
}

// TestGhostPlacement checks where GhostDirectives finds the statements
// around each line, and which lines it rejects.
func TestGhostPlacement(t *testing.T) {
	src := `package p

func F(x int) int {
	//vsynth:assert x > 0
	y := x
	if y > 0 {
		y--
		//vsynth:assume y >= 0
	}
	g := func() {
		//vsynth:assert true
	}
	_ = g
	return max(y,
		//vsynth:assert x > 1
		0)
}
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	gs, err := GhostDirectives(fset, f)
	if err == nil || !strings.Contains(err.Error(), "p.go:15:5: vsynth:assert must stand on a line of its own") {
		t.Fatalf("error = %v, want the assert inside the call rejected", err)
	}
	if len(gs) != 3 {
		t.Fatalf("%d ghost lines, want 3", len(gs))
	}
	if gs[0].Prev != nil || gs[0].Next == nil || fset.Position(gs[0].Next.Pos()).Line != 5 {
		t.Errorf("first line: prev %v, next %v", gs[0].Prev, gs[0].Next)
	}
	if gs[1].Next != nil || gs[1].Prev == nil || fset.Position(gs[1].Prev.Pos()).Line != 7 {
		t.Errorf("second line: prev %v, next %v", gs[1].Prev, gs[1].Next)
	}
	if _, lit := gs[2].Func.(*ast.FuncLit); !lit || gs[2].Prev != nil || gs[2].Next != nil {
		t.Errorf("third line: func %T, prev %v, next %v", gs[2].Func, gs[2].Prev, gs[2].Next)
	}
}
