package specs

import (
	"errors"
	"go/ast"
	"go/token"
	"strings"
	"testing"
)

var exprSeeds = []string{
	"result >= 0 && (result == x || result == -x)",
	"a ==> b ==> c",
	"forall i, j int :: 0 <= i && i < j && j < len(xs) ==> xs[i] <= xs[j]",
	"(exists k uint8 :: k == x) || [3]int{a[1], a[0], a[2]}[0] == Point{X: 1}.X",
	"m[\"k\"] == map[string]int{\"k\": 1}[\"k\"] && xs[1:2:3] != nil",
	"(*T)(p) == &q && f(xs...) > int64(y) // trailing",
	"x ==>",
	"a[::]",
	strings.Repeat("(", 2000),
	"`raw\r\nstring` == \"s\"",
}

// checkNodePositions fails unless every node of e lies within
// [lo, hi] and starts before it ends. The callee of a desugared quantifier
// is exempt from the end check: it sits at the keyword but its name is
// longer.
func checkNodePositions(t *testing.T, e ast.Expr, lo, hi token.Pos) {
	t.Helper()
	ast.Inspect(e, func(n ast.Node) bool {
		if n == nil {
			return false
		}
		end := n.End()
		if id, ok := n.(*ast.Ident); ok && (id.Name == ForallName || id.Name == ExistsName) {
			end = id.Pos()
		}
		if n.Pos() < lo || end > hi || n.Pos() > end {
			t.Fatalf("%T spans [%d, %d), outside [%d, %d]", n, n.Pos(), n.End(), lo, hi)
		}
		return true
	})
}

func FuzzParseExpr(f *testing.F) {
	for _, seed := range exprSeeds {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		e, err := ParseExprString(text)
		if err != nil {
			var list ErrorList
			if e != nil || !errors.As(err, &list) || len(list) != 1 || list[0].Msg == "" {
				t.Fatalf("bad failure: expr %v, error %T %v", e, err, err)
			}
			return
		}
		base := token.Pos(1) // ParseExprString's file starts at base 1
		checkNodePositions(t, e, base, base+token.Pos(len(text)))
		// The rendering parses back to the same tree, unless the added
		// parentheses nest too deeply.
		rendered := render(e)
		again, err := ParseExprString(rendered)
		if err != nil {
			if strings.Contains(err.Error(), "nested too deeply") {
				return
			}
			t.Fatalf("rendering %q of %q does not parse: %v", rendered, text, err)
		}
		if got := render(again); got != rendered {
			t.Fatalf("%q renders as %q, which renders as %q", text, rendered, got)
		}
	})
}

var fileSeeds = []string{
	goodVspec,
	"package p\nfunc F(x int) int\n\trequires x > 0\n\tensures result == x\n",
	"package p\n\trequires x\n",
	"synth func F()\n\tops + - neg\n",
	"package p\nsynth func F(x uint8) uint8\n\tconsts -0x1 1_0 0b1\n\tensures\n\t\tresult ==> x\n",
	"package p\nfunc (p *T) M(\n\tx int,\n) (r int)\n\tensures r == x\n/* requires\n*/\n",
	"package p\nfunc F()\n\tensures `\n",
	"package p\nfunc F()\n\tfrob x\n\tensures 1 +\n",
	"package p\nimport \"math\"\nfunc F() int32\n\tensures result != math.MinInt32 // c\n\n\t\t&& true\n",
	"\xef\xbb\xbfpackage p\r\nfunc F(x int)\r\n\trequires x > 0\r\n",
	"package p\nfunc F(p *T, a []int, i int)\n\tmodifies p.X, a[i:], *p\n\tmodifies nothing\n",
	"package p\nfunc F()\n\tmodifies\n\tmodifies a[,\n",
}

func FuzzParseFile(f *testing.F) {
	for _, seed := range fileSeeds {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		fset := token.NewFileSet()
		file, err := ParseFile(fset, "fuzz.vspec", src)
		if err != nil {
			var list ErrorList
			if file != nil || !errors.As(err, &list) || len(list) == 0 {
				t.Fatalf("bad failure: file %v, error %T %v", file, err, err)
			}
			return
		}
		tokFile := fset.File(file.PackagePos)
		if tokFile == nil || tokFile.Size() != len(src) {
			t.Fatalf("package position %d is not in the parsed file", file.PackagePos)
		}
		lo := token.Pos(tokFile.Base())
		hi := lo + token.Pos(len(src))
		for _, fn := range file.Funcs {
			if fn.Pos < lo || fn.Pos > hi || fn.Decl == nil || fn.Name == "" {
				t.Fatalf("func %q at %d outside [%d, %d]", fn.Name, fn.Pos, lo, hi)
			}
			for _, c := range fn.Clauses {
				checkNodePositions(t, c.Expr, lo, hi)
				off := int(c.Pos - lo)
				if c.Text == "" || !strings.HasPrefix(string(src[off:]), c.Text) {
					t.Fatalf("clause text %q is not the source at its position", c.Text)
				}
			}
			if !fn.Synth && (len(fn.Ops) > 0 || len(fn.Consts) > 0) {
				t.Fatalf("func %s has ops or consts but is not synth", fn.Name)
			}
		}
	})
}
