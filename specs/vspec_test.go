package specs

import (
	"fmt"
	"go/token"
	"strings"
	"testing"
	"time"
)

const goodVspec = `package mathx

import (
	"math"
	"math/bits"
)

// Abs is the absolute value.
func Abs(x int32) int32
	requires x != math.MinInt32
	ensures result >= 0 // non-negative
	ensures result == x ||
		result == -x

// comments allowed

synth func IsolateLowest(x uint32) uint32
	ops + - & | ^ neg com
	consts 0 1 0xff -1 0b1010 1_000 // small ones
		0o17
	ensures x == 0 ==> result == 0

func (p *Point) Norm() int32
	ensures result >= 0

func Pop(x uint32) int
	ensures result == bits.OnesCount32(x)
func NoClauses()
`

func TestParseFileGood(t *testing.T) {
	fset := token.NewFileSet()
	f, err := ParseFile(fset, "mathx.vspec", []byte(goodVspec))
	if err != nil {
		t.Fatalf("ParseFile: %v", err)
	}
	if f.Name != "mathx.vspec" || f.Package != "mathx" {
		t.Errorf("file %q package %q", f.Name, f.Package)
	}
	if got := fset.Position(f.PackagePos).String(); got != "mathx.vspec:1:9" {
		t.Errorf("package at %s, want mathx.vspec:1:9", got)
	}
	if len(f.Imports) != 2 || f.Imports[1].Path.Value != `"math/bits"` {
		t.Errorf("imports = %v", f.Imports)
	}
	type clause struct{ kind, text, pos string }
	want := []struct {
		name, fullName, pos string
		synth               bool
		clauses             []clause
	}{
		{"Abs", "Abs", "mathx.vspec:9:6", false, []clause{
			{"requires", "x != math.MinInt32", "mathx.vspec:10:11"},
			{"ensures", "result >= 0", "mathx.vspec:11:10"},
			{"ensures", "result == x ||\n\t\tresult == -x", "mathx.vspec:12:10"},
		}},
		{"IsolateLowest", "IsolateLowest", "mathx.vspec:17:12", true, []clause{
			{"ensures", "x == 0 ==> result == 0", "mathx.vspec:21:10"},
		}},
		{"Norm", "(*Point).Norm", "mathx.vspec:23:17", false, []clause{
			{"ensures", "result >= 0", "mathx.vspec:24:10"},
		}},
		{"Pop", "Pop", "mathx.vspec:26:6", false, []clause{
			{"ensures", "result == bits.OnesCount32(x)", "mathx.vspec:27:10"},
		}},
		{"NoClauses", "NoClauses", "mathx.vspec:28:6", false, nil},
	}
	if len(f.Funcs) != len(want) {
		t.Fatalf("got %d funcs, want %d", len(f.Funcs), len(want))
	}
	for i, w := range want {
		fn := f.Funcs[i]
		if fn.Name != w.name || fn.FullName() != w.fullName || fn.Synth != w.synth {
			t.Errorf("func %d = %s (%s) synth=%v, want %s (%s) synth=%v", i, fn.Name, fn.FullName(), fn.Synth, w.name, w.fullName, w.synth)
		}
		if got := fset.Position(fn.Pos).String(); got != w.pos {
			t.Errorf("%s at %s, want %s", fn.Name, got, w.pos)
		}
		if fn.File != "mathx.vspec" || len(fn.Imports) != 2 || fn.Decl == nil || fn.Decl.Body != nil {
			t.Errorf("%s: file %q, %d imports, decl %v", fn.Name, fn.File, len(fn.Imports), fn.Decl)
		}
		if len(fn.Clauses) != len(w.clauses) {
			t.Errorf("%s: %d clauses, want %d", fn.Name, len(fn.Clauses), len(w.clauses))
			continue
		}
		for j, wc := range w.clauses {
			c := fn.Clauses[j]
			got := clause{c.Kind.String(), c.Text, fset.Position(c.Pos).String()}
			if got != wc {
				t.Errorf("%s clause %d = %q, want %q", fn.Name, j, got, wc)
			}
			if c.Expr == nil {
				t.Errorf("%s clause %d has no expression", fn.Name, j)
			}
		}
	}
	iso := f.Funcs[1]
	if got := strings.Join(iso.Ops, " "); got != "+ - & | ^ neg com" {
		t.Errorf("ops = %q", got)
	}
	if got := strings.Join(iso.Consts, " "); got != "0 1 0xff -1 0b1010 1_000 0o17" {
		t.Errorf("consts = %q", got)
	}
	if got := fset.Position(iso.OpsPos).String(); got != "mathx.vspec:18:2" {
		t.Errorf("ops at %s", got)
	}
	if got := fset.Position(iso.ConstsPos).String(); got != "mathx.vspec:19:2" {
		t.Errorf("consts at %s", got)
	}
	abs := f.Funcs[0]
	if len(abs.Requires()) != 1 || len(abs.Ensures()) != 2 {
		t.Errorf("Abs: %d requires, %d ensures", len(abs.Requires()), len(abs.Ensures()))
	}
	if got := render(abs.Clauses[2].Expr); got != "((result == x) || (result == (-x)))" {
		t.Errorf("continued clause = %s", got)
	}
}

func TestParseFileErrors(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"missing package", "func F(x int)\n\trequires x > 0\n",
			"a.vspec:1:1: expected 'package', found 'func'"},
		{"clause before any func", "package p\n\trequires x > 0\nfunc F(x int)\n",
			"a.vspec:2:2: requires clause before any func declaration"},
		{"clause after import", "package p\n\nimport \"math\"\n\tensures true\nfunc F()\n",
			"a.vspec:4:2: ensures clause before any func declaration"},
		{"clause after var", "package p\n\nfunc F(x int)\nvar v int\n\tensures true\n",
			"a.vspec:4:1: unexpected var declaration: a .vspec declares only imports and funcs\n" +
				"a.vspec:5:2: ensures clause must directly follow its func declaration"},
		{"unknown keyword", "package p\n\nfunc F(x int)\n\tassumes x > 0\n",
			`a.vspec:4:2: unknown clause keyword "assumes"; want requires, ensures, modifies, ops or consts`},
		{"invariant is not a vspec clause", "package p\nfunc F(x int)\n\tinvariant x > 0\n",
			`a.vspec:3:2: unknown clause keyword "invariant"; want requires, ensures, modifies, ops or consts`},
		{"bad ops word", "package p\nsynth func F(x int) int\n\tops + foo -\n",
			`a.vspec:3:8: unknown op "foo"; want one of + - * / % & | ^ &^ << >> == != < <= > >= && || neg com not if`},
		{"bad expression", "package p\nfunc F(x int) int\n\trequires x >\n",
			"a.vspec:3:14: expected operand, found end of expression"},
		{"bad continued expression", "package p\nfunc F(x int) int\n\trequires x > 0 &&\n\t\t)\n",
			"a.vspec:4:3: expected operand, found ')'"},
		{"missing expression", "package p\nfunc F(x int) int\n\tensures   \n",
			"a.vspec:3:2: missing expression after ensures"},
		{"ops on a plain func", "package p\nfunc F(x int) int\n\tops + -\n",
			"a.vspec:3:2: ops clause is only allowed on a synth func"},
		{"consts on a plain func", "package p\nfunc F(x int) int\n\tconsts 1\n",
			"a.vspec:3:2: consts clause is only allowed on a synth func"},
		{"bad constant", "package p\nsynth func F(x int) int\n\tconsts 1 0x 08 -- 1.5\n",
			"a.vspec:3:11: invalid integer constant \"0x\"\n" +
				"a.vspec:3:14: invalid integer constant \"08\"\n" +
				"a.vspec:3:17: invalid integer constant \"--\"\n" +
				"a.vspec:3:20: invalid integer constant \"1.5\""},
		{"empty ops", "package p\nsynth func F(x int) int\n\tops // none\n",
			"a.vspec:3:2: ops clause lists no operators"},
		{"duplicate ops", "package p\nsynth func F(x int) int\n\tops +\n\tops -\n",
			"a.vspec:4:2: duplicate ops clause (first at a.vspec:3:2)"},
		{"unindented clause", "package p\nfunc F(x int) int\nrequires x > 0\n",
			"a.vspec:3:1: requires clause must be indented below its func declaration"},
		{"func with body", "package p\nfunc F(x int) int { return x }\n",
			"a.vspec:2:19: func F has a body: a .vspec declares signatures only"},
		{"var declaration", "package p\nvar x int\n",
			"a.vspec:2:1: unexpected var declaration: a .vspec declares only imports and funcs"},
		{"duplicate func", "package p\nfunc F()\nfunc (T) M()\nfunc F()\n",
			"a.vspec:4:6: duplicate spec for F (first at a.vspec:2:6)"},
		{"several errors sorted", "package p\nfunc F(x int) int\n\tensures x +\n\trequires )\n",
			"a.vspec:3:13: expected operand, found end of expression\n" +
				"a.vspec:4:11: expected operand, found ')'"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := ParseFile(token.NewFileSet(), "a.vspec", []byte(tt.src))
			if err == nil {
				t.Fatalf("ParseFile succeeded with %d funcs, want error %q", len(f.Funcs), tt.want)
			}
			if _, ok := err.(ErrorList); !ok {
				t.Errorf("error is %T, want ErrorList", err)
			}
			if err.Error() != tt.want {
				t.Errorf("error:\n%s\nwant:\n%s", err, tt.want)
			}
		})
	}
}

func TestParseFileLayouts(t *testing.T) {
	src := `package p

import "math"

func Multi(
	requires int,
	y int,
) (
	ensures int,
)
	requires requires > 0 /* a ( comment */
	ensures ensures >= y

/* a block
	requires not a clause
*/
func S() string
	ensures result == ` + "`" + `raw
		(` + "`" + `
	ensures len(result) >= 0
synth	func T(x int) int
	ops +
`
	fset := token.NewFileSet()
	f, err := ParseFile(fset, "layout.vspec", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, fn := range f.Funcs {
		for _, c := range fn.Clauses {
			got = append(got, fmt.Sprintf("%s %s %s", fn.Name, c.Kind, c.Text))
		}
	}
	want := []string{
		"Multi requires requires > 0",
		"Multi ensures ensures >= y",
		"S ensures result == `raw\n\t\t(`",
		"S ensures len(result) >= 0",
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("clauses:\n%q\nwant:\n%q", got, want)
	}
	if len(f.Funcs) != 3 || !f.Funcs[2].Synth || len(f.Funcs[2].Ops) != 1 {
		t.Errorf("funcs %d, last synth %v", len(f.Funcs), f.Funcs[len(f.Funcs)-1].Synth)
	}
}

func TestParseFileManyClauses(t *testing.T) {
	var b strings.Builder
	b.WriteString("package p\n\nfunc F(x int, xs []int) int\n")
	for i := 0; i < 10000; i++ {
		fmt.Fprintf(&b, "\tensures forall i int :: 0 <= i && i < len(xs) ==> xs[i] != %d || result > x\n", i)
	}
	start := time.Now()
	f, err := ParseFile(token.NewFileSet(), "many.vspec", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	if n := len(f.Funcs[0].Clauses); n != 10000 {
		t.Errorf("%d clauses, want 10000", n)
	}
	if d := time.Since(start); d > 30*time.Second { // wide: a loaded machine; a quadratic parser takes far longer
		t.Errorf("parsing 10000 clauses took %v", d)
	}
}

func TestParseFileManyFuncs(t *testing.T) {
	var b strings.Builder
	b.WriteString("package p\n")
	for i := 0; i < 10000; i++ {
		fmt.Fprintf(&b, "func F%d(x int) int\n\trequires x > %d\n\tensures result > x\n", i, i)
	}
	start := time.Now()
	f, err := ParseFile(token.NewFileSet(), "many.vspec", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Funcs) != 10000 || len(f.Funcs[9999].Clauses) != 2 || f.Funcs[9999].Clauses[0].Text != "x > 9999" {
		t.Errorf("%d funcs; last has %v", len(f.Funcs), f.Funcs[len(f.Funcs)-1].Clauses)
	}
	if d := time.Since(start); d > 30*time.Second { // wide: a loaded machine; a quadratic parser takes far longer
		t.Errorf("parsing 10000 specs took %v", d)
	}
}

func TestCheckPackageName(t *testing.T) {
	fset := token.NewFileSet()
	f, err := ParseFile(fset, "p.vspec", []byte("package mathx\n"))
	if err != nil {
		t.Fatal(err)
	}
	if err := CheckPackageName(fset, f, "mathx"); err != nil {
		t.Errorf("matching name: %v", err)
	}
	err = CheckPackageName(fset, f, "mathy")
	if err == nil || err.Error() != "p.vspec:1:9: package mathx does not match the Go package mathy" {
		t.Errorf("error = %v", err)
	}
}
