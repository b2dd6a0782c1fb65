package ssa

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/printer"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/packages"
	gossa "golang.org/x/tools/go/ssa"

	"github.com/vsynth/vsynth/specs"
)

// Contracts across separate loads. A load of one package (LoadTyped, as
// go vet runs an analyzer package by package) exports the contract of
// each of its functions in a form that a later load of an importing
// package can use: the contract as a .vspec file of its package (type-
// checked again there, against the callee's types as the importer sees
// them), its verdict, and the memory regions the function may write (a
// call havocs them, as for a contract of the same load). A call then
// relies on the contract as on one proved in the same run: a proved
// verdict of the caller needs the callee's exported verdict to be proved.

// ContractExport is the contract of one function, as another load
// imports it.
type ContractExport struct {
	Spec    string   // the contract: a .vspec file of the function's package
	Verdict Verdict  // the function's verdict in its own package's run ("" if not checked)
	Total   bool     // proved, and known to terminate
	Writes  []string // the memory regions the function may write, sorted
	// Assumptions are the //vsynth:assume lines its proof rests on, as
	// "FILE:LINE:COL: CLAUSE".
	Assumptions []string
	// Problem, when set, is why the contract cannot be used elsewhere (a
	// call to the function is then unsupported).
	Problem string
}

// ImportedContract is the contract of a function of another package.
type ImportedContract struct {
	Func *types.Func // the function, as the importing package sees it
	ContractExport
}

// ExportContracts returns the contracts of the functions of the loaded
// packages, with their verdicts in results (a function without a result
// is exported as not checked), for the loads of importing packages.
func (p *Program) ExportContracts(results []*FuncResult) map[*types.Func]*ContractExport {
	byTarget := map[*Target]*FuncResult{}
	for _, r := range results {
		byTarget[r.Target] = r
	}
	out := map[*types.Func]*ContractExport{}
	for _, t := range p.Targets {
		if t.Func == nil || t.foreign != nil || p.contracts[t.Func] != t {
			continue
		}
		fn, ok := t.Func.Object().(*types.Func)
		if !ok {
			continue
		}
		e := &ContractExport{}
		if r := byTarget[t]; r != nil {
			e.Verdict, e.Total = r.Verdict, r.Total
			for _, a := range r.Assumptions {
				e.Assumptions = append(e.Assumptions, fmt.Sprintf("%s: %s", p.Fset.Position(a.Pos), a.Clause))
			}
		}
		src, err := p.contractSource(t)
		if err != nil {
			e.Problem = err.Error()
		}
		e.Spec = src
		written, err := (&lowering{prog: p.SSA, contract: p.contract}).writes(t.Func.Blocks, map[*gossa.Function]bool{t.Func: true})
		if err != nil {
			e.Problem = "what it writes is not known: " + err.Error()
		}
		for r := range written {
			e.Writes = append(e.Writes, r)
		}
		slices.Sort(e.Writes)
		out[fn] = e
	}
	return out
}

// contractSource renders t's contract as a .vspec file of its package:
// the imports its clauses see, the function's signature, and its requires
// and ensures clauses (a decreases measure matters only to the function's
// own recursive calls).
func (p *Program) contractSource(t *Target) (string, error) {
	f, pkg := t.Spec.Func, t.Package.Types
	var b strings.Builder
	fmt.Fprintf(&b, "package %s\n\n", pkg.Name())
	for _, imp := range f.VisibleImports(pkg) {
		if imp.Path == nil || imp.Path.Value == `"C"` || imp.Name != nil && imp.Name.Name == "_" {
			continue
		}
		name := ""
		if imp.Name != nil {
			name = imp.Name.Name + " "
		}
		fmt.Fprintf(&b, "import %s%s\n", name, imp.Path.Value)
	}
	var sig bytes.Buffer
	decl := &ast.FuncDecl{Recv: f.Decl.Recv, Name: f.Decl.Name, Type: f.Decl.Type}
	if err := printer.Fprint(&sig, p.Fset, decl); err != nil {
		return "", fmt.Errorf("printing the signature of %s: %w", t.Short, err)
	}
	line, err := oneLineSource(sig.String())
	if err != nil {
		return "", fmt.Errorf("printing the signature of %s: %w", t.Short, err)
	}
	fmt.Fprintf(&b, "\n%s\n", line)
	for _, c := range f.Clauses {
		switch c.Kind {
		case specs.Requires, specs.Ensures:
			fmt.Fprintf(&b, "\t%s %s\n", c.Kind, c.Text)
		case specs.Modifies: // a frame travels with the contract (frame.go)
			fmt.Fprintf(&b, "\t%s %s\n", c.Kind, c.FrameText())
		}
	}
	return b.String(), nil
}

// importContracts makes the imported contracts the contracts of their
// functions in this load. A contract that does not check here, or whose
// package exported a problem with it, is kept as unsupported: a call to
// its function says why.
func (p *Program) importContracts(cs []*ImportedContract, imp types.Importer) {
	for _, c := range cs {
		fn := c.Func
		if fn == nil || fn.Pkg() == nil {
			continue
		}
		ssaFn := p.SSA.FuncValue(fn)
		if ssaFn == nil {
			continue // its package is not among the imports: no call reaches it
		}
		pkg := fn.Pkg()
		t := &Target{
			Name:    pkg.Path() + "." + funcName(fn),
			Short:   pkg.Name() + "." + funcName(fn),
			Pos:     fn.Pos(),
			Func:    ssaFn,
			Package: &packages.Package{ID: pkg.Path(), Name: pkg.Name(), PkgPath: pkg.Path(), Types: pkg},
			foreign: &c.ContractExport,
		}
		if c.Problem != "" {
			t.Unsupported = &UnsupportedError{Pos: fn.Pos(), What: "its contract cannot be used outside its package: " + c.Problem}
		} else if checked, err := p.foreignSpec(t, fn, c.Spec, imp); err != nil {
			t.Unsupported = &UnsupportedError{Pos: fn.Pos(), What: "its contract does not check in the calling package: " + err.Error()}
		} else {
			t.Spec = checked
		}
		p.contracts[ssaFn] = t
	}
}

// foreignSpec parses and checks the exported contract src of fn.
func (p *Program) foreignSpec(t *Target, fn *types.Func, src string, imp types.Importer) (*specs.Checked, error) {
	sf, err := specs.ParseFile(p.Fset, "vsynth-contract/"+t.Name+".vspec", []byte(src))
	if err != nil {
		return nil, err
	}
	if len(sf.Funcs) != 1 {
		return nil, fmt.Errorf("%d functions in the exported contract", len(sf.Funcs))
	}
	f := sf.Funcs[0]
	got, err := specs.Lookup(p.Fset, fn.Pkg(), f)
	if err != nil {
		return nil, err
	}
	if got != fn {
		return nil, fmt.Errorf("the exported contract names %s", got.FullName())
	}
	return specs.Check(p.Fset, fn.Pkg(), fn, f, imp)
}

// foreignWrites is the set of regions a function with an imported
// contract may write.
func foreignWrites(t *Target) map[string]bool {
	out := map[string]bool{}
	for _, r := range t.foreign.Writes {
		out[r] = true
	}
	return out
}

// foreignVerdict names the verdict an imported contract's function got.
func foreignVerdict(e *ContractExport) string {
	if e.Verdict == "" {
		return "not checked"
	}
	return string(e.Verdict)
}
