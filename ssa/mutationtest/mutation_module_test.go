package mutationtest

import (
	"bytes"
	"context"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"go/types"
	"maps"
	"math"
	"math/big"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/vsynth/vsynth/internal/testlimits"
	"github.com/vsynth/vsynth/internal/testmod"
	"github.com/vsynth/vsynth/internal/testsolver"
	"github.com/vsynth/vsynth/ssa"
)

// Building the mutants of TestMutants (mutation_test.go) into one copy of
// the module, running them in Go, and proving them.

// mutant is a renamed copy of a subject with one change, or, with no
// change, the unmutated control copy.
type mutant struct {
	id         int
	subject    *mutSubject
	name       string         // Abs_m3; Abs_m0 is the control
	change     mutationChange // zero for the control
	src        string         // the declaration, without directives
	imports    []string       // the import specs the body uses
	consts     []*big.Int     // the integer constants of the body and the contract
	compileErr string         // why it does not compile, if it does not
	goOut      goOutcome
	result     *ssa.FuncResult
}

func (m *mutant) control() bool  { return m.change.kind == "" }
func (m *mutant) compiled() bool { return m.compileErr == "" }

// String names the mutant with its change: "hackers.Abs_m3
// (examples/hackers/hackers.go:36: x ^ m -> x | m)".
func (m *mutant) String() string {
	s := m.subject
	name := s.tg.Package.Name + "." + m.name
	if m.control() {
		return name + " (unmutated)"
	}
	return fmt.Sprintf("%s (%s:%d: %s -> %s)", name, s.file, s.line+m.change.line-1, m.change.before, m.change.after)
}

// targetName is the name Load gives the mutant in the work module.
func (m *mutant) targetName(modPath string) string {
	s := m.subject
	inPkg := strings.TrimPrefix(s.tg.Name, s.tg.Package.PkgPath+".")
	inPkg = strings.TrimSuffix(inPkg, s.name()) + m.name
	return modPath + "/" + filepath.ToSlash(s.relDir) + "." + inPkg
}

// generateMutants makes the control and up to mutPerFunction mutants of
// every subject, mutTotal at most in all.
func generateMutants(t *testing.T, subjects []*mutSubject, seed uint64) []*mutant {
	t.Helper()
	r := rand.New(rand.NewPCG(seed, 0x6d7574))
	perFunction := min(mutPerFunction, max(1, mutTotal/len(subjects)))
	long := os.Getenv("VSYNTH_LONG") != ""
	var mutants []*mutant
	sites := 0
	for _, s := range subjects {
		mutants = append(mutants, newMutant(t, s, len(mutants), -1))
		p, err := parseFuncDecl(s.src)
		if err != nil {
			t.Fatalf("%s: %v", s.tg.Name, err)
		}
		limit := perFunction
		if s.divides {
			limit = min(limit, mutPerDivision)
		}
		if s.loopsOrMemory {
			limit = min(limit, mutPerLoopFunction)
		}
		if long {
			limit = math.MaxInt // every site
		}
		kinds := p.mutationKinds()
		sites += len(kinds)
		for _, k := range pickSites(kinds, limit, r) {
			m := newMutant(t, s, len(mutants), k)
			if m.change.kind != kinds[k] {
				t.Fatalf("%s: site %d is a %s mutation, but mutate made a %s one", s.tg.Name, k, kinds[k], m.change.kind)
			}
			mutants = append(mutants, m)
		}
	}
	if long {
		t.Logf("%d mutation sites in %d functions; VSYNTH_LONG: a mutant for every site", sites, len(subjects))
	} else {
		t.Logf("%d mutation sites in %d functions; at most %d mutants per function (%d for a 64-bit division, %d with loops or memory)",
			sites, len(subjects), perFunction, min(perFunction, mutPerDivision), min(perFunction, mutPerLoopFunction))
	}
	return mutants
}

// newMutant applies site k of s (none for k < 0) to a fresh copy.
func newMutant(t *testing.T, s *mutSubject, id, k int) *mutant {
	t.Helper()
	p, err := parseFuncDecl(s.src)
	if err != nil {
		t.Fatalf("%s: %v", s.tg.Name, err)
	}
	m := &mutant{id: id, subject: s, name: fmt.Sprintf("%s_m%d", s.name(), k+1)}
	if k >= 0 {
		change, ok := p.mutate(k)
		if !ok {
			t.Fatalf("%s: no mutation site %d", s.tg.Name, k)
		}
		m.change = change
	}
	p.decl.Name.Name = m.name
	m.src = p.source()
	used := map[string]bool{}
	ast.Inspect(p.decl.Body, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if x, ok := sel.X.(*ast.Ident); ok && s.imports[x.Name] != "" && !used[x.Name] {
				used[x.Name] = true
				m.imports = append(m.imports, s.imports[x.Name])
			}
		}
		return true
	})
	m.consts = integerLiterals(p.decl.Body)
	for _, c := range s.tg.Spec.Func.Clauses {
		m.consts = append(m.consts, integerLiterals(c.Expr)...)
	}
	return m
}

// integerLiterals lists the values of the integer literals in n.
func integerLiterals(n ast.Node) []*big.Int {
	var vs []*big.Int
	ast.Inspect(n, func(n ast.Node) bool {
		if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.INT {
			// A shifted literal may be written (-1): see shiftedLiteral.
			if v, ok := new(big.Int).SetString(strings.Trim(lit.Value, "()"), 0); ok {
				vs = append(vs, v)
			}
		}
		return true
	})
	return vs
}

// mutantPackage is a package of the work module that holds mutants.
type mutantPackage struct {
	name       string
	importPath string
	dir        string
	imports    []*types.Package // of the original package, for type-checking
	mutants    []*mutant
}

const (
	mutantFileName   = "zz_vsynth_mutants.go"    // the mutants vsynth proves
	mutantGoFileName = "zz_vsynth_mutants_go.go" // the copies Go runs, with fuel
	driverFileName   = "zz_vsynth_mutdriver.go"
	driverMainDir    = "vsynthmutantmain"
)

// writeMutantModule copies the main module's go.mod and the packages of
// the mutants' subjects into work, adds to each package a file with its mutants
// (those that do not type-check are dropped), and returns the packages.
func writeMutantModule(t *testing.T, work string, mutants []*mutant) []*mutantPackage {
	t.Helper()
	root, _ := filepath.Abs(filepath.Join("..", ".."))
	for _, name := range []string{"go.mod", "go.sum"} {
		if b, err := os.ReadFile(filepath.Join(root, name)); err == nil {
			if err := os.WriteFile(filepath.Join(work, name), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	modPath := modulePath(t, work)
	byDir := map[string]*mutantPackage{}
	var pkgs []*mutantPackage
	for _, m := range mutants {
		s := m.subject
		pkg := byDir[s.relDir]
		if pkg == nil {
			pkg = &mutantPackage{
				name:       s.tg.Package.Name,
				importPath: modPath + "/" + filepath.ToSlash(s.relDir),
				dir:        filepath.Join(work, s.relDir),
				imports:    s.tg.Package.Types.Imports(),
			}
			copyPackage(t, s.srcDir, pkg.dir)
			byDir[s.relDir] = pkg
			pkgs = append(pkgs, pkg)
		}
		pkg.mutants = append(pkg.mutants, m)
	}
	for _, pkg := range pkgs {
		dropIllTyped(t, pkg)
		if err := os.WriteFile(filepath.Join(pkg.dir, mutantFileName), pkg.mutantFile(t, false), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(pkg.dir, mutantGoFileName), pkg.mutantFile(t, true), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return pkgs
}

// withFuel makes every loop of the function declaration src call
// zzvFuel() first in its body, so that a mutant whose loop does not end
// stops with a panic the driver recognizes (driverValueHelpers).
func withFuel(t *testing.T, src string) string {
	t.Helper()
	p, err := parseFuncDecl(src)
	if err != nil {
		t.Fatal(err)
	}
	fuel := func() ast.Stmt {
		return &ast.ExprStmt{X: &ast.CallExpr{Fun: ast.NewIdent("zzvFuel")}}
	}
	ast.Inspect(p.decl.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.ForStmt:
			n.Body.List = append([]ast.Stmt{fuel()}, n.Body.List...)
		case *ast.RangeStmt:
			n.Body.List = append([]ast.Stmt{fuel()}, n.Body.List...)
		}
		return true
	})
	return p.source()
}

// copyPackage copies a package's Go files and spec files.
func copyPackage(t *testing.T, from, to string) {
	t.Helper()
	testmod.CopyDir(t, from, to)
	specs, _ := filepath.Glob(filepath.Join(from, "*.vspec"))
	for _, name := range specs {
		b, err := os.ReadFile(name)
		if err == nil {
			err = os.WriteFile(filepath.Join(to, filepath.Base(name)), b, 0o644)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
}

// live lists the mutants of the package that compile (so far).
func (pkg *mutantPackage) live() []*mutant {
	var ms []*mutant
	for _, m := range pkg.mutants {
		if m.compiled() {
			ms = append(ms, m)
		}
	}
	return ms
}

// mutantFile writes the package's live mutants, each with its subject's
// contract as directives: for vsynth, or, with goCopy, the copies Go
// runs, whose loops run on fuel.
func (pkg *mutantPackage) mutantFile(t *testing.T, goCopy bool) []byte {
	t.Helper()
	var b bytes.Buffer
	tag := "!" + goBuildTag
	if goCopy {
		tag = goBuildTag
	}
	fmt.Fprintf(&b, "//go:build %s\n\n// Code generated by TestMutants. DO NOT EDIT.\n\npackage %s\n\n", tag, pkg.name)
	imports := map[string]bool{}
	for _, m := range pkg.live() {
		for _, is := range m.imports {
			imports[is] = true
		}
	}
	if len(imports) > 0 {
		b.WriteString("import (\n")
		for _, is := range slices.Sorted(maps.Keys(imports)) {
			fmt.Fprintf(&b, "\t%s\n", is)
		}
		b.WriteString(")\n\n")
	}
	for _, m := range pkg.live() {
		src := m.src
		if goCopy {
			src = withFuel(t, src)
		}
		fmt.Fprintf(&b, "// %s\n//\n%s\n%s\n\n", m, strings.Join(m.subject.directives, "\n"), src)
	}
	src, err := format.Source(b.Bytes())
	if err != nil {
		t.Fatalf("mutants of package %s do not parse: %v\n%s", pkg.name, err, b.Bytes())
	}
	return src
}

// modulePath reads the module path from the go.mod file in dir.
func modulePath(t *testing.T, dir string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(b), "\n") {
		if path, ok := strings.CutPrefix(strings.TrimSpace(line), "module "); ok {
			return strings.Trim(strings.TrimSpace(path), `"`)
		}
	}
	t.Fatalf("no module line in %s/go.mod", dir)
	return ""
}

// dropIllTyped type-checks the package with its mutants and drops the
// mutants that do not compile, until the rest does.
func dropIllTyped(t *testing.T, pkg *mutantPackage) {
	t.Helper()
	for {
		live := pkg.live()
		errs := typeCheckMutants(t, pkg, pkg.mutantFile(t, false))
		if len(errs) == 0 {
			return
		}
		for i, msg := range errs {
			live[i].compileErr = msg
		}
	}
}

// typeCheckMutants type-checks the package's files with the mutant file
// src and returns the first error in each mutant, by index among the live
// mutants. An error outside the mutants stops the test.
func typeCheckMutants(t *testing.T, pkg *mutantPackage, src []byte) map[int]string {
	t.Helper()
	fset := token.NewFileSet()
	names, _ := filepath.Glob(filepath.Join(pkg.dir, "*.go"))
	var files []*ast.File
	for _, name := range names {
		if base := filepath.Base(name); base == mutantFileName || base == mutantGoFileName || base == driverFileName {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	mf, err := parser.ParseFile(fset, mutantFileName, src, 0)
	if err != nil {
		t.Fatal(err)
	}
	files = append(files, mf)
	var decls []*ast.FuncDecl
	for _, d := range mf.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok {
			decls = append(decls, fd)
		}
	}
	errs := map[int]string{}
	conf := types.Config{
		Importer: packageImporter(pkg.imports),
		Sizes:    types.SizesFor("gc", "amd64"),
		Error: func(err error) {
			te, ok := err.(types.Error)
			i := -1
			if ok {
				i = slices.IndexFunc(decls, func(fd *ast.FuncDecl) bool { return fd.Pos() <= te.Pos && te.Pos < fd.End() })
			}
			if i < 0 {
				t.Fatalf("package %s with its mutants: type error outside the mutants: %v\n%s", pkg.name, err, src)
			}
			if _, seen := errs[i]; !seen {
				errs[i] = te.Msg
			}
		},
	}
	conf.Check(pkg.importPath, fset, files, nil)
	return errs
}

// packageImporter imports from a fixed set of type-checked packages.
type packageImporter []*types.Package

func (imp packageImporter) Import(path string) (*types.Package, error) {
	for _, p := range imp {
		if p.Path() == path {
			return p, nil
		}
	}
	return nil, fmt.Errorf("package %s is not imported by the original package", path)
}

// runMutantsInGo writes a driver into every package and a main package
// that runs them all, runs it once, and records each mutant's outcome.
func runMutantsInGo(t *testing.T, work string, pkgs []*mutantPackage, seed uint64, mutants []*mutant) {
	t.Helper()
	var paths []string
	idsByPath := map[string][]int{}
	for _, pkg := range pkgs {
		var runs []driverRun
		var ids []int
		for _, m := range pkg.live() {
			ids = append(ids, m.id)
			runs = append(runs, driverRun{m.id, m.name, m.subject.contract, m.consts})
		}
		if len(ids) == 0 {
			continue
		}
		src := driverFile(t, pkg.name, seed, runs)
		if err := os.WriteFile(filepath.Join(pkg.dir, driverFileName), src, 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, pkg.importPath)
		idsByPath[pkg.importPath] = ids
	}
	mainDir := filepath.Join(work, driverMainDir)
	if err := os.MkdirAll(mainDir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(mainDir, "main.go"), driverMain(paths, idsByPath), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "go", "run", "-tags", goBuildTag, "./"+driverMainDir)
	cmd.Dir = work
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("the mutant driver failed: %v\n%s", err, stderr.Bytes())
	}
	outcomes := parseDriverOutput(t, stdout.String())
	for _, m := range mutants {
		if !m.compiled() {
			continue
		}
		out, ok := outcomes[m.id]
		if !ok {
			t.Fatalf("the driver reported nothing for %s", m)
		}
		m.goOut = out
	}
}

// proveMutants loads the work module and proves every mutant that compiles.
func proveMutants(t *testing.T, work string, pkgs []*mutantPackage, mutants []*mutant) *ssa.Program {
	t.Helper()
	// The driver's main package is built with goBuildTag only.
	var patterns []string
	for _, pkg := range pkgs {
		rel, err := filepath.Rel(work, pkg.dir)
		if err != nil {
			t.Fatal(err)
		}
		patterns = append(patterns, "./"+filepath.ToSlash(rel))
	}
	prog, err := ssa.Load(ssa.LoadConfig{Dir: work}, patterns)
	if err != nil {
		t.Fatalf("load the mutants: %v", err)
	}
	modPath := modulePath(t, work)
	byName := map[string]*ssa.Target{}
	for _, tg := range prog.Targets {
		byName[tg.Name] = tg
	}
	var targets []*ssa.Target
	var proving []*mutant
	for _, m := range mutants {
		if !m.compiled() {
			continue
		}
		tg := byName[m.targetName(modPath)]
		if tg == nil {
			t.Fatalf("no target for %s (%s)", m, m.targetName(modPath))
		}
		targets = append(targets, tg)
		proving = append(proving, m)
	}
	opts := ssa.Options{NewSolver: testsolver.New, Limits: testlimits.Limits}
	if os.Getenv("VSYNTH_LONG") != "" {
		// Every obligation Z3 proves is re-decided by cvc5; a disagreement
		// is an error of Prove.
		opts.CrossCheck, opts.CrossCheckName = testsolver.CrossCheckCVC5, "cvc5"
	}
	results, err := prog.Prove(context.Background(), targets, opts)
	if err != nil {
		t.Fatalf("prove the mutants: %v", err)
	}
	if opts.CrossCheck != nil {
		answers := map[string]int{}
		for _, r := range results {
			for _, o := range r.Obligations {
				if o.Verdict == ssa.Proved {
					answers[o.CrossCheck]++
				}
			}
		}
		t.Logf("cvc5 on the obligations Z3 proved: %v", answers)
	}
	for i, m := range proving {
		m.result = results[i]
	}
	return prog
}
