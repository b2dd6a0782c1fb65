package ssa

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/printer"
	"go/token"
	"go/types"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/go/ast/astutil"

	"github.com/vsynth/vsynth/specs"
)

// Every counterexample is real: the replay runs the compiled Go function
// on its inputs and checks that it violates the spec there — that it
// returns exactly the outputs the counterexample claims and that the
// violated clause is false (or panics), or that it panics the way the
// counterexample says.

// replayCase is one counterexample to replay.
type replayCase struct {
	res *FuncResult
	ob  *ObligationResult
}

// failedCases lists the refuted obligations of results.
func failedCases(results []*FuncResult) []replayCase {
	var cs []replayCase
	for _, r := range results {
		for _, o := range r.Obligations {
			// A loop state from which an iteration breaks an invariant is
			// not an input: it says the invariant is not inductive, which
			// no run of the function can show.
			// Parameters that share memory cannot be written as separate
			// literals; slices too large to allocate are not replayed.
			if o.Verdict == Failed && o.Kind != InvariantPreserved && replayable(o.Counterexample) {
				cs = append(cs, replayCase{r, o})
			}
		}
	}
	return cs
}

// replay compiles and runs the cases against a copy of module root and
// reports every counterexample that real Go does not reproduce. It returns
// the number of cases replayed.
func replay(t *testing.T, prog *Program, root string, cases []replayCase) int {
	t.Helper()
	if len(cases) == 0 {
		return 0
	}
	work := t.TempDir()
	for _, name := range []string{"go.mod", "go.sum"} {
		if b, err := os.ReadFile(filepath.Join(root, name)); err == nil {
			os.WriteFile(filepath.Join(work, name), b, 0o644)
		}
	}
	modPath := cases[0].res.Target.Package.Module.Path
	byPkg := map[string][]int{}
	var order []string
	for i, c := range cases {
		p := c.res.Target.Package
		if _, ok := byPkg[p.PkgPath]; !ok {
			order = append(order, p.PkgPath)
			rel, err := filepath.Rel(root, packageDir(p))
			if err != nil {
				t.Fatal(err)
			}
			copyDir(t, packageDir(p), filepath.Join(work, rel))
			instrumentRequires(t, prog, p.PkgPath, filepath.Join(work, rel))
		}
		byPkg[p.PkgPath] = append(byPkg[p.PkgPath], i)
	}
	var mainSrc bytes.Buffer
	mainSrc.WriteString("package main\n\nimport (\n\t\"fmt\"\n")
	for i, path := range order {
		fmt.Fprintf(&mainSrc, "\tp%d %q\n", i, path)
	}
	mainSrc.WriteString(")\n\nfunc main() {\n")
	for i, path := range order {
		p := cases[byPkg[path][0]].res.Target.Package
		rel, _ := filepath.Rel(root, packageDir(p))
		src := replayFile(t, prog, p.Name, cases, byPkg[path])
		if err := os.WriteFile(filepath.Join(work, rel, "zz_vsynth_replay.go"), src, 0o644); err != nil {
			t.Fatal(err)
		}
		for _, j := range byPkg[path] {
			fmt.Fprintf(&mainSrc, "\tfmt.Printf(\"%%d\\t%%s\\n\", %d, p%d.VsynthReplay%d())\n", j, i, j)
		}
	}
	mainSrc.WriteString("}\n")
	mainDir := filepath.Join(work, "vsynthreplaymain")
	os.MkdirAll(mainDir, 0o755)
	os.WriteFile(filepath.Join(mainDir, "main.go"), mainSrc.Bytes(), 0o644)
	_ = modPath
	cmd := exec.Command("go", "run", "./vsynthreplaymain")
	cmd.Dir = work
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("replay program failed: %v\n%s", err, out)
	}
	got := map[int]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		i, rest, ok := strings.Cut(line, "\t")
		n, err := strconv.Atoi(i)
		if !ok || err != nil {
			t.Fatalf("bad replay output line %q", line)
		}
		got[n] = rest
	}
	for i, c := range cases {
		checkReplay(t, prog, c, got[i])
	}
	return len(cases)
}

// checkReplay compares what Go did with what the counterexample claims.
func checkReplay(t *testing.T, prog *Program, c replayCase, got string) {
	t.Helper()
	cex := c.ob.Counterexample
	where := fmt.Sprintf("%s: %s %s at %s (inputs %v)", c.res.Target.Name, c.ob.Kind, c.ob.Clause, prog.Fset.Position(c.ob.Pos), cex.Inputs)
	switch {
	case cex.Panic != "":
		if !strings.HasPrefix(got, "panic: ") {
			t.Errorf("%s: Go did not panic, it returned %q", where, got)
		} else if cex.Panic != "panic" && !strings.Contains(got, cex.Panic) {
			t.Errorf("%s: Go panicked with %q, want %q", where, got, cex.Panic)
		}
	case c.ob.Kind == WellDefined && c.ob.Of == "requires":
		if !strings.HasPrefix(got, "panic: ") {
			t.Errorf("%s: the requires clause did not panic in Go: %q", where, got)
		}
	case c.ob.Kind == InvariantEntry:
		// The replayed packages check every invariant at the loop head
		// (instrumentRequires): the first check must fail.
		if !strings.Contains(got, "panic: "+invariantViolated) {
			t.Errorf("%s: Go did not enter the loop with the invariant false: %q", where, got)
		}
	case c.ob.Kind == CallRequires:
		// The replayed packages check every requires clause on entry
		// (instrumentRequires): the call must trip the callee's check.
		if !strings.Contains(got, "panic: "+requiresViolated) {
			t.Errorf("%s: Go did not call a function outside its requires: %q", where, got)
		}
	default:
		outs, rest, _ := strings.Cut(got, "|")
		want, clause, _ := strings.Cut(rest, "|")
		if outs != want {
			t.Errorf("%s: Go returned %q, the counterexample says %q", where, outs, want)
		}
		if c.ob.Kind == Ensures && clause != "false" && !strings.HasPrefix(clause, "panic") {
			t.Errorf("%s: the clause holds in Go (%q): not a counterexample", where, clause)
		}
	}
}

// replayFile writes, in package pkgName, a function VsynthReplayN per case
// that runs the function on the counterexample and reports what happened.
func replayFile(t *testing.T, prog *Program, pkgName string, cases []replayCase, idx []int) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "package %s\n\nimport (\n\t\"fmt\"\n\t\"math\"\n\t\"math/bits\"\n\t\"reflect\"\n", pkgName)
	imports := map[string]bool{"fmt": true, "math": true, "math/bits": true, "reflect": true}
	for _, i := range idx {
		for _, is := range cases[i].res.Target.Spec.Func.Imports {
			path, _ := strconv.Unquote(is.Path.Value)
			if !imports[path] {
				imports[path] = true
				name := ""
				if is.Name != nil {
					name = is.Name.Name + " "
				}
				fmt.Fprintf(&b, "\t%s%q\n", name, path)
			}
		}
	}
	b.WriteString(")\n\nvar _ = math.MaxInt8\nvar _ = bits.UintSize\nvar _ = reflect.DeepEqual\n\n")
	for _, i := range idx {
		c := cases[i]
		tg := c.res.Target
		fn := tg.Func
		qual := types.RelativeTo(tg.Package.Types)
		fmt.Fprintf(&b, "func VsynthReplay%d() (out string) {\n", i)
		b.WriteString("\tdefer func() {\n\t\tif r := recover(); r != nil {\n\t\t\tout += fmt.Sprint(\"panic: \", r)\n\t\t}\n\t}()\n")
		var args []string
		for k, in := range c.ob.Counterexample.Inputs {
			name := tg.Spec.Params[k].Name()
			fmt.Fprintf(&b, "\tvar %s %s = %s\n", name, types.TypeString(fn.Params[k].Type(), qual), in.Value)
			args = append(args, name)
		}
		if c.ob.Kind == WellDefined && c.ob.Of == "requires" {
			fmt.Fprintf(&b, "\t_ = %s\n\treturn \"requires evaluated\"\n}\n\n", exprString(t, prog, clauseExpr(tg, c.ob)))
			continue
		}
		var results []string
		for k := range tg.Spec.Results {
			results = append(results, tg.Spec.Results[k].Name())
		}
		call := fmt.Sprintf("%s(%s)", tg.Func.Name(), strings.Join(args, ", "))
		if fn.Signature.Recv() != nil {
			call = fmt.Sprintf("%s.%s(%s)", args[0], tg.Func.Name(), strings.Join(args[1:], ", "))
		}
		// An ensures clause reads old(E) from copies of the inputs made
		// before the call.
		var clause string
		if c.ob.Kind == Ensures {
			var params []mutVar
			for k := range c.ob.Counterexample.Inputs {
				params = append(params, mutVar{name: tg.Spec.Params[k].Name()})
			}
			e, olds, err := withoutOld(exprString(t, prog, clauseExpr(tg, c.ob)), params)
			if err != nil {
				t.Fatal(err)
			}
			clause = e
			for k, p := range params {
				if olds[p.name] {
					fmt.Fprintf(&b, "\t%s := %s\n", preName(p.name), preCopyOf(p.name, fn.Params[k].Type(), qual))
				}
			}
		}
		if len(results) == 0 {
			fmt.Fprintf(&b, "\t%s\n\tout = \"||\"\n", call)
		} else {
			// What it returns and what the counterexample claims, both
			// printed by Go: "got|want|".
			fmt.Fprintf(&b, "\t%s := %s\n", strings.Join(results, ", "), call)
			var verbs, shown, claimed []string
			outs := c.ob.Counterexample.Outputs
			for k, r := range results {
				verbs = append(verbs, "%v")
				if k >= len(outs) { // a panic: no outputs to compare
					shown, claimed = append(shown, r), append(claimed, `"-"`)
					continue
				}
				o, typ := outs[k], types.TypeString(fn.Signature.Results().At(k).Type(), qual)
				if isScalar(fn.Signature.Results().At(k).Type()) {
					shown = append(shown, r)
					claimed = append(claimed, fmt.Sprintf("(%s)(%s)", typ, o.Value))
					continue
				}
				// Slices, structs, pointers: compared with the value the
				// counterexample writes, by reflect.DeepEqual.
				shown = append(shown, fmt.Sprintf("func() string { var w %s = %s; if reflect.DeepEqual(%s, w) { return %q }; return fmt.Sprintf(\"%%#v\", %s) }()", typ, o.Value, r, o.Value, r))
				claimed = append(claimed, strconv.Quote(o.Value))
			}
			fmt.Fprintf(&b, "\tout = fmt.Sprintf(%q, %s) + \"|\" + fmt.Sprintf(%q, %s) + \"|\"\n",
				strings.Join(verbs, ","), strings.Join(shown, ", "), strings.Join(verbs, ","), strings.Join(claimed, ", "))
		}
		if clause != "" {
			fmt.Fprintf(&b, "\tok := %s\n\treturn out + fmt.Sprint(ok)\n}\n\n", clause)
			continue
		}
		b.WriteString("\treturn out\n}\n\n")
	}
	fmt.Fprintf(&b, "const zzvQuantRange = %d\n\n%s", replayQuantRange, quantifierHelpers)
	return b.Bytes()
}

// clauseExpr finds the clause an obligation checks.
func clauseExpr(tg *Target, o *ObligationResult) ast.Expr {
	for _, c := range tg.Spec.Func.Clauses {
		if c.Pos == o.Pos {
			return c.Expr
		}
	}
	return nil
}

func hasQuantifier(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && (id.Name == specs.ForallName || id.Name == specs.ExistsName) {
			found = true
		}
		return !found
	})
	return found
}

func exprString(t *testing.T, prog *Program, e ast.Expr) string {
	t.Helper()
	if e == nil {
		t.Fatal("replay: clause not found")
	}
	var b bytes.Buffer
	if err := printer.Fprint(&b, prog.Fset, e); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func copyDir(t *testing.T, from, to string) {
	t.Helper()
	if err := os.MkdirAll(to, 0o755); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(from)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".go") || strings.HasSuffix(e.Name(), "_test.go") {
			continue
		}
		b, err := os.ReadFile(filepath.Join(from, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(to, e.Name()), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// requiresViolated starts the panic message of a requires check.
const requiresViolated = "vsynth replay: requires violated: "

// invariantViolated starts the panic of an instrumented invariant check.
const invariantViolated = "vsynth replay: invariant violated: "

// instrumentRequires rewrites the copied Go files of package pkgPath in dir
// so that every function with a contract checks its requires clauses on
// entry and panics when one is false: a call-requires counterexample is
// real when running it trips the callee's check.
func instrumentRequires(t *testing.T, prog *Program, pkgPath, dir string) {
	t.Helper()
	checks := map[string][]string{} // function name -> clause expressions
	for _, tg := range prog.Targets {
		if tg.Package.PkgPath != pkgPath || tg.Func.Signature.Recv() != nil {
			continue
		}
		for _, c := range tg.Spec.Func.Requires() {
			if !hasQuantifier(c.Expr) {
				checks[tg.Func.Name()] = append(checks[tg.Func.Name()], exprString(t, prog, c.Expr))
			}
		}
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
	for _, name := range files {
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, name, nil, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		changed := instrumentInvariants(t, fset, f)
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Recv != nil || fd.Body == nil || checks[fd.Name.Name] == nil {
				continue
			}
			var stmts []ast.Stmt
			for _, c := range checks[fd.Name.Name] {
				src := fmt.Sprintf("if !(%s) { panic(%q) }", c, requiresViolated+fd.Name.Name+": "+c)
				stmts = append(stmts, parseStmt(t, src))
				if strings.Contains(c, "math.") {
					astutil.AddImport(fset, f, "math")
				}
				if strings.Contains(c, "bits.") {
					astutil.AddImport(fset, f, "math/bits")
				}
			}
			fd.Body.List = append(stmts, fd.Body.List...)
			changed = true
		}
		if !changed {
			continue
		}
		var buf bytes.Buffer
		if err := format.Node(&buf, fset, f); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// parseStmt parses one Go statement.
func parseStmt(t *testing.T, src string) ast.Stmt {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), "", "package p\nfunc _() {\n"+src+"\n}\n", 0)
	if err != nil {
		t.Fatalf("parsing %q: %v", src, err)
	}
	return f.Decls[0].(*ast.FuncDecl).Body.List[0]
}

// instrumentInvariants makes every for statement of f with invariants
// (without quantifiers) check them each time before its condition.
func instrumentInvariants(t *testing.T, fset *token.FileSet, f *ast.File) bool {
	t.Helper()
	loops, err := specs.LoopDirectives(fset, f)
	if err != nil {
		t.Fatal(err)
	}
	changed := false
	for _, lp := range loops {
		if rs, ok := lp.Stmt.(*ast.RangeStmt); ok {
			changed = instrumentRange(t, fset, f, rs, lp.Clauses) || changed
			continue
		}
		fs, ok := lp.Stmt.(*ast.ForStmt)
		if !ok {
			continue
		}
		for i := len(lp.Clauses) - 1; i >= 0; i-- {
			// A quantifier is evaluated over a bounded range: see
			// quantifierHelpers.
			c := lp.Clauses[i]
			var b bytes.Buffer
			format.Node(&b, fset, c.Expr)
			src := fmt.Sprintf("func() bool { if !(%s) { panic(%q) }; return true }()", b.String(), invariantViolated+c.Text)
			check, err := parser.ParseExpr(src)
			if err != nil {
				t.Fatalf("parsing %q: %v", src, err)
			}
			if strings.Contains(src, "bits.") {
				astutil.AddImport(fset, f, "math/bits")
			}
			if fs.Cond == nil {
				fs.Cond = check
			} else {
				fs.Cond = &ast.BinaryExpr{X: check, Op: token.LAND, Y: &ast.ParenExpr{X: fs.Cond}}
			}
			changed = true
		}
	}
	return changed
}

// instrumentRange makes a range loop with a key declared by := check its
// invariants at each head: with the key 0 before the loop (through
// __vsynth_range_entry, around the ranged expression), and at the start
// of each iteration, where the key is the index of the iteration about to
// start, as in vsynth's reading of range invariants. (The head after the
// last iteration is not checked: an entry replay does not need it.)
func instrumentRange(t *testing.T, fset *token.FileSet, f *ast.File, rs *ast.RangeStmt, clauses []*specs.Clause) bool {
	t.Helper()
	key, ok := rs.Key.(*ast.Ident)
	if !ok || rs.Tok != token.DEFINE || key.Name == "_" {
		return false
	}
	var checks []ast.Stmt
	for _, c := range clauses {
		var b bytes.Buffer
		format.Node(&b, fset, c.Expr)
		src := fmt.Sprintf("func() { if !(%s) { panic(%q) } }()", b.String(), invariantViolated+c.Text)
		check, err := parser.ParseExpr(src)
		if err != nil {
			t.Fatalf("parsing %q: %v", src, err)
		}
		if strings.Contains(src, "bits.") {
			astutil.AddImport(fset, f, "math/bits")
		}
		checks = append(checks, &ast.ExprStmt{X: check})
	}
	entry := &ast.FuncLit{
		Type: &ast.FuncType{Params: &ast.FieldList{List: []*ast.Field{{Names: []*ast.Ident{ast.NewIdent(key.Name)}, Type: ast.NewIdent("int")}}}},
		Body: &ast.BlockStmt{List: append([]ast.Stmt(nil), checks...)},
	}
	rs.X = &ast.CallExpr{Fun: ast.NewIdent("__vsynth_range_entry"), Args: []ast.Expr{rs.X, entry}}
	rs.Body.List = append(checks, rs.Body.List...)
	return true
}

// replayQuantRange bounds the values a quantified variable takes when a
// replay evaluates a clause in Go: -4096..4096, so every index of a slice
// of a counterexample that a replay runs (and its neighbours) is in it.
const replayQuantRange = 4096

// quantifierHelpers evaluate a spec's quantifiers in Go (the spec parser
// writes forall k T :: E as __vsynth_forall(func(k T) bool { return E }))
// over -zzvQuantRange..zzvQuantRange, converted to T, which the file that
// includes them defines. Bounded, the evaluation is exact for quantifiers
// over the indices of shorter slices — every quantifier of this project's
// contracts and invariants, whose guards are 0 <= k && k < len(a) or
// narrower, on the slices of the driver and of counterexamples.
const quantifierHelpers = `func __vsynth_forall[T zzvInteger](body func(T) bool) bool {
	for i := -zzvQuantRange; i <= zzvQuantRange; i++ {
		if !body(T(i)) {
			return false
		}
	}
	return true
}

func __vsynth_exists[T zzvInteger](body func(T) bool) bool {
	for i := -zzvQuantRange; i <= zzvQuantRange; i++ {
		if body(T(i)) {
			return true
		}
	}
	return false
}

func __vsynth_range_entry[T any](x T, check func(int)) T {
	// A range over an integer reaches its head only when it runs at
	// least once (go/ssa rotates the loop); one over a sequence always.
	v := reflect.ValueOf(x)
	if v.CanInt() && v.Int() <= 0 || v.CanUint() && v.Uint() == 0 {
		return x
	}
	check(0)
	return x
}

type zzvInteger interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr
}
`

// preCopyOf is a Go expression that copies the value of parameter name, of
// type t, and what a slice or pointer refers to (one level: the elements
// or the pointed-to value).
func preCopyOf(name string, t types.Type, qual types.Qualifier) string {
	spelled := types.TypeString(t, qual)
	switch t.Underlying().(type) {
	case *types.Slice:
		return fmt.Sprintf("append(%s(nil), %s...)", spelled, name)
	case *types.Pointer:
		return fmt.Sprintf("func() %s { if %s == nil { return nil }; c := *%s; return &c }()", spelled, name, name)
	}
	return name
}

// replayable reports whether a counterexample's inputs can be written as
// independent Go values of reasonable size.
func replayable(c *Counterexample) bool {
	if len(c.Aliases) > 0 || len(c.Unshown) > 0 {
		return false
	}
	for _, in := range c.Inputs {
		for _, m := range makeSizeRE.FindAllStringSubmatch(in.Value, -1) {
			if n, err := strconv.ParseUint(m[1], 10, 64); err != nil || n > 1<<20 {
				return false
			}
		}
	}
	return true
}

// makeSizeRE finds the sizes of the slices a counterexample makes (long
// slices are written func() []T { s := make([]T, N); ... }()).
var makeSizeRE = regexp.MustCompile(`make\([^,()]+, (\d+)`)

// isScalar reports whether values of t print with %v as the
// counterexample writes them: integers and bools.
func isScalar(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&(types.IsInteger|types.IsBoolean) != 0
}
