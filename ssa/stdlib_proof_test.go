package ssa

import (
	"bytes"
	"context"
	"fmt"
	"go/ast"
	"go/parser"
	"go/printer"
	"go/token"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/vsynth/vsynth/internal/testsolver"
	"github.com/vsynth/vsynth/smt"
)

// The proof of the shipped contracts marked "proved" (stdlib_contracts.go):
// for each package, a module is written with the source, copied from
// GOROOT, of the functions each contract names (and the constants they
// use), and the contracts as its .vspec file; vsynth must prove every one.
// When a contract's function only delegates to another package's function
// (strings.HasPrefix is `return stringslite.HasPrefix(s, prefix)`), the
// test checks that its GOROOT body is exactly that call, and proves the
// contract of the function it calls.

// TestStdlibContractsProved proves the contracts marked "proved" against
// their GOROOT source.
func TestStdlibContractsProved(t *testing.T) {
	cs, err := shippedContracts()
	if err != nil {
		t.Fatal(err)
	}
	goroot := runtime.GOROOT()
	files := map[string]string{"go.mod": "module stdproof\n\ngo 1.26\n"}
	byPkg := map[string][]*stdlibContract{}
	for _, c := range cs {
		if c.Proved() {
			byPkg[c.Path] = append(byPkg[c.Path], c)
		}
	}
	want := map[string]bool{}
	for pkgPath, list := range byPkg {
		dir := strings.ReplaceAll(pkgPath, "/", "_")
		src, err := stdlibProofSource(goroot, pkgPath, list)
		if err != nil {
			t.Fatal(err)
		}
		var spec strings.Builder
		fmt.Fprintf(&spec, "package %s\n", path.Base(pkgPath))
		for _, c := range list {
			spec.WriteString("\n" + c.block())
			want["stdproof/"+dir+"."+c.Name] = true
		}
		files[dir+"/"+path.Base(pkgPath)+".go"] = src
		files[dir+"/contracts.vspec"] = spec.String()
	}
	dir := t.TempDir()
	writeFiles(t, dir, files)
	prog, err := Load(LoadConfig{Dir: dir}, []string{"./..."})
	if err != nil {
		t.Fatal(err)
	}
	results, err := prog.Prove(context.Background(), prog.Targets, Options{NewSolver: testsolver.New, Limits: smt.Limits{Timeout: 2 * time.Minute}})
	if err != nil {
		t.Fatal(err)
	}
	proved := 0
	for _, r := range results {
		if !want[r.Target.Name] {
			continue
		}
		delete(want, r.Target.Name)
		if r.Verdict != Proved {
			t.Errorf("%s: %s %s", r.Target.Name, r.Verdict, r.Reason)
			for _, o := range r.Obligations {
				if o.Verdict != Proved {
					t.Logf("    %s %s: %s %s", o.Kind, o.Clause, o.Verdict, o.Reason)
				}
			}
			continue
		}
		proved++
		t.Logf("%s: proved (%.2fs)", r.Target.Name, r.Time.Seconds())
	}
	for name := range want {
		t.Errorf("%s: no verdict", name)
	}
	t.Logf("%d contracts proved against the source of %s", proved, runtime.Version())
}

// block is the contract's function in its file: its marker line and the
// lines after it.
func (c *stdlibContract) block() string {
	lines := strings.Split(c.Spec, "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, stdlibMarker) {
			return strings.Join(lines[i:], "\n")
		}
	}
	return ""
}

// stdlibProofSource writes the Go file of package pkgPath's copy: the
// functions the contracts of list name, copied from GOROOT, and the
// constant declarations they use. A contract whose function is another
// package's must delegate to it in one call.
func stdlibProofSource(goroot, pkgPath string, list []*stdlibContract) (string, error) {
	fset := token.NewFileSet()
	parsed := map[string][]*ast.File{}
	parse := func(p string) ([]*ast.File, error) {
		if fs, ok := parsed[p]; ok {
			return fs, nil
		}
		dir := filepath.Join(goroot, "src", filepath.FromSlash(p))
		names, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil {
			return nil, err
		}
		var fs []*ast.File
		for _, n := range names {
			if strings.HasSuffix(n, "_test.go") {
				continue
			}
			f, err := parser.ParseFile(fset, n, nil, parser.SkipObjectResolution)
			if err != nil {
				return nil, fmt.Errorf("parsing %s: %w", n, err)
			}
			fs = append(fs, f)
		}
		parsed[p] = fs
		return fs, nil
	}
	find := func(p, name string) (*ast.FuncDecl, *ast.File, error) {
		fs, err := parse(p)
		if err != nil {
			return nil, nil, err
		}
		for _, f := range fs {
			for _, d := range f.Decls {
				if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv == nil && fd.Name.Name == name {
					return fd, f, nil
				}
			}
		}
		return nil, nil, fmt.Errorf("no func %s in %s of %s", name, p, goroot)
	}
	funcs := map[string]*ast.FuncDecl{}
	var fromFiles []*ast.File
	for _, c := range list {
		for k, ref := range c.Proof {
			i := strings.LastIndexByte(ref, '.')
			p, name := ref[:i], ref[i+1:]
			if k == 0 && (p != c.Path || name != c.Name) {
				if err := delegates(find, c, p, name); err != nil {
					return "", err
				}
			}
			fd, f, err := find(p, name)
			if err != nil {
				return "", err
			}
			funcs[name] = fd
			fromFiles = append(fromFiles, f)
		}
	}
	// The constants the functions use, with their whole declarations
	// (iota), until no new name is needed.
	used := map[string]bool{}
	for _, fd := range funcs {
		collectIdents(fd, used)
	}
	var consts []*ast.GenDecl
	seen := map[*ast.GenDecl]bool{}
	for changed := true; changed; {
		changed = false
		for _, f := range fromFiles {
			for _, d := range f.Decls {
				gd, ok := d.(*ast.GenDecl)
				if !ok || gd.Tok != token.CONST || seen[gd] {
					continue
				}
				for _, s := range gd.Specs {
					for _, n := range s.(*ast.ValueSpec).Names {
						if used[n.Name] && !seen[gd] {
							seen[gd] = true
							consts = append(consts, gd)
							collectIdents(gd, used)
							changed = true
						}
					}
				}
			}
		}
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "// Copied from %s/src (%s) by TestStdlibContractsProved.\n\npackage %s\n\n", goroot, runtime.Version(), path.Base(pkgPath))
	for _, gd := range consts {
		gd.Doc = nil
		if err := printer.Fprint(&b, fset, gd); err != nil {
			return "", err
		}
		b.WriteString("\n\n")
	}
	names := make([]string, 0, len(funcs))
	for n := range funcs {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fd := funcs[n]
		fd.Doc = nil
		if err := printer.Fprint(&b, fset, fd); err != nil {
			return "", err
		}
		b.WriteString("\n\n")
	}
	return b.String(), nil
}

// delegates checks that c's function's GOROOT body is
// `return PKG.name(params...)` for the package p.
func delegates(find func(p, name string) (*ast.FuncDecl, *ast.File, error), c *stdlibContract, p, name string) error {
	fd, _, err := find(c.Path, c.Name)
	if err != nil {
		return err
	}
	var params []string
	for _, f := range fd.Type.Params.List {
		for _, n := range f.Names {
			params = append(params, n.Name)
		}
	}
	if len(fd.Body.List) == 1 {
		if ret, ok := fd.Body.List[0].(*ast.ReturnStmt); ok && len(ret.Results) == 1 {
			if call, ok := ret.Results[0].(*ast.CallExpr); ok {
				if sel, ok := call.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == name && isIdent(sel.X, path.Base(p)) && len(call.Args) == len(params) {
					same := true
					for i, a := range call.Args {
						same = same && isIdent(a, params[i])
					}
					if same {
						return nil
					}
				}
			}
		}
	}
	return fmt.Errorf("%s.%s does not delegate to %s.%s in one call: its contract must be proved against its own body", c.Path, c.Name, p, name)
}

// collectIdents adds the identifiers n uses to used.
func collectIdents(n ast.Node, used map[string]bool) {
	ast.Inspect(n, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			used[id.Name] = true
		}
		return true
	})
}
