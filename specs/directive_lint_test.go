package specs

import (
	"go/parser"
	"go/token"
	"strings"
	"testing"
)

// TestDirectiveWarnings checks each kind of comment that looks like a
// directive but is read as none, and that well-formed directives and
// ordinary comments give no warning.
func TestDirectiveWarnings(t *testing.T) {
	src := `package p

// F is fine.
//
//vsynth:requires x > 0
//vsynth:ensures result > 0
func F(x int) int { return x }

// vsynth:ensures result > 0
func G(x int) int { return x }

//VSynth:ensures result > 0
func H(x int) int { return x }

/* vsynth:requires x > 0 */
func I(x int) int { return x }

//vsynth:ensures result > 0

func J(x int) int {
	//vsynth:invariant i >= 0
	for i := 0; i < x; i++ {
	}
	// The vsynth: prefix in prose is fine when not at the start.
	return x
}

//vsynth:requires true
var V = 1
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range DirectiveWarnings(fset, f) {
		got = append(got, w.Error())
	}
	want := []string{
		"p.go:9:1: malformed vsynth directive: no space may stand between // and vsynth: (write //vsynth:ensures); this comment is ignored",
		"p.go:12:1: malformed vsynth directive: vsynth: is lower case (write //vsynth:ensures); this comment is ignored",
		"p.go:15:1: malformed vsynth directive: a directive is a // line comment (//vsynth:requires); this one is ignored",
		"p.go:18:1: vsynth:ensures is not in a function's doc comment (directly above func, no blank line): it applies to no function and is ignored",
		"p.go:28:1: vsynth:requires is not in a function's doc comment (directly above func, no blank line): it applies to no function and is ignored",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
