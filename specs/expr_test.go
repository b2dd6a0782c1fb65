package specs

import (
	"errors"
	"go/ast"
	"go/token"
	"strings"
	"testing"
	"time"
)

func TestParseExprShapes(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"and binds tighter than or", "a || b && c", "(a || (b && c))"},
		{"comparison below and", "a == b && c < d", "((a == b) && (c < d))"},
		{"additive and multiplicative", "a + b * c << d - e", "((a + ((b * c) << d)) - e)"},
		{"left associative", "a - b - c", "((a - b) - c)"},
		{"and-not and bit ops", "a &^ b | c ^ d & e", "(((a &^ b) | c) ^ (d & e))"},
		{"implication right associative", "a ==> b ==> c", "(a ==> (b ==> c))"},
		{"implication below or", "a || b ==> c && d", "((a || b) ==> (c && d))"},
		{"implication in parentheses", "(a ==> b) ==> c", "((a ==> b) ==> c)"},
		{"implication as argument", "f(a ==> b, c)", "f((a ==> b), c)"},
		{"implication without blanks", "a==>b", "(a ==> b)"},
		{"quantifier body extends right", "forall i int :: 0 <= i && i < n ==> a[i] > 0",
			"forall i int :: (((0 <= i) && (i < n)) ==> (a[i] > 0))"},
		{"quantifier after and", "x > 0 && forall i int :: i < x || i >= x",
			"((x > 0) && forall i int :: ((i < x) || (i >= x)))"},
		{"parenthesized quantifier", "(forall i int :: p(i)) && q", "((forall i int :: p(i)) && q)"},
		{"several variables", "forall i, j int :: i < j", "forall i int :: forall j int :: (i < j)"},
		{"nested quantifiers", "exists k uint8 :: forall j pkg.T :: k == j",
			"exists k uint8 :: forall j pkg.T :: (k == j)"},
		{"forall as a plain name", "forall == 1", "(forall == 1)"},
		{"array literal", "[3]int{a[1], a[0], a[2]} == b", "([3]int{a[1], a[0], a[2]} == b)"},
		{"struct literal", "Point{X: 1, Y: 2}.X == 1", "(Point{X: 1, Y: 2}.X == 1)"},
		{"qualified literal", "pkg.T{1, 2,}", "pkg.T{1, 2}"},
		{"slice literal", "[]int{1, 2}[0]", "[]int{1, 2}[0]"},
		{"map literal", `map[string]int{"a": 1}["a"] == 1`, `(map[string]int{"a": 1}["a"] == 1)`},
		{"elided literal types", "[][2]int{{1, 2}, {3, 4}}", "[][2]int{{1, 2}, {3, 4}}"},
		{"array of unknown length", "[...]int{1}", "[...]int{1}"},
		{"conversions", "int64(x) * int64(y)", "(int64(x) * int64(y))"},
		{"pointer conversion", "(*T)(p) == nil", "((*T)(p) == nil)"},
		{"slice conversion", "[]byte(s)", "[]byte(s)"},
		{"variadic call", "f(xs...)", "f(xs...)"},
		{"unary operators", "-x + ^y - +z", "(((-x) + (^y)) - (+z))"},
		{"not and address", "!a && !!b || *p == &q", "(((!a) && (!(!b))) || (*p == (&q)))"},
		{"slices", "a[i:j] + a[:j] + a[i:] + a[:] + a[i:j:k]", "((((a[i:j] + a[:j]) + a[i:]) + a[:]) + a[i:j:k])"},
		{"selectors and calls", "x.y.z(1)(2)", "x.y.z(1)(2)"},
		{"instantiation", "F[int, string](x)", "F[int, string](x)"},
		{"literal kinds", "1.5 + 2i + 'a' + \"s\" + `r`", "((((1.5 + 2i) + 'a') + \"s\") + `r`)"},
		{"trailing comment", "result >= 0 // want \"failed\"", "(result >= 0)"},
		{"several lines", "a &&\n\t\tb /* note */ ||\n\tc", "((a && b) || c)"},
		{"len and index", "len(xs) > 0 ==> xs[0] <= xs[len(xs)-1]", "((len(xs) > 0) ==> (xs[0] <= xs[(len(xs) - 1)]))"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, err := ParseExprString(tt.src)
			if err != nil {
				t.Fatalf("ParseExprString(%q): %v", tt.src, err)
			}
			if got := render(e); got != tt.want {
				t.Errorf("ParseExprString(%q) = %s, want %s", tt.src, got, tt.want)
			}
			again, err := ParseExprString(tt.want)
			if err != nil || render(again) != tt.want {
				t.Errorf("rendering %s does not parse back: %v", tt.want, err)
			}
		})
	}
}

func TestParseExprErrors(t *testing.T) {
	tests := []struct {
		src, want string
	}{
		{"", "1:1: missing expression"},
		{"  // only a comment", "1:20: missing expression"},
		{"a +", "1:4: expected operand, found end of expression"},
		{"a ) b", "1:3: unexpected ')' after expression"},
		{"a == >b", "1:6: expected operand, found '>'"},
		{"a;b", "1:2: unexpected ';' after expression"},
		{"a &&\n  )", "2:3: expected operand, found ')'"},
		{"f(a, b", "1:7: expected ')', found end of expression"},
		{"func(x int) bool { return true }", "1:1: unsupported in a spec: function literal"},
		{"x.(int) == 1", "1:2: unsupported in a spec: type assertion"},
		{"struct{}{}", "1:1: unsupported in a spec: struct type"},
		{"<-ch", "1:1: unsupported in a spec: channel receive"},
		{"forall i :: i > 0", "1:10: expected an integer type name, found '::'"},
		{"forall i []int :: true", "1:10: expected an integer type name, found '['"},
		{"forall i int : i > 0", "1:14: expected '::' after the quantified variables, found ':'"},
		{"forall i, 1 int :: true", "1:11: expected variable name, found literal 1"},
		{"forall i int.: true", "1:14: expected type name, found ':'"},
		{"a[1::2]", "1:4: expected ']', found '::'"},
		{"a[1:2:]", "1:7: final index required in 3-index slice"},
		{"a[1::]", "1:4: expected ']', found '::'"},
		{"a[]", "1:3: expected operand, found ']'"},
		{"a.1", "1:2: unexpected literal .1 after expression"},
		{"a.", "1:3: expected selector, found end of expression"},
		{`s == "abc`, "1:6: string literal not terminated"},
		{"a @ b", "1:3: illegal character U+0040 '@'"},
		{"x /* open", "1:3: comment not terminated"},
		{"p == Point{X: 1", "1:16: expected '}', found end of expression"},
	}
	for _, tt := range tests {
		_, err := ParseExprString(tt.src)
		if err == nil {
			t.Errorf("ParseExprString(%q) succeeded, want error %q", tt.src, tt.want)
			continue
		}
		if err.Error() != tt.want {
			t.Errorf("ParseExprString(%q) error = %q, want %q", tt.src, err, tt.want)
		}
		var list ErrorList
		if !errors.As(err, &list) || len(list) != 1 {
			t.Errorf("ParseExprString(%q) error %T is not a one-element ErrorList", tt.src, err)
		}
	}
}

func TestParseExprPositions(t *testing.T) {
	src := "package p\n//vsynth:ensures  result ==> x > 0\n//vsynth:requires x >\n    )\n"
	fset := token.NewFileSet()
	file := fset.AddFile("a.go", -1, len(src))
	file.SetLinesForContent([]byte(src))
	off := strings.Index(src, "  result")
	end := off + strings.IndexByte(src[off:], '\n')
	e, err := ParseExpr(fset, file.Pos(off), src[off:end])
	if err != nil {
		t.Fatal(err)
	}
	positions := map[string]string{}
	ast.Inspect(e, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			positions[id.Name] = fset.Position(id.Pos()).String()
		}
		return true
	})
	want := map[string]string{"result": "a.go:2:19", "x": "a.go:2:30"}
	for name, pos := range want {
		if positions[name] != pos {
			t.Errorf("%s at %s, want %s", name, positions[name], pos)
		}
	}
	bin := e.(*ast.BinaryExpr)
	if got := fset.Position(bin.OpPos).String(); got != "a.go:2:26" {
		t.Errorf("==> at %s, want a.go:2:26", got)
	}
	if got := fset.Position(e.End()).String(); got != "a.go:2:35" {
		t.Errorf("expression ends at %s, want a.go:2:35", got)
	}

	off = strings.Index(src, "requires x >") + len("requires ")
	_, err = ParseExpr(fset, file.Pos(off), src[off:len(src)-1])
	if err == nil || err.Error() != "a.go:4:5: expected operand, found ')'" {
		t.Errorf("error = %v, want a.go:4:5: expected operand, found ')'", err)
	}
}

func TestQuantifierDesugaring(t *testing.T) {
	e, err := ParseExprString("forall i int :: i >= 0")
	if err != nil {
		t.Fatal(err)
	}
	call, ok := e.(*ast.CallExpr)
	if !ok {
		t.Fatalf("got %T, want *ast.CallExpr", e)
	}
	if fun, ok := call.Fun.(*ast.Ident); !ok || fun.Name != ForallName {
		t.Errorf("callee = %v, want %s", call.Fun, ForallName)
	}
	lit, ok := call.Args[0].(*ast.FuncLit)
	if !ok {
		t.Fatalf("argument is %T, want *ast.FuncLit", call.Args[0])
	}
	param := lit.Type.Params.List[0]
	if param.Names[0].Name != "i" || param.Type.(*ast.Ident).Name != "int" {
		t.Errorf("parameter = %s %s, want i int", param.Names[0].Name, render(param.Type))
	}
	if res := lit.Type.Results.List[0].Type.(*ast.Ident).Name; res != "bool" {
		t.Errorf("result type %s, want bool", res)
	}
	ret := lit.Body.List[0].(*ast.ReturnStmt)
	if got := render(ret.Results[0]); got != "(i >= 0)" {
		t.Errorf("body %s, want (i >= 0)", got)
	}

	e, err = ParseExprString("forall i, j big.Word :: i == j")
	if err != nil {
		t.Fatal(err)
	}
	outer, _ := QuantifierOf(e)
	inner, _ := QuantifierOf(outer.Body)
	if outer.Type == inner.Type {
		t.Error("the variables of one quantifier share a type node")
	}
	if render(outer.Type) != "big.Word" || render(inner.Type) != "big.Word" {
		t.Errorf("types %s and %s, want big.Word", render(outer.Type), render(inner.Type))
	}
}

func TestIsImplicationIgnoresWrittenOr(t *testing.T) {
	e, err := ParseExprString("!(a) || (b)")
	if err != nil {
		t.Fatal(err)
	}
	if IsImplication(e.(*ast.BinaryExpr)) {
		t.Error("a written !(a) || (b) is reported as an implication")
	}
}

func TestParseExprDeepNesting(t *testing.T) {
	for _, src := range []string{
		strings.Repeat("(", 100000),
		strings.Repeat("(", 100000) + "x" + strings.Repeat(")", 100000),
		strings.Repeat("!", 100000) + "x",
		strings.Repeat("[]", 100000) + "int{}",
		"T" + strings.Repeat("{", 100000),
		strings.Repeat("forall i int :: ", 5000) + "true",
		strings.Repeat("f(", 100000),
	} {
		_, err := ParseExprString(src)
		if err == nil || !strings.Contains(err.Error(), "nested too deeply") {
			t.Errorf("input of %d bytes: error = %v, want nesting error", len(src), err)
		}
	}
	// Long flat chains are not nesting and must parse.
	chain := "x" + strings.Repeat(" ==> x", 100000)
	if _, err := ParseExprString(chain); err != nil {
		t.Errorf("long implication chain: %v", err)
	}
	sum := "x" + strings.Repeat(" + x", 100000) + " > 0"
	if _, err := ParseExprString(sum); err != nil {
		t.Errorf("long sum: %v", err)
	}
	// Nesting just inside the limit parses.
	ok := strings.Repeat("(", MaxNesting/2) + "x" + strings.Repeat(")", MaxNesting/2)
	if _, err := ParseExprString(ok); err != nil {
		t.Errorf("%d parentheses: %v", MaxNesting/2, err)
	}
}

func TestParseExprManyClausesIsFast(t *testing.T) {
	start := time.Now()
	for i := 0; i < 10000; i++ {
		if _, err := ParseExprString("forall i int :: 0 <= i && i < len(xs) ==> xs[i] >= 0"); err != nil {
			t.Fatal(err)
		}
	}
	if d := time.Since(start); d > 30*time.Second { // wide: a loaded machine; a quadratic parser takes far longer
		t.Errorf("10000 clauses took %v", d)
	}
}
