package ssa

import (
	"fmt"
	"go/ast"
	"go/types"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/go/ast/astutil"
)

// The randomized check of the shipped standard-library contracts
// (stdlib_contracts.go): a Go program, generated from the contracts'
// clauses, calls each function compiled on edge and random inputs —
// empty strings, invalid UTF-8, surrogates, runes past MaxRune, extreme
// integers — and checks, wherever the requires clauses hold, that the
// function returns without panicking and that every ensures clause holds.
// A contract that is wrong on one of these inputs is reported with it.

// stdlibProbeSrc imports every package with shipped contracts, so that a
// load registers them all.
const stdlibProbeSrc = `package probe

import (
	_ "bytes"
	_ "strconv"
	_ "strings"
	_ "unicode"
	_ "unicode/utf8"
)
`

// loadStdlibProbe loads a package that imports every package with shipped
// contracts and returns the program with them registered.
func loadStdlibProbe(t *testing.T) *Program {
	t.Helper()
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"go.mod":   "module probe\n\ngo 1.26\n",
		"probe.go": stdlibProbeSrc,
	})
	prog, err := Load(LoadConfig{Dir: dir}, []string{"."})
	if err != nil {
		t.Fatal(err)
	}
	return prog
}

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, src := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// stdlibTargets returns the program's targets of shipped contracts,
// sorted by name.
func stdlibTargets(prog *Program) []*Target {
	var out []*Target
	for _, t := range prog.contracts {
		if t.stdlib != nil {
			out = append(out, t)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// stdlibChecker writes the Go function that checks t's contract on one
// input: "" when the requires clauses do not hold or the function met its
// contract, else what it broke.
func stdlibChecker(t *Target, name string) (string, error) {
	sp := t.Spec
	pkgName := t.Package.Name
	var params, args []string
	for _, v := range sp.Params {
		params = append(params, v.Name()+" "+types.TypeString(v.Type(), func(p *types.Package) string { return p.Name() }))
		args = append(args, v.Name())
	}
	var results []string
	for _, v := range sp.Results {
		results = append(results, v.Name())
	}
	var b strings.Builder
	fmt.Fprintf(&b, "func %s(%s) (bad string) {\n", name, strings.Join(params, ", "))
	for _, c := range sp.Func.Requires() {
		e, err := stdlibClauseGo(t, c.Expr)
		if err != nil {
			return "", err
		}
		fmt.Fprintf(&b, "\tif !zzvHolds(func() bool { return %s }) {\n\t\treturn \"\"\n\t}\n", e)
	}
	fmt.Fprintf(&b, "\tdefer func() {\n\t\tif r := recover(); r != nil {\n\t\t\tbad = zzvfmt.Sprintf(\"panicked: %%v\", r)\n\t\t}\n\t}()\n")
	fmt.Fprintf(&b, "\t%s := %s.%s(%s)\n", strings.Join(results, ", "), pkgName, t.Func.Name(), strings.Join(args, ", "))
	for _, r := range results {
		fmt.Fprintf(&b, "\t_ = %s\n", r)
	}
	for _, c := range sp.Func.Ensures() {
		e, err := stdlibClauseGo(t, c.Expr)
		if err != nil {
			return "", err
		}
		fmt.Fprintf(&b, "\tif !(%s) {\n\t\treturn %q\n\t}\n", e, "ensures "+c.Text)
	}
	b.WriteString("\treturn \"\"\n}\n")
	return b.String(), nil
}

// stdlibClauseGo writes clause e of t's contract as a Go expression of
// the checking program: names of the function's package qualified, and
// quantifiers over their bounded ranges.
func stdlibClauseGo(t *Target, e ast.Expr) (string, error) {
	info := t.Spec.Info
	pkg := t.Package.Types
	cp, orig := cloneExpr(e)
	res := astutil.Apply(cp, func(c *astutil.Cursor) bool {
		if sel, ok := c.Parent().(*ast.SelectorExpr); ok && c.Node() == sel.Sel {
			return false
		}
		id, ok := c.Node().(*ast.Ident)
		if !ok {
			return true
		}
		oid, _ := orig[id].(*ast.Ident)
		obj := info.Uses[oid]
		if obj != nil && obj.Pkg() == pkg && obj.Parent() == pkg.Scope() {
			c.Replace(&ast.SelectorExpr{X: ast.NewIdent(pkg.Name()), Sel: ast.NewIdent(id.Name)})
		}
		return true
	}, nil)
	src := printExpr(t.Package.Fset, rewriteQuantifiers(res.(ast.Expr)))
	if strings.Contains(src, "__vsynth_") {
		return "", fmt.Errorf("%s: a quantifier without bounds: %s", t.Short, src)
	}
	return src, nil
}

// stdlibInputKinds are the parameter types the generator draws inputs of.
var stdlibInputKinds = map[string]string{
	"string": "zzvString", "[]byte": "zzvBytes", "rune": "zzvRune", "int32": "zzvRune",
	"byte": "zzvByte", "uint8": "zzvByte", "int": "zzvInt", "int64": "zzvInt64", "uint64": "zzvUint64",
}

// stdlibSkip bounds inputs the check cannot afford to run: strings.Repeat
// may be asked for terabytes within its requires.
var stdlibSkip = map[string]string{
	"strings.Repeat": "uint64(len(s))*uint64(count) > 1<<20 || count > 1<<20",
}

// stdlibProgram writes the checking program for targets: each is run on
// n random inputs (seeded with seed) after its edge inputs.
func stdlibProgram(targets []*Target, n int, seed int64) (string, error) {
	var b strings.Builder
	b.WriteString("package main\n\nimport (\n\tzzvfmt \"fmt\"\n\tzzvreflect \"reflect\"\n\tzzvruntime \"runtime\"\n\tzzvunsafe \"unsafe\"\n\tzzvrand \"math/rand\"\n\t\"os\"\n")
	imported := map[string]bool{}
	for _, t := range targets {
		if !imported[t.Package.PkgPath] {
			imported[t.Package.PkgPath] = true
			fmt.Fprintf(&b, "\t%q\n", t.Package.PkgPath)
		}
	}
	b.WriteString(")\n\n")
	b.WriteString(replayHelpers)
	b.WriteString(stdlibGenSrc)
	var funcs []string
	fmt.Fprintf(&b, "\nfunc main() {\n\trng := zzvrand.New(zzvrand.NewSource(%d))\n\tfailed := 0\n", seed)
	for i, t := range targets {
		name := fmt.Sprintf("zzvCheck%d", i)
		fn, err := stdlibChecker(t, name)
		if err != nil {
			return "", err
		}
		b.WriteString("\t{\n")
		var decls, names []string
		for _, v := range t.Spec.Params {
			ts := types.TypeString(v.Type(), nil)
			gen, ok := stdlibInputKinds[ts]
			if !ok {
				return "", fmt.Errorf("%s: no inputs of type %s", t.Short, ts)
			}
			decls = append(decls, fmt.Sprintf("\t\t\t%s := %s(rng, k, prev)\n\t\t\tprev = append(prev, zzvRaw(%s))\n", v.Name(), gen, v.Name()))
			names = append(names, v.Name())
		}
		fmt.Fprintf(&b, "\t\tinDomain, runs := 0, 0\n\t\tfor k := 0; k < %d; k++ {\n\t\t\tvar prev []string\n\t\t\t_ = prev\n%s", n, strings.Join(decls, ""))
		if skip, ok := stdlibSkip[t.Short]; ok {
			fmt.Fprintf(&b, "\t\t\tif %s {\n\t\t\t\tcontinue\n\t\t\t}\n", skip)
		}
		fmt.Fprintf(&b, "\t\t\truns++\n\t\t\tif zzvDomain%d(%s) {\n\t\t\t\tinDomain++\n\t\t\t}\n", i, strings.Join(names, ", "))
		var quoted []string
		for _, nm := range names {
			quoted = append(quoted, fmt.Sprintf("%q, %s", nm+" = ", nm))
		}
		fmt.Fprintf(&b, "\t\t\tif bad := %s(%s); bad != \"\" {\n\t\t\t\tfailed++\n\t\t\t\tzzvfmt.Println(\"FAIL\", %q, zzvQuoteArgs(%s), bad)\n\t\t\t\tbreak\n\t\t\t}\n\t\t}\n", name, strings.Join(names, ", "), t.Short, strings.Join(quoted, ", "))
		fmt.Fprintf(&b, "\t\tzzvfmt.Println(\"RAN\", %q, runs, inDomain)\n\t}\n", t.Short)
		dom, err := stdlibDomain(t, fmt.Sprintf("zzvDomain%d", i))
		if err != nil {
			return "", err
		}
		funcs = append(funcs, fn, dom)
	}
	b.WriteString("\tif failed > 0 {\n\t\tos.Exit(1)\n\t}\n}\n\n")
	for _, fn := range funcs {
		b.WriteString(fn)
	}
	return b.String(), nil
}

// stdlibDomain writes the function that says whether the requires
// clauses of t hold on an input.
func stdlibDomain(t *Target, name string) (string, error) {
	sp := t.Spec
	var params []string
	for _, v := range sp.Params {
		params = append(params, v.Name()+" "+types.TypeString(v.Type(), func(p *types.Package) string { return p.Name() }))
	}
	var b strings.Builder
	fmt.Fprintf(&b, "func %s(%s) bool {\n", name, strings.Join(params, ", "))
	for _, v := range sp.Params {
		fmt.Fprintf(&b, "\t_ = %s\n", v.Name())
	}
	for _, c := range sp.Func.Requires() {
		e, err := stdlibClauseGo(t, c.Expr)
		if err != nil {
			return "", err
		}
		fmt.Fprintf(&b, "\tif !zzvHolds(func() bool { return %s }) {\n\t\treturn false\n\t}\n", e)
	}
	b.WriteString("\treturn true\n}\n\n")
	return b.String(), nil
}

// stdlibGenSrc draws the inputs: the first draws of each kind are its
// edge values, in order, and the rest random; a second string or byte is
// often taken from the inputs drawn before it (a substring, a byte of
// it), so that searches find something.
const stdlibGenSrc = `
func zzvHolds(f func() bool) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	return f()
}

func zzvQuoteArgs(kv ...any) string {
	s := ""
	for i := 0; i+1 < len(kv); i += 2 {
		if i > 0 {
			s += ", "
		}
		s += zzvfmt.Sprintf("%s%#v", kv[i], kv[i+1])
	}
	return s
}

var zzvEdgeStrings = []string{"", "a", "\x00", "\x80", "\xff", "\xc0\x80", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xe2\x82", "\xe2\x82\xac", "\U0010FFFF", "\uFFFD", "ab", "aa", "ba", "a\xffb", "héllo", "日本語", "0123456789", "-12", "\t x \n", "\xf0\x9f\x98", "\xf0\x9f\x98\x80", "key=value", "a.b.c", "://", "\xef\xbf\xbd"}

var zzvAlphabet = []byte{0, '0', '1', '9', 'a', 'b', 'A', '-', ':', '.', '=', ' ', '\t', 0x7f, 0x80, 0x8f, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xe2, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff}

var zzvEdgeRunes = []rune{0, 'a', '0', '9', ' ', '\t', '\n', 0x7f, 0x80, 0x85, 0xa0, 0xff, 0x100, 0x7ff, 0x800, 0xd7ff, 0xd800, 0xdfff, 0xe000, 0xfffd, 0xffff, 0x10000, 0x10ffff, 0x110000, -1, -0x80000000, 0x7fffffff}

var zzvEdgeInts = []int64{0, 1, -1, 2, 9, 10, -10, 99, 100, 36, 37, -9223372036854775808, 9223372036854775807, 1 << 31, -(1 << 31), 1 << 32}

func zzvRandString(rng *zzvrand.Rand) string {
	switch rng.Intn(3) {
	case 0:
		return zzvEdgeStrings[rng.Intn(len(zzvEdgeStrings))]
	case 1:
		b := make([]byte, rng.Intn(12))
		for i := range b {
			b[i] = zzvAlphabet[rng.Intn(len(zzvAlphabet))]
		}
		return string(b)
	}
	s := ""
	for n := rng.Intn(6); n > 0; n-- {
		r := zzvRandRune(rng)
		if rng.Intn(4) == 0 {
			s += string(rune(rng.Intn(0x80)))
		} else {
			s += string(r)
		}
	}
	if len(s) > 0 && rng.Intn(4) == 0 {
		s = s[:rng.Intn(len(s))] // cut inside a rune
	}
	return s
}

func zzvString(rng *zzvrand.Rand, k int, prev []string) string {
	if len(prev) > 0 && rng.Intn(2) == 0 {
		if s, ok := zzvUnquote(prev[0]); ok && len(s) > 0 {
			i := rng.Intn(len(s) + 1)
			j := i + rng.Intn(len(s)-i+1)
			return s[i:j]
		}
	}
	if k < len(zzvEdgeStrings) {
		return zzvEdgeStrings[k]
	}
	return zzvRandString(rng)
}

// zzvUnquote reads back a string input drawn before.
func zzvUnquote(s string) (string, bool) { return s, true }

// zzvRaw is an input as the later draws read it: the bytes of a string
// or a []byte, the printed value of others.
func zzvRaw(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case []byte:
		return string(v)
	}
	return zzvfmt.Sprint(v)
}

func zzvBytes(rng *zzvrand.Rand, k int, prev []string) []byte {
	if k == 0 {
		return nil
	}
	return []byte(zzvString(rng, k-1, prev))
}

func zzvRandRune(rng *zzvrand.Rand) rune {
	switch rng.Intn(4) {
	case 0:
		return zzvEdgeRunes[rng.Intn(len(zzvEdgeRunes))]
	case 1:
		return rune(rng.Intn(0x200))
	case 2:
		return rune(rng.Intn(0x110000))
	}
	return rune(rng.Uint32())
}

func zzvRune(rng *zzvrand.Rand, k int, prev []string) rune {
	if k < len(zzvEdgeRunes) {
		return zzvEdgeRunes[k]
	}
	return zzvRandRune(rng)
}

func zzvByte(rng *zzvrand.Rand, k int, prev []string) byte {
	if len(prev) > 0 && len(prev[0]) > 0 && rng.Intn(2) == 0 {
		return prev[0][rng.Intn(len(prev[0]))]
	}
	if k < 256 {
		return byte(k)
	}
	return byte(rng.Intn(256))
}

func zzvInt64(rng *zzvrand.Rand, k int, prev []string) int64 {
	if k < len(zzvEdgeInts) {
		return zzvEdgeInts[k]
	}
	switch rng.Intn(3) {
	case 0:
		return int64(rng.Intn(45)) - 4
	case 1:
		return zzvEdgeInts[rng.Intn(len(zzvEdgeInts))]
	}
	return int64(rng.Uint64()) >> uint(rng.Intn(64))
}

func zzvInt(rng *zzvrand.Rand, k int, prev []string) int { return int(zzvInt64(rng, k, prev)) }

func zzvUint64(rng *zzvrand.Rand, k int, prev []string) uint64 {
	return uint64(zzvInt64(rng, k, prev))
}
`

// runStdlibProgram builds and runs the checking program for targets and
// returns its output and whether it reported a failure.
func runStdlibProgram(t *testing.T, targets []*Target, n int, seed int64) (string, bool) {
	t.Helper()
	src, err := stdlibProgram(targets, n, seed)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"go.mod": "module stdcheck\n\ngo 1.26\n", "main.go": src})
	cmd := exec.Command("go", "run", ".")
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		if _, ok := err.(*exec.ExitError); !ok || !strings.Contains(string(out), "FAIL ") {
			t.Fatalf("running the check: %v\n%s\n%s", err, out, numbered(src))
		}
		return string(out), true
	}
	return string(out), false
}

// numbered writes src with line numbers, for a build error.
func numbered(src string) string {
	var b strings.Builder
	for i, l := range strings.Split(src, "\n") {
		b.WriteString(strconv.Itoa(i+1) + "\t" + l + "\n")
	}
	return b.String()
}
