package ssa

import (
	"embed"
	"fmt"
	"go/ast"
	"go/types"
	"os/exec"
	"path"
	"sort"
	"strings"

	"golang.org/x/tools/go/packages"

	"github.com/vsynth/vsynth/smt"
)

// Standard-library contracts. The functions of the standard library that
// real code calls most (strings, bytes, unicode/utf8, strconv, unicode)
// have no body vsynth can inline: their packages are not loaded from
// source, and their bodies are assembly or loops that would need
// invariants. vsynth ships a contract for each, as data: the .vspec
// files of ssa/stdlib, one per package (named by its import path, '/'
// written '_'), embedded in the binary and checked against the Go release
// named in ssa/stdlib/VERSION (stdlib_check_test.go proves the ones marked
// "proved" against their source in GOROOT and runs every one, compiled,
// on random and edge inputs).
//
// A call of such a function is lowered like any call of a function known
// by its contract (contract.go): its requires clauses are call-requires
// obligations at the call — an input outside the documented domain is an
// obligation, never a guessed result — and its ensures clauses are
// assumed of its results. A contract marked "random" was checked by runs,
// not proved: a proof that relies on it states that as an assumption. A
// contract marked "exact" determines the function's results, so a
// counterexample through it is replayed (the replay runs the real
// function) rather than set aside as resting on the contract.

//go:embed stdlib/*.vspec stdlib/VERSION
var stdlibFiles embed.FS

// stdlibMarker starts the line above each function of a shipped .vspec
// file that says how its contract was checked.
const stdlibMarker = "//vsynth-stdlib:"

// stdlibContract is one shipped contract.
type stdlibContract struct {
	Path string // the package's import path
	Name string // the function's name
	Spec string // a .vspec file with this function alone
	// Proof lists the functions (import path '.' name) whose GOROOT
	// source the contract was proved against, the first being the
	// function itself or the one it delegates to; empty when it was
	// checked by randomized runs only.
	Proof []string
	Exact bool   // its ensures clauses determine its results
	Line  int    // the line of its func in its file
	File  string // its file in ssa/stdlib
}

// Proved reports whether the contract was proved against GOROOT source.
func (c *stdlibContract) Proved() bool { return len(c.Proof) > 0 }

// stdlibGoVersion is the Go release the shipped contracts were checked
// against.
func stdlibGoVersion() string {
	b, err := stdlibFiles.ReadFile("stdlib/VERSION")
	if err != nil {
		panic("ssa: the shipped standard-library contracts have no VERSION: " + err.Error())
	}
	return strings.TrimSpace(string(b))
}

// shippedContracts parses the shipped .vspec files into one contract per
// function, sorted by package and name. The files are vsynth's own: an
// error is a bug the tests report.
func shippedContracts() ([]*stdlibContract, error) {
	entries, err := stdlibFiles.ReadDir("stdlib")
	if err != nil {
		return nil, fmt.Errorf("reading the shipped standard-library contracts: %w", err)
	}
	var out []*stdlibContract
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".vspec") {
			continue
		}
		src, err := stdlibFiles.ReadFile("stdlib/" + e.Name())
		if err != nil {
			return nil, fmt.Errorf("reading the shipped contracts %s: %w", e.Name(), err)
		}
		cs, err := splitShipped(e.Name(), string(src))
		if err != nil {
			return nil, err
		}
		out = append(out, cs...)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Path != out[j].Path {
			return out[i].Path < out[j].Path
		}
		return out[i].Name < out[j].Name
	})
	return out, nil
}

// splitShipped splits one shipped file into its functions' contracts:
// each is the file's header (package clause and imports) and the lines
// from its marker to the next marker, with the header's lines kept so
// that positions in errors are the file's.
func splitShipped(file, src string) ([]*stdlibContract, error) {
	pkgPath := strings.ReplaceAll(strings.TrimSuffix(file, ".vspec"), "_", "/")
	lines := strings.Split(src, "\n")
	var markers []int
	for i, l := range lines {
		if strings.HasPrefix(l, stdlibMarker) {
			markers = append(markers, i)
		}
	}
	if len(markers) == 0 {
		return nil, fmt.Errorf("stdlib/%s: no function", file)
	}
	header := lines[:markers[0]]
	var out []*stdlibContract
	for k, m := range markers {
		end := len(lines)
		if k+1 < len(markers) {
			end = markers[k+1]
		}
		c := &stdlibContract{Path: pkgPath, File: file}
		for _, f := range strings.Fields(strings.TrimPrefix(lines[m], stdlibMarker)) {
			switch {
			case f == "exact":
				c.Exact = true
			case f == "random" || f == "proved":
			case strings.Contains(f, "."):
				c.Proof = append(c.Proof, f)
			default:
				return nil, fmt.Errorf("stdlib/%s:%d: unknown word %q after %s", file, m+1, f, stdlibMarker)
			}
		}
		if strings.Contains(lines[m], " proved") != (len(c.Proof) > 0) {
			return nil, fmt.Errorf("stdlib/%s:%d: a proved contract names the functions it was proved against, and only it", file, m+1)
		}
		body := lines[m+1 : end]
		for i, l := range body {
			if strings.HasPrefix(l, "func ") {
				name := strings.TrimPrefix(l, "func ")
				if j := strings.IndexByte(name, '('); j > 0 {
					c.Name = name[:j]
				}
				c.Line = m + 2 + i
				break
			}
		}
		if c.Name == "" {
			return nil, fmt.Errorf("stdlib/%s:%d: no func after %s", file, m+1, stdlibMarker)
		}
		// Blank lines stand for the other functions, so that the line
		// numbers of this one are those of the file.
		spec := make([]string, 0, end)
		spec = append(spec, header...)
		for range lines[len(header):m] {
			spec = append(spec, "")
		}
		spec = append(spec, lines[m:end]...)
		c.Spec = strings.Join(spec, "\n")
		out = append(out, c)
	}
	return out, nil
}

// shipStdlibContracts makes the shipped contracts the contracts of their
// functions in this load, for every package of the standard library the
// program has that is not loaded from source. A contract that does not
// check against the package as this load sees it (another Go release
// that changed a signature) is kept as unsupported: a call says why.
//
// toolchain is the Go release the program is built with ("" when not
// known); when it is not the release the contracts were checked against,
// every proof that relies on one states it as an assumption, proved ones
// included.
func (p *Program) shipStdlibContracts(imp types.Importer, toolchain func() string) error {
	cs, err := shippedContracts()
	if err != nil {
		return err
	}
	version := stdlibGoVersion()
	asked, mismatch, other := false, false, "" // the program's Go release, when it is not the contracts'
	for _, c := range cs {
		pkg := p.SSA.ImportedPackage(c.Path)
		if pkg == nil || p.local[pkg.Pkg] {
			continue
		}
		fn, _ := pkg.Pkg.Scope().Lookup(c.Name).(*types.Func)
		if fn == nil {
			continue
		}
		ssaFn := p.SSA.FuncValue(fn)
		if ssaFn == nil || p.contracts[ssaFn] != nil {
			continue
		}
		t := &Target{
			Name:    c.Path + "." + c.Name,
			Short:   pkg.Pkg.Name() + "." + c.Name,
			Pos:     fn.Pos(),
			Func:    ssaFn,
			Package: &packages.Package{ID: c.Path, Name: pkg.Pkg.Name(), PkgPath: c.Path, Types: pkg.Pkg, Fset: p.Fset},
			foreign: &ContractExport{Spec: c.Spec, Verdict: Proved, Total: true, Writes: stdlibWrites(c)},
			exact:   c.Exact,
			stdlib:  c,
		}
		if !asked {
			asked = true
			other = toolchain()
			mismatch = other != version && !strings.HasPrefix(other, version+".")
		}
		switch {
		case mismatch:
			how := "proved"
			if !c.Proved() {
				how = "checked by randomized runs"
			}
			t.foreign.Assumptions = []string{fmt.Sprintf("the shipped contract of %s (ssa/stdlib/%s:%d), %s against %s, not against %s, which builds this program", t.Short, c.File, c.Line, how, version, orUnknown(other))}
		case !c.Proved():
			t.foreign.Assumptions = []string{fmt.Sprintf("the shipped contract of %s (ssa/stdlib/%s:%d), checked by randomized runs against %s", t.Short, c.File, c.Line, version)}
		}
		if checked, err := p.foreignSpec(t, fn, c.Spec, imp); err != nil {
			t.Unsupported = &UnsupportedError{Pos: fn.Pos(), What: fmt.Sprintf("its shipped contract (checked against %s) does not check against this Go release: %v", version, err)}
		} else {
			t.Spec = checked
		}
		p.contracts[ssaFn] = t
	}
	return nil
}

// stdlibWrites is what a function with a shipped contract may write: the
// bytes of the slices it is given, for the functions that write into a
// []byte argument, and nothing for the others.
func stdlibWrites(c *stdlibContract) []string {
	switch path.Join(c.Path, c.Name) {
	case "unicode/utf8/EncodeRune":
		return []string{"uint8"}
	}
	return nil
}

// orUnknown names an unknown Go release.
func orUnknown(v string) string {
	if v == "" {
		return "the (unknown) Go release"
	}
	return v
}

// goVersion is the Go release the go command in dir with env builds with
// ("" when it cannot say).
func goVersion(dir string, env []string) string {
	cmd := exec.Command("go", "env", "GOVERSION")
	cmd.Dir = dir
	if env != nil {
		cmd.Env = env
	}
	out, err := cmd.Output()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
}

// stdlibClauseCall lowers a clause's call of a standard-library function
// with a shipped contract that writes nothing, by that contract, as a
// call of a pure function is (pure.go): its result is known by its
// ensures clauses where its requires hold, which is where the call is
// defined. Inside a quantifier it stays unsupported, as for pure
// functions. ok is false for other functions.
func (s *specLowering) stdlibClauseCall(fn *types.Func, args []*smt.Term, e *ast.CallExpr) (*smt.Term, *smt.Term, bool, error) {
	if fn.Pkg() == nil || fn.Signature().Recv() != nil {
		return nil, nil, false, nil
	}
	pkg := s.prog.ImportedPackage(fn.Pkg().Path())
	if pkg == nil {
		return nil, nil, false, nil
	}
	callee := pkg.Func(fn.Name())
	if callee == nil {
		return nil, nil, false, nil
	}
	t := s.l.contract(callee)
	if t == nil || t.stdlib == nil {
		return nil, nil, false, nil
	}
	switch {
	case t.Spec == nil:
		return nil, nil, true, unsupported(e.Pos(), "call to %s in a spec: %s", t.Short, t.Unsupported.What)
	case len(stdlibWrites(t.stdlib)) > 0:
		return nil, nil, true, unsupported(e.Pos(), "call to %s in a spec: it writes memory", t.Short)
	case s.quantified > 0:
		return nil, nil, true, unsupported(e.Pos(), "call to %s inside a quantifier", t.Short)
	}
	v, d, err := s.byPureContract(t, args, e)
	return v, d, true, err
}
