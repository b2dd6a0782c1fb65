package ssa

import (
	"errors"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"golang.org/x/tools/go/packages"
	gossa "golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/ssa/ssautil"

	"github.com/vsynth/vsynth/specs"
)

// LoadConfig says where and how to load packages.
type LoadConfig struct {
	Dir  string   // directory the patterns are relative to ("" means the current one)
	Env  []string // environment of the go command (nil means os.Environ())
	Tags []string // build tags, as the go command's -tags
	// Tests loads each package with its _test.go files (its test variant
	// and its external test package), as go vet does, so that contracts in
	// test files are checked too.
	Tests bool
}

// buildFlags are the go command's flags that select the build cfg names;
// the replay build (confirm_build.go) passes them too.
func (cfg LoadConfig) buildFlags() []string {
	if len(cfg.Tags) == 0 {
		return nil
	}
	return []string{"-tags=" + strings.Join(cfg.Tags, ",")}
}

// Program is a set of loaded packages, their SSA form, and the functions
// that have specs.
type Program struct {
	Fset     *token.FileSet
	SSA      *gossa.Program
	Packages []*packages.Package
	Targets  []*Target
	// Deps are the functions with specs of the packages loaded only
	// because a loaded package imports them (load_deps.go): their
	// contracts are used, and proved when relied on, but they are not
	// targets.
	Deps   []*Target
	Timing LoadTiming
	// Warnings are comments that look like directives but are read as
	// none (specs.DirectiveWarnings), sorted by position.
	Warnings specs.ErrorList
	// Overflow, set before Prove and Confirm, checks every integer
	// operation of the loaded packages for overflow (vsynth prove
	// --overflow); without it, only the functions marked
	// //vsynth:nooverflow are checked (overflow.go).
	Overflow bool

	dir       string                  // the directory the packages were loaded from
	env       []string                // the go command's environment (nil: vsynth's own)
	local     map[*types.Package]bool // packages built from source: their functions may be inlined
	contracts map[*gossa.Function]*Target
	loops     map[ast.Node]*specs.Loop        // the invariants of for statements
	measures  map[ast.Node]*specs.LoopMeasure // the decreases clauses of for statements
	ghosts    map[ast.Node][]*specs.Ghost     // the assert and assume lines of function bodies, by function syntax
	platform  platform                        // the word size the packages were built for (target.go)
	flags     []string                        // the go command's build flags (LoadConfig.buildFlags)
	imp       types.Importer                  // resolves the imports of clauses (infer.go checks inferred invariants with it)
	// instancesOf lists the instances go/ssa built of each generic
	// function (generics.go).
	instancesOf map[*gossa.Function][]*gossa.Function
	// overlaid names the files only vsynth sees (generics_union.go).
	overlaid map[string]bool
}

// loopSpec returns the invariants written above lp's statement, if any.
func (p *Program) loopSpec(lp *loop) *specs.Loop {
	if lp.stmt == nil {
		return nil
	}
	return p.loops[lp.stmt]
}

// LoadTiming breaks down the time Load took.
type LoadTiming struct {
	Load  time.Duration // go/packages: go list, parsing, type-checking
	Build time.Duration // go/ssa construction
	Specs time.Duration // parsing and type-checking specs
}

// Target is a function with a spec: what prove verifies.
type Target struct {
	Name    string // package path, '.', [type '.'] function name
	Short   string // package name, '.', [type '.'] function name
	Pos     token.Pos
	Func    *gossa.Function
	Spec    *specs.Checked
	Package *packages.Package
	// Unsupported, when set, is why the target cannot be verified at all
	// (Func and Spec are then nil).
	Unsupported *UnsupportedError

	// foreign, for the contract of another package's function imported
	// into a load of one package (contract_fact.go), is what that
	// package's load exported: its verdict, and what it may write.
	foreign *ContractExport
	// stdlib, for a function of the standard library, is its shipped
	// contract (stdlib_contracts.go); exact says that contract's ensures
	// clauses determine the results.
	stdlib *stdlibContract
	exact  bool
}

// Load loads the packages that patterns name, builds their SSA form, and
// collects the functions with specs. A pattern is a package pattern as the
// go command takes it, or a .vspec file (which selects the functions it
// specifies). Errors in packages or specs are returned as an error listing
// every problem with its position.
func Load(cfg LoadConfig, patterns []string) (*Program, error) {
	if len(patterns) == 0 {
		patterns = []string{"./..."}
	}
	var pkgPatterns []string
	vspecOnly := map[string]bool{} // absolute .vspec paths named on the command line
	for _, p := range patterns {
		if strings.HasSuffix(p, ".vspec") {
			abs := p
			if !filepath.IsAbs(abs) {
				abs = filepath.Join(cfg.Dir, p)
			}
			abs, err := filepath.Abs(abs)
			if err != nil {
				return nil, fmt.Errorf("resolving %s: %w", p, err)
			}
			if _, err := os.Stat(abs); err != nil {
				return nil, fmt.Errorf("spec file: %w", err)
			}
			vspecOnly[abs] = true
			pkgPatterns = append(pkgPatterns, filepath.Dir(abs))
			continue
		}
		pkgPatterns = append(pkgPatterns, p)
	}

	prog := &Program{Fset: token.NewFileSet(), local: make(map[*types.Package]bool), contracts: make(map[*gossa.Function]*Target), loops: make(map[ast.Node]*specs.Loop)}
	prog.dir, prog.env, prog.flags = cfg.Dir, cfg.Env, cfg.buildFlags()
	if prog.dir == "" {
		wd, err := os.Getwd()
		if err != nil {
			return nil, fmt.Errorf("loading packages: %w", err)
		}
		prog.dir = wd
	}
	if abs, err := filepath.Abs(prog.dir); err == nil {
		prog.dir = abs
	}
	start := time.Now()
	mode := packages.NeedName | packages.NeedFiles | packages.NeedImports | packages.NeedTypes |
		packages.NeedTypesSizes | packages.NeedSyntax | packages.NeedTypesInfo | packages.NeedModule
	pkgs, deps, err := loadWithDeps(&packages.Config{Mode: mode, Dir: cfg.Dir, Env: cfg.Env, BuildFlags: prog.flags, Tests: cfg.Tests, Fset: prog.Fset}, pkgPatterns)
	if err != nil {
		return nil, fmt.Errorf("loading packages: %w", err)
	}
	if err := packageErrors(pkgs); err != nil {
		return nil, err
	}
	if overlay := unionOverlay(pkgs); len(overlay) > 0 {
		// Generic functions checked at every type their constraints
		// allow (generics_union.go): load again with the instantiations.
		prog.Fset = token.NewFileSet()
		reloaded, err := packages.Load(&packages.Config{Mode: mode, Dir: cfg.Dir, Env: cfg.Env, BuildFlags: prog.flags, Tests: cfg.Tests, Fset: prog.Fset, Overlay: overlay}, pkgPatterns...)
		if err != nil {
			return nil, fmt.Errorf("loading packages with generic instances: %w", err)
		}
		if err := packageErrors(reloaded); err != nil {
			return nil, fmt.Errorf("loading packages with generic instances: %w", err)
		}
		pkgs = reloaded
		prog.overlaid = map[string]bool{}
		for name := range overlay {
			prog.overlaid[name] = true
		}
	}
	if cfg.Tests {
		pkgs = withTestFiles(pkgs)
	}
	prog.Packages = pkgs
	prog.platform = platformOf(pkgs, cfg.Env)
	prog.Timing.Load = time.Since(start)

	start = time.Now()
	ssaProg, ssaPkgs := ssautil.Packages(pkgs, gossa.InstantiateGenerics|gossa.GlobalDebug)
	for i, sp := range ssaPkgs {
		if sp == nil {
			return nil, fmt.Errorf("building SSA for %s: package has errors", pkgs[i].PkgPath)
		}
		prog.local[sp.Pkg] = true
		sp.Build()
	}
	prog.SSA = ssaProg
	prog.Timing.Build = time.Since(start)

	start = time.Now()
	imp := newImporter(cfg, prog.Fset, pkgs)
	prog.imp = imp
	if err := prog.shipStdlibContracts(imp, func() string { return goVersion(prog.dir, prog.env) }); err != nil {
		return nil, err
	}
	var errs specs.ErrorList
	for _, pkg := range pkgs {
		if deps[pkg.PkgPath] && !isTestPackage(pkg) {
			errs = append(errs, prog.collectDep(pkg, imp)...)
			continue
		}
		errs = append(errs, prog.collect(pkg, imp, vspecOnly)...)
	}
	prog.Timing.Specs = time.Since(start)
	return prog.finish(errs)
}

// collectDep collects the specs of a package loaded only as a dependency
// (load_deps.go): its functions with specs are Deps, and the warnings
// about its directives are its own run's business.
func (p *Program) collectDep(pkg *packages.Package, imp types.Importer) specs.ErrorList {
	targets, warnings := len(p.Targets), len(p.Warnings)
	errs := p.collect(pkg, imp, nil)
	p.Deps = append(p.Deps, p.Targets[targets:]...)
	p.Targets, p.Warnings = p.Targets[:targets], p.Warnings[:warnings]
	return errs
}

// finish ends a load: the spec errors sorted by position, or the program
// with its targets sorted by name.
func (p *Program) finish(errs specs.ErrorList) (*Program, error) {
	if len(errs) > 0 {
		sort.SliceStable(errs, func(i, j int) bool { return lessPosition(errs[i].Pos, errs[j].Pos) })
		// Passes that read the same directive (the loop pass reads
		// every directive of a file, the function pass its own) report
		// its error once.
		errs = slices.CompactFunc(errs, func(a, b *specs.Error) bool { return a.Pos == b.Pos && a.Msg == b.Msg })
		return nil, errs
	}
	sort.SliceStable(p.Targets, func(i, j int) bool { return p.Targets[i].Name < p.Targets[j].Name })
	sort.SliceStable(p.Deps, func(i, j int) bool { return p.Deps[i].Name < p.Deps[j].Name })
	sort.SliceStable(p.Warnings, func(i, j int) bool { return lessPosition(p.Warnings[i].Pos, p.Warnings[j].Pos) })
	return p, nil
}

func lessPosition(a, b token.Position) bool {
	if a.Filename != b.Filename {
		return a.Filename < b.Filename
	}
	if a.Line != b.Line {
		return a.Line < b.Line
	}
	return a.Column < b.Column
}

// packageErrors joins the errors of pkgs and their imports: parse and type
// errors with their positions, and the go command's own errors only when
// there are no others (they repeat the compiler's).
func packageErrors(pkgs []*packages.Package) error {
	var typed, listed []string
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			msg := e.Msg
			if e.Pos != "" && e.Pos != "-" {
				msg = e.Pos + ": " + e.Msg
			}
			if e.Kind == packages.ListError || e.Kind == packages.UnknownError {
				listed = append(listed, msg)
			} else {
				typed = append(typed, msg)
			}
		}
	})
	if len(typed) == 0 {
		typed = listed
	}
	if len(typed) == 0 {
		return nil
	}
	return errors.New(strings.Join(typed, "\n"))
}

// contract returns the target whose contract fn has, or nil.
func (p *Program) contract(fn *gossa.Function) *Target {
	return p.contracts[fn]
}

// inlinable reports whether calls to fn are lowered by inlining its body:
// it belongs to a package loaded from source.
func (p *Program) inlinable(fn *gossa.Function) bool {
	if fn.Pkg == nil {
		if o := fn.Origin(); o != nil && o.Pkg != nil {
			return p.local[o.Pkg.Pkg] && len(fn.Blocks) > 0
		}
		// A method value's or method expression's wrapper (T.M$bound,
		// T.M$thunk) of a method of the module: it calls the method.
		if obj, ok := fn.Object().(*types.Func); ok && fn.Synthetic != "" && obj.Pkg() != nil {
			return p.local[obj.Pkg()] && len(fn.Blocks) > 0
		}
		return false
	}
	return p.local[fn.Pkg.Pkg] && len(fn.Blocks) > 0
}

// collect finds the specs of pkg: directives in its Go files and .vspec
// files in its directory. When vspecOnly names files of this directory,
// only their specs are collected.
func (p *Program) collect(pkg *packages.Package, imp types.Importer, vspecOnly map[string]bool) specs.ErrorList {
	var errs specs.ErrorList
	add := func(err error) {
		var list specs.ErrorList
		if errors.As(err, &list) {
			errs = append(errs, list...)
			return
		}
		errs = append(errs, &specs.Error{Msg: err.Error()})
	}
	var funcs []*specs.Func
	dir := packageDir(pkg)
	restricted := false
	for f := range vspecOnly {
		if filepath.Dir(f) == dir {
			restricted = true
		}
	}
	// A test variant repeats its package's own files (see load_tests.go):
	// their loops keep their invariants in the variant's syntax, but their
	// errors and functions are the package's, reported once.
	variant := isTestVariant(pkg)
	ownFile := func(file *ast.File) bool {
		return !variant || isTestFile(p.Fset.Position(file.Package).Filename)
	}
	for _, file := range pkg.Syntax {
		p.Warnings = append(p.Warnings, specs.DirectiveWarnings(p.Fset, file)...)
		loops, err := specs.LoopDirectives(p.Fset, file)
		if err != nil && ownFile(file) {
			add(err)
		}
		for _, lp := range loops {
			if err := specs.CheckLoop(p.Fset, pkg.Types, pkg.TypesInfo, lp, imp); err != nil {
				if ownFile(file) {
					add(err)
				}
				continue
			}
			p.loops[lp.Stmt] = lp
		}
		p.collectGhosts(pkg, file, imp, add)
	}
	if !restricted {
		for _, file := range pkg.Syntax {
			if !ownFile(file) {
				continue
			}
			for _, d := range file.Decls {
				decl, ok := d.(*ast.FuncDecl)
				if !ok {
					continue
				}
				f, err := specs.FromDecl(p.Fset, file, decl)
				if err != nil {
					add(err)
					continue
				}
				if f != nil {
					funcs = append(funcs, f)
				}
			}
		}
	}
	vspecs, _ := filepath.Glob(filepath.Join(dir, "*.vspec"))
	if variant || strings.HasSuffix(pkg.Name, "_test") {
		vspecs = nil // the package's own, collected with it
	}
	for _, name := range vspecs {
		if restricted && !vspecOnly[name] {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			add(fmt.Errorf("reading spec file: %w", err))
			continue
		}
		sf, err := specs.ParseFile(p.Fset, name, src)
		if err != nil {
			add(err)
			continue
		}
		if sf.Package != pkg.Name {
			add(&specs.Error{Pos: p.Fset.Position(sf.PackagePos), Msg: fmt.Sprintf("spec file is for package %s, but the package in %s is %s", sf.Package, relPath(dir), pkg.Name)})
			continue
		}
		for _, f := range sf.Funcs {
			if f.Synth {
				continue // synthesis targets are vsynth synth's business
			}
			funcs = append(funcs, f)
		}
	}
	seen := map[*types.Func]*specs.Func{}
	for _, f := range funcs {
		if name, generic := genericDecl(f.Decl); generic && f.Decl.Recv != nil {
			// Not bad input: vsynth does not model generic code yet.
			p.Targets = append(p.Targets, &Target{
				Name:        pkg.PkgPath + "." + name,
				Short:       pkg.Name + "." + name,
				Pos:         f.Decl.Pos(),
				Package:     pkg,
				Unsupported: &UnsupportedError{Pos: f.Decl.Pos(), What: "contract on a method of a generic type"},
			})
			continue
		}
		fn, err := specs.Lookup(p.Fset, pkg.Types, f)
		if err != nil {
			add(err)
			continue
		}
		if prev, ok := seen[fn]; ok {
			add(&specs.Error{Pos: p.Fset.Position(f.Pos), Msg: fmt.Sprintf("second spec for %s (the first is at %s)", fn.Name(), p.Fset.Position(prev.Pos))})
			continue
		}
		seen[fn] = f
		checked, err := specs.Check(p.Fset, pkg.Types, fn, f, imp)
		if err != nil {
			add(err)
			continue
		}
		ssaFn := p.SSA.FuncValue(fn)
		if ssaFn == nil {
			add(&specs.Error{Pos: p.Fset.Position(f.Pos), Msg: fmt.Sprintf("no SSA function for %s", fn.FullName())})
			continue
		}
		if ssaFn.TypeParams().Len() > 0 {
			p.genericTargets(pkg, fn, ssaFn, f, checked)
			continue
		}
		pos := fn.Pos()
		if decl, ok := ssaFn.Syntax().(*ast.FuncDecl); ok {
			pos = decl.Pos()
		}
		t := &Target{
			Name:    pkg.PkgPath + "." + funcName(fn),
			Short:   pkg.Name + "." + funcName(fn),
			Pos:     pos,
			Func:    ssaFn,
			Spec:    checked,
			Package: pkg,
		}
		p.Targets = append(p.Targets, t)
		if len(f.Clauses) > 0 || !(f.NoOverflow || f.Pure) {
			// A function marked only //vsynth:nooverflow has no
			// contract for its callers: calls inline it.
			p.contracts[ssaFn] = t
		}
	}
	return errs
}

// genericDecl reports whether decl declares a generic function or a method
// of a generic type, with the name the results use for it.
func genericDecl(decl *ast.FuncDecl) (string, bool) {
	if decl == nil {
		return "", false
	}
	if decl.Recv == nil || len(decl.Recv.List) == 0 {
		return decl.Name.Name, decl.Type.TypeParams != nil
	}
	t := decl.Recv.List[0].Type
	if star, ok := t.(*ast.StarExpr); ok {
		t = star.X
	}
	switch t := t.(type) {
	case *ast.IndexExpr:
		if id, ok := t.X.(*ast.Ident); ok {
			return id.Name + "." + decl.Name.Name, true
		}
	case *ast.IndexListExpr:
		if id, ok := t.X.(*ast.Ident); ok {
			return id.Name + "." + decl.Name.Name, true
		}
	}
	return "", false
}

// funcName is Func, or Type.Method for a method.
func funcName(fn *types.Func) string {
	sig := fn.Type().(*types.Signature)
	if sig.Recv() == nil {
		return fn.Name()
	}
	t := sig.Recv().Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := t.(*types.Named); ok {
		return n.Obj().Name() + "." + fn.Name()
	}
	return fn.Name()
}

func packageDir(pkg *packages.Package) string {
	if len(pkg.GoFiles) > 0 {
		return filepath.Dir(pkg.GoFiles[0])
	}
	return pkg.Dir
}

// relPath shortens an absolute path relative to the working directory
// when it lies below it, for messages.
func relPath(name string) string {
	wd, err := os.Getwd()
	if err != nil {
		return name
	}
	if r, err := filepath.Rel(wd, name); err == nil && !strings.HasPrefix(r, "..") {
		return r
	}
	return name
}
