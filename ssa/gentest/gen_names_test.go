package gentest

import (
	"context"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"text/template"
	"time"

	"github.com/vsynth/vsynth/internal/provetest"
	"github.com/vsynth/vsynth/internal/testsolver"
	"github.com/vsynth/vsynth/ssa"

	"github.com/vsynth/vsynth/smt"
)

// The names generator (issue 16, item 1): functions whose parameters,
// locals, named results, receivers, quantified and loop variables,
// functions, types and packages are named after the names vsynth invents
// for its SMT variables, and after SMT-LIB's reserved words, must get the
// verdicts and counterexample values the same functions get with neutral
// names. The invented names are read off the code that mints them
// (names.go and every call that makes a variable), so a new internal name
// is covered without editing this test.

// mintingCalls are the functions whose string arguments become variable
// names.
var mintingCalls = map[string]bool{"Var": true, "freshVar": true, "freshName": true, "EliminateArrays": true}

// inventedWords reads the Go identifiers inside the names vsynth invents:
// the string constants of names.go and the string literals passed to the
// minting calls in the ssa and smt packages. "!mem0." yields mem0 and
// mem00, "%%param%d" param and param0.
func inventedWords(t *testing.T) []string {
	t.Helper()
	words := map[string]bool{}
	add := func(lit string) {
		s, err := strconv.Unquote(lit)
		if err != nil {
			return
		}
		for _, w := range regexp.MustCompile(`[A-Za-z_][A-Za-z0-9_]*`).FindAllString(s, -1) {
			words[w] = true
			words[w+"0"] = true
		}
	}
	fset := token.NewFileSet()
	for _, dir := range []string{"..", "../../smt"} { // ssa and smt
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil {
			t.Fatal(err)
		}
		for _, path := range files {
			if strings.HasSuffix(path, "_test.go") {
				continue
			}
			f, err := parser.ParseFile(fset, path, nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			ast.Inspect(f, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.GenDecl:
					if n.Tok == token.CONST && filepath.Base(path) == "names.go" {
						for _, spec := range n.Specs {
							for _, v := range spec.(*ast.ValueSpec).Values {
								if lit, ok := v.(*ast.BasicLit); ok && lit.Kind == token.STRING {
									add(lit.Value)
								}
							}
						}
					}
				case *ast.CallExpr:
					name := ""
					switch fun := n.Fun.(type) {
					case *ast.Ident:
						name = fun.Name
					case *ast.SelectorExpr:
						name = fun.Sel.Name
					}
					if mintingCalls[name] {
						ast.Inspect(n, func(m ast.Node) bool {
							if lit, ok := m.(*ast.BasicLit); ok && lit.Kind == token.STRING {
								add(lit.Value)
							}
							return true
						})
					}
				}
				return true
			})
		}
	}
	// Names earlier schemes invented, which Go code could also use: go/ssa
	// calls an unnamed parameter argN, the specs package called one _pN,
	// results are resultN in counterexamples, SSA registers tN.
	for _, w := range []string{"alloc0", "arg0", "arg1", "_p0", "_p1", "result", "result0", "result1", "t0", "t1"} {
		words[w] = true
	}
	var out []string
	for w := range words {
		if token.IsIdentifier(w) && w != "_" {
			out = append(out, w)
		}
	}
	sort.Strings(out)
	return out
}

// smtWords are SMT-LIB reserved words, commands and theory symbols that
// are Go identifiers (true and false are predeclared, and shadowable), and
// identifiers that are no SMT-LIB simple symbol (non-ASCII letters).
var smtWords = []string{"and", "or", "not", "xor", "let", "assert", "bvadd", "bvule", "ite", "distinct",
	"store", "lambda", "forall", "exists", "par", "as", "concat", "extract", "exp", "pi", "abs", "div",
	"mod", "true", "false", "NaN", "fp", "str", "_p", "π", "é0", "Ǆx"}

// nameTemplates are the function families. Each slot ({{.A}}, ...) is a
// name; every template is rendered once per package, so names declared at
// package level (Fn, Type) are per package.
// Every failing case fails at one input only, so that the counterexample
// values can be compared across namings.
var nameTemplates = []struct {
	name  string
	slots []string // the slots, all distinct names
	src   string
}{
	{"scalars", []string{"A", "B", "R", "L"}, `
//vsynth:requires {{.A}} > 10
//vsynth:ensures {{.R}} == {{.A}}+{{.B}}
func Scalars({{.A}}, {{.B}} int8) ({{.R}} int8) {
	{{.L}} := {{.A}} + {{.B}}
	if {{.L}} == 77 && {{.B}} == -3 {
		return 0
	}
	return {{.L}}
}

//vsynth:ensures {{.R}} == {{.A}}-{{.B}}
func ScalarsProved({{.A}}, {{.B}} int64) ({{.R}} int64) {
	{{.L}} := {{.A}}
	{{.L}} -= {{.B}}
	return {{.L}}
}
`},
	{"pointers", []string{"A", "P", "L", "B"}, `
//vsynth:requires {{.P}} != nil
//vsynth:ensures result == *{{.P}} + int32({{.A}})
func Pointers({{.A}} uint32, {{.P}} *int32) int32 {
	{{.L}} := new(int32)
	*{{.L}} = *{{.P}}
	if {{.A}} == 5 && *{{.P}} == 9 {
		return 0
	}
	return *{{.L}} + int32({{.A}})
}

//vsynth:requires {{.A}} == 0
//vsynth:ensures result == 0
func Fresh({{.A}} uint64, {{.P}} *int32) int32 {
	{{.L}} := new(int64)
	if {{.P}} != nil && {{.L}} != nil {
		return 1
	}
	return 0
}

//vsynth:ensures result
func Blank(_ *int64, {{.B}} uint64) bool {
	return {{.B}} != 1<<63
}
`},
	{"slices", []string{"S", "A", "L", "Q"}, `
//vsynth:requires len({{.S}}) == 3
//vsynth:ensures forall {{.Q}} int :: 0 <= {{.Q}} && {{.Q}} < len({{.S}}) ==> {{.S}}[{{.Q}}] == {{.A}}
func Fill({{.S}} []int8, {{.A}} int8) {
	//vsynth:invariant 0 <= {{.L}} && {{.L}} <= len({{.S}})
	//vsynth:invariant forall {{.Q}} int :: 0 <= {{.Q}} && {{.Q}} < {{.L}} ==> {{.S}}[{{.Q}}] == {{.A}}
	for {{.L}} := 0; {{.L}} < len({{.S}}); {{.L}}++ {
		{{.S}}[{{.L}}] = {{.A}}
	}
}

//vsynth:requires len({{.S}}) == 2 && {{.S}}[0] == 1 && {{.S}}[1] == 2
//vsynth:ensures {{.S}}[0] == {{.A}} || {{.A}} != 4
func FillFailed({{.S}} []int8, {{.A}} int8) {
	{{.L}} := 0
	{{.S}}[{{.L}}] = {{.A}}
	if {{.A}} == 4 {
		{{.S}}[{{.L}}]++
	}
}
`},
	{"methods", []string{"Type", "Recv", "B", "Fn", "X"}, `
type {{.Type}} struct{ X int16 }

//vsynth:ensures result == {{.X}}*2
func {{.Fn}}({{.X}} int16) int16 { return {{.X}} * 2 }

//vsynth:requires {{.Recv}} != nil
//vsynth:ensures result == {{.Recv}}.X+{{.B}}*2
func ({{.Recv}} *{{.Type}}) Method({{.B}} int16) int16 {
	return {{.Recv}}.X + {{.Fn}}({{.B}})
}

//vsynth:requires {{.Recv}} != nil && {{.Recv}}.X == 3
//vsynth:ensures result != 13
func ({{.Recv}} *{{.Type}}) MethodFailed({{.B}} int16) int16 {
	return {{.Recv}}.X + {{.B}}*2
}

//vsynth:ensures result
func (*{{.Type}}) Unnamed({{.B}} uint64) bool {
	return {{.B}} != 1<<63
}
`},
}

// manyParams renders functions whose parameters take every name of the
// pool at once. They are methods with an unnamed receiver, with a blank
// pointer parameter and a pointer they read, so that every kind of
// invented name (the allocation base, entry memory, blank and unnamed
// parameters) is in the query. ManyZero and ManyHigh are refuted at one
// input: every parameter pinned to 0 (where the allocation base could
// leave no room for the pointer) or to 1<<63 (where no pointer lies).
// Many and ManySmall are proved; ManySmall's 16-bit parameters would
// clash in sort with a 64-bit variable of the same name.
func manyParams(pool []string) string {
	var wide, small, zero, high, sum, sumSmall []string
	for _, n := range pool {
		wide = append(wide, n+" uint64")
		small = append(small, n+" int16")
		zero = append(zero, n+" == 0")
		high = append(high, n+" == 1<<63")
		sum = append(sum, n)
		sumSmall = append(sumSmall, n)
	}
	return fmt.Sprintf(`
type vsynthT struct{ X int64 }

//vsynth:requires vsynthP != nil
//vsynth:ensures result == *vsynthP+int64(%[2]s)
func (*vsynthT) Many(_ *int64, vsynthP *int64, %[1]s) int64 {
	return *vsynthP + int64(%[2]s)
}

//vsynth:requires vsynthP != nil && *vsynthP == -1 && %[3]s
//vsynth:ensures result != *vsynthP+int64(%[2]s)
func (*vsynthT) ManyZero(_ *int64, vsynthP *int64, %[1]s) int64 {
	return *vsynthP + int64(%[2]s)
}

//vsynth:requires vsynthP != nil && *vsynthP == -1 && %[4]s
//vsynth:ensures result != *vsynthP+int64(%[2]s)
func (*vsynthT) ManyHigh(_ *int64, vsynthP *int64, %[1]s) int64 {
	return *vsynthP + int64(%[2]s)
}

//vsynth:requires vsynthP != nil
//vsynth:ensures result == *vsynthP+%[6]s
func (*vsynthT) ManySmall(_ *int16, vsynthP *int16, %[5]s) int16 {
	return *vsynthP + %[6]s
}
`, strings.Join(wide, ", "), strings.Join(sum, "+"), strings.Join(zero, " && "), strings.Join(high, " && "),
		strings.Join(small, ", "), strings.Join(sumSmall, "+"))
}

// nameCase is one rendering of the templates in one package.
type nameCase struct {
	dir   string // the package's directory (an import path cannot be any identifier)
	pkg   string
	names map[string]string // slot -> name, over every template
	many  string            // manyParams, with these names or neutral ones
}

// renderNames writes a package of every template with names.
func renderNames(t *testing.T, dir string, c nameCase) {
	t.Helper()
	var b strings.Builder
	fmt.Fprintf(&b, "package %s\n", c.pkg)
	b.WriteString(c.many)
	for _, tm := range nameTemplates {
		vals := map[string]string{}
		for _, s := range tm.slots {
			vals[s] = c.names[tm.name+"."+s]
		}
		if err := template.Must(template.New(tm.name).Parse(tm.src)).Execute(&b, vals); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.MkdirAll(filepath.Join(dir, c.dir), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, c.dir, "names.go"), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// nameCases spreads the pool over the slots: case k gives its slots the
// names from pool[k*slots] on, all distinct, so that count cases cover
// min(count*slots, len(pool)) names, and with count = len(pool) every name
// lands in every slot. The k-th package is named after a name too. The
// neutral case comes first.
func nameCases(pool []string, count int) []nameCase {
	var slots []string
	for _, tm := range nameTemplates {
		for _, s := range tm.slots {
			slots = append(slots, tm.name+"."+s)
		}
	}
	neutral := nameCase{dir: "neutral", pkg: "neutral", names: map[string]string{}}
	for j, s := range slots {
		neutral.names[s] = fmt.Sprintf("n%d", j)
	}
	cases := []nameCase{neutral}
	for k := 0; k < count; k++ {
		c := nameCase{dir: fmt.Sprintf("p%d", k), pkg: pool[(k*len(slots)+len(slots))%len(pool)], names: map[string]string{}}
		used := map[string]bool{c.pkg: true}
		for j, s := range slots {
			name := pool[(k*len(slots)+j)%len(pool)]
			for used[name] {
				name += "x"
			}
			used[name], c.names[s] = true, name
		}
		cases = append(cases, c)
	}
	return cases
}

// usableNames filters the pool down to names the templates can take: not
// Go keywords, and not the predeclared names the templates use.
func usableNames(words []string) []string {
	used := map[string]bool{"len": true, "new": true, "nil": true, "int": true, "int8": true, "int16": true,
		"int32": true, "int64": true, "uint32": true, "uint64": true, "bool": true, "result": true, "X": true,
		"old": true, "min": true, "max": true,
		// imported by the replay program (ssa/confirm_source.go), or special at
		// package level
		"fmt": true, "math": true, "bits": true, "reflect": true, "init": true, "main": true}
	seen := map[string]bool{}
	var out []string
	for _, w := range words {
		if token.IsKeyword(w) || used[w] || seen[w] || !token.IsIdentifier(w) || w == "_" {
			continue
		}
		seen[w] = true
		out = append(out, w)
	}
	return out
}

// obligationOutcome is what must agree between namings: the verdict and
// the counterexample's values (not the names they are bound to).
func obligationOutcome(o *ssa.ObligationResult, rename func(string) string) string {
	if rename == nil {
		rename = func(s string) string { return s }
	}
	s := fmt.Sprintf("%s %s", o.Kind, o.Verdict)
	if c := o.Counterexample; c != nil && o.Verdict == ssa.Failed {
		var in, out []string
		for _, b := range c.Inputs {
			in = append(in, rename(b.Value))
		}
		for _, b := range c.Outputs {
			out = append(out, rename(b.Value))
		}
		s += fmt.Sprintf(" (%s) -> (%s) %s", strings.Join(in, ", "), strings.Join(out, ", "), c.Panic)
	}
	return s
}

func TestGenNames(t *testing.T) {
	words := inventedWords(t)
	for _, must := range []string{"alloc0", "mem0", "read", "param0", "appendcap", "loop", "sk", "havoc"} {
		if !contains(words, must) {
			t.Fatalf("the invented names read off the code lack %s: %v", must, words)
		}
	}
	pool := usableNames(append(words, smtWords...))
	// By default every name is a parameter of Many, and the first names
	// take every slot kind once; the long run puts every name in every
	// slot.
	count := 1
	if os.Getenv("VSYNTH_LONG") != "" {
		count = len(pool)
	}
	if n, err := strconv.Atoi(os.Getenv("VSYNTH_NAMES_CASES")); err == nil && n > 0 {
		count = n // a run between the two
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module example.com/names\n\ngo 1.24\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cases := nameCases(pool, count)
	var neutralPool []string
	for i := range pool {
		neutralPool = append(neutralPool, fmt.Sprintf("m%d", i))
	}
	cases[0].many, cases[1].many = manyParams(neutralPool), manyParams(pool)
	for _, c := range cases {
		renderNames(t, dir, c)
	}
	prog, err := ssa.Load(ssa.LoadConfig{Dir: dir}, []string{"./..."})
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	emit := filepath.Join(dir, "smt2")
	// The functions take a second or two each on a loaded machine: the
	// wide limit keeps a slow check from reading as a verdict that
	// differs between namings.
	opts := ssa.Options{
		Limits:     smt.Limits{Timeout: 2 * time.Minute},
		NewSolver:  testsolver.New,
		CrossCheck: testsolver.CrossCheckCVC5, CrossCheckName: "cvc5",
		EmitSMT: emit,
	}
	start := time.Now()
	results, err := prog.Prove(context.Background(), prog.Targets, opts)
	if err != nil {
		t.Fatalf("prove: %v", err)
	}
	t.Logf("prove: %v", time.Since(start))
	for _, r := range results {
		if r.Time > time.Second {
			t.Logf("%s: %s in %v", r.Target.Short, r.Verdict, r.Time)
		}
	}
	// Results by package and function name; the function named by the
	// Fn slot is "Fn".
	byPkg := map[string]map[string]*ssa.FuncResult{}
	fnSlot := map[string]string{}
	for _, c := range cases {
		fnSlot[c.dir] = c.names["methods.Fn"]
	}
	for _, r := range results {
		pkg := filepath.Base(r.Target.Package.PkgPath) // the case's dir
		if byPkg[pkg] == nil {
			byPkg[pkg] = map[string]*ssa.FuncResult{}
		}
		key := r.Target.Func.Name()
		if key == fnSlot[pkg] {
			key = "Fn"
		}
		byPkg[pkg][key] = r
	}
	neutral := byPkg[cases[0].dir]
	if len(neutral) == 0 {
		t.Fatal("no neutral results")
	}
	verdicts := map[ssa.Verdict]int{}
	for _, r := range neutral {
		verdicts[r.Verdict]++
	}
	if verdicts[ssa.Proved] == 0 || verdicts[ssa.Failed] == 0 {
		t.Fatalf("the neutral functions should be both proved and refuted: %v", verdicts)
	}
	for _, c := range cases[1:] {
		rename := typeRenamer(c, cases[0])
		got := byPkg[c.dir]
		for fn, want := range neutral {
			if strings.HasPrefix(fn, "Many") && c.many == "" {
				continue
			}
			r := got[fn]
			if r == nil {
				t.Errorf("package %s: no result for %s", c.pkg, fn)
				continue
			}
			if r.Verdict != want.Verdict || len(r.Obligations) != len(want.Obligations) {
				t.Errorf("package %s (names %v): %s is %s with %d obligations, %s with neutral names with %d", c.pkg, c.names, r.Target.Short, r.Verdict, len(r.Obligations), want.Verdict, len(want.Obligations))
				continue
			}
			for i := range r.Obligations {
				g, w := obligationOutcome(r.Obligations[i], rename), obligationOutcome(want.Obligations[i], nil)
				if g != w {
					t.Errorf("package %s (names %v): %s obligation %d: %s, with neutral names %s", c.pkg, c.names, r.Target.Short, i, g, w)
				}
			}
		}
	}
	start = time.Now()
	n := provetest.Replay(t, prog, dir, replayableNames(cases, provetest.FailedCases(results)))
	t.Logf("replay: %v", time.Since(start))
	start = time.Now()
	parsed := checkEmitted(t, emit)
	t.Logf("z3: %v", time.Since(start))
	t.Logf("%d names, %d packages, %d functions, %d counterexamples replayed in Go, %d emitted queries answered by z3", len(pool), len(cases), len(results), n, parsed)
}

// checkEmitted runs the z3 command on the emitted queries, all in one
// script separated by (reset): each must parse and be decided.
func checkEmitted(t *testing.T, dir string) int {
	t.Helper()
	z3, err := exec.LookPath("z3")
	if err != nil {
		t.Fatalf("the z3 command is needed to check --emit-smt: %v", err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.smt2"))
	if len(files) == 0 {
		t.Fatal("no queries emitted")
	}
	var script strings.Builder
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		q := strings.TrimSpace(string(b))
		if !strings.HasSuffix(q, "(exit)") {
			t.Fatalf("%s does not end in (exit)", f)
		}
		script.WriteString(strings.TrimSuffix(q, "(exit)") + "(reset)\n")
	}
	all := filepath.Join(t.TempDir(), "all.smt2")
	if err := os.WriteFile(all, []byte(script.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(z3, "-T:120", all).CombinedOutput()
	answers := strings.Fields(string(out))
	if err != nil || len(answers) != len(files) {
		t.Fatalf("z3 on %d emitted queries: %v: %d answers: %s", len(files), err, len(answers), out)
	}
	for i, a := range answers {
		if a != "sat" && a != "unsat" {
			t.Errorf("z3 %s: %s", filepath.Base(files[i]), a)
		}
	}
	return len(files)
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// replayableNames drops the counterexamples the replay harness cannot
// write as Go: it declares the parameters as variables of their names and
// writes bool values as true and false, which a parameter, result or
// package-level name true or false shadows. vsynth's verdicts on them are
// compared with the neutral ones all the same.
func replayableNames(cases []nameCase, cs []provetest.ReplayCase) []provetest.ReplayCase {
	shadowing := map[string]bool{}
	for _, c := range cases {
		for s, n := range c.names {
			if (n == "true" || n == "false") && (strings.HasSuffix(s, ".Type") || strings.HasSuffix(s, ".Fn")) {
				shadowing[c.dir] = true
			}
		}
	}
	var out []provetest.ReplayCase
	for _, c := range cs {
		tg := c.Res.Target
		skip := shadowing[filepath.Base(tg.Package.PkgPath)]
		for _, v := range append(append([]*types.Var(nil), tg.Spec.Params...), tg.Spec.Results...) {
			skip = skip || v.Name() == "true" || v.Name() == "false"
		}
		if !skip {
			out = append(out, c)
		}
	}
	return out
}

// typeRenamer rewrites the type names of case c in printed values to
// those of the neutral case.
func typeRenamer(c, neutral nameCase) func(string) string {
	type pair struct {
		re *regexp.Regexp
		to string
	}
	var pairs []pair
	for s, n := range c.names {
		if strings.HasSuffix(s, ".Type") {
			// A composite literal of the type: NAME{ after a non-letter.
			pairs = append(pairs, pair{regexp.MustCompile(`(^|[^\pL\pN_])` + regexp.QuoteMeta(n) + `\{`), "${1}" + neutral.names[s] + "{"})
		}
	}
	return func(v string) string {
		for _, p := range pairs {
			v = p.re.ReplaceAllString(v, p.to)
		}
		return v
	}
}

// TestNamesMintedInOnePlace checks that every variable the ssa package
// makes is named in names.go: a call of smt.Var elsewhere could invent a
// name outside the scheme. cache.go's key variables ('%'-prefixed) occur
// only in the scripts hashed into cache keys.
func TestNamesMintedInOnePlace(t *testing.T) {
	fset := token.NewFileSet()
	files, err := filepath.Glob(filepath.Join("..", "*.go")) // package ssa's files
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 50 {
		t.Fatalf("only %d files of package ssa found", len(files))
	}
	for _, path := range files {
		if strings.HasSuffix(path, "_test.go") || filepath.Base(path) == "names.go" {
			continue
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok || sel.Sel.Name != "Var" {
				return true
			}
			if x, ok := sel.X.(*ast.Ident); !ok || x.Name != "smt" {
				return true
			}
			if filepath.Base(path) == "cache.go" {
				if lit := firstStringLit(call); !strings.HasPrefix(lit, `"%`) {
					t.Errorf("%s: a cache key variable not named %%...: %s", fset.Position(call.Pos()), lit)
				}
				return true
			}
			t.Errorf("%s: smt.Var outside names.go: name the variable there", fset.Position(call.Pos()))
			return true
		})
	}
}

// firstStringLit is the first string literal inside n, or "".
func firstStringLit(n ast.Node) string {
	lit := ""
	ast.Inspect(n, func(m ast.Node) bool {
		if b, ok := m.(*ast.BasicLit); ok && b.Kind == token.STRING && lit == "" {
			lit = b.Value
		}
		return lit == ""
	})
	return lit
}
