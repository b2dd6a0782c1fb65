package ssa

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/packages"

	"github.com/vsynth/vsynth/specs"
)

// The packages of a replay run instrumented: every function with a
// contract checks its requires clauses on entry, and every loop with
// invariants checks them at its head, panicking with requiresViolated or
// invariantViolated when one is false. A call-requires counterexample is
// real when the run trips the callee's check, an invariant-entry one when
// it trips the loop's; any other counterexample that trips a check is not
// confirmed (the function is outside a contract it relies on).

// requiresViolated starts the panic of an instrumented requires check:
// requiresViolated + function + ": " + clause.
const requiresViolated = "vsynth replay: requires violated: "

// invariantViolated starts the panic of an instrumented invariant check:
// invariantViolated + the false clauses, separated by invariantSep.
const invariantViolated = "vsynth replay: invariant violated: "

// invariantSep separates the false clauses of an invariant check's panic.
const invariantSep = "\x1f"

// instrumentPackage returns the instrumented source of the Go files of
// pkg that change (file name -> content). The checks are inserted as text
// on the lines they check, so that every line keeps its number: a replay
// can tell where a panic happened.
func (p *Program) instrumentPackage(pkg *packages.Package) (map[string][]byte, error) {
	checks := map[string][]string{} // function name (Type.Method for a method) -> check statements
	for _, tg := range slices.Concat(p.Targets, p.Deps) {
		if tg.Package != pkg || tg.Spec == nil || tg.Func == nil || !sameParamNames(tg) {
			continue
		}
		name := strings.TrimPrefix(tg.Short, pkg.Name+".")
		for _, c := range tg.Spec.Func.Requires() {
			if tg.Spec.UsesMathInt(c.Expr) {
				continue // not evaluable in Go (spec_mathint.go): its call-requires counterexamples stay unknown
			}
			cp, _ := cloneExpr(c.Expr)
			expr, err := oneLineSource(printExpr(p.Fset, rewriteQuantifiers(cp)))
			if err != nil {
				return nil, err
			}
			checks[name] = append(checks[name], fmt.Sprintf("if !(%s) { panic(%q) }; ", expr, requiresViolated+name+": "+c.Text))
		}
		if check, err := p.measureCheck(tg, name); err != nil {
			return nil, err
		} else if check != "" {
			checks[name] = append(checks[name], check)
		}
	}
	out := map[string][]byte{}
	for _, name := range pkg.GoFiles {
		if p.overlaid[name] {
			continue // vsynth's own instantiations (generics_union.go): not on disk
		}
		src, err := os.ReadFile(name)
		if err != nil {
			return nil, err
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, name, src, parser.ParseComments)
		if err != nil {
			return nil, err
		}
		ed := &textEdits{fset: fset}
		if err := instrumentInvariants(fset, f, ed, specMathInt(pkg)); err != nil {
			return nil, err
		}
		if err := instrumentGhosts(fset, f, ed); err != nil {
			return nil, err
		}
		if err := instrumentMeasures(fset, f, ed); err != nil {
			return nil, err
		}
		if instrumentCarries(f, ed) {
			ed.edits = append(ed.edits, textEdit{len(src), carryCheckSource})
		}
		if p.instrumentOverflow(pkg, name, ed) {
			checks := filepath.Join(filepath.Dir(name), overflowCheckFile)
			out[checks] = []byte("package " + pkg.Types.Name() + "\n" + overflowCheckSource)
		}
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			list := checks[declName(fd)]
			if list == nil {
				continue
			}
			ed.insert(fd.Body.Lbrace+1, strings.Join(list, ""))
		}
		if len(ed.edits) == 0 {
			continue
		}
		out[name] = ed.apply(src, f)
	}
	return out, nil
}

// textEdits are insertions into a file's source, and cuts: the bytes an
// insertion replaces (confirm_overflow.go replaces operators).
type textEdits struct {
	fset  *token.FileSet
	edits []textEdit
	cuts  map[int]int // offset -> bytes dropped after the insertions there
}

type textEdit struct {
	off  int
	text string
}

func (e *textEdits) insert(pos token.Pos, text string) {
	e.edits = append(e.edits, textEdit{e.fset.Position(pos).Offset, text})
}

// apply returns src with the insertions (in the order made at one
// offset), and the imports of math and math/bits the checks need and f
// lacks, added on the package clause's line.
func (e *textEdits) apply(src []byte, f *ast.File) []byte {
	all := strings.Join(func() []string {
		var ts []string
		for _, ed := range e.edits {
			ts = append(ts, ed.text)
		}
		return ts
	}(), "\n")
	var imports string
	for _, imp := range [][2]string{{"math.", "math"}, {"bits.", "math/bits"}} {
		if strings.Contains(all, imp[0]) && !imports_(f, imp[1]) {
			imports += fmt.Sprintf("; import %q", imp[1])
		}
	}
	if imports != "" {
		e.edits = append(e.edits, textEdit{e.fset.Position(f.Name.End()).Offset, imports})
	}
	sort.SliceStable(e.edits, func(i, j int) bool { return e.edits[i].off < e.edits[j].off })
	var b bytes.Buffer
	last := 0
	for _, ed := range e.edits {
		if ed.off > last {
			b.Write(src[last:ed.off])
			last = ed.off
		}
		b.WriteString(ed.text)
		if n := e.cuts[ed.off]; n > 0 && last == ed.off {
			last += n
		}
	}
	b.Write(src[last:])
	return b.Bytes()
}

// imports_ reports whether f imports path under its default name.
func imports_(f *ast.File, path string) bool {
	for _, is := range f.Imports {
		if p, err := strconv.Unquote(is.Path.Value); err == nil && p == path && (is.Name == nil || is.Name.Name == defaultImportName(path)) {
			return true
		}
	}
	return false
}

// oneLineSource rewrites Go source on one line: the tokens, separated by spaces,
// with the semicolons Go would insert at line ends written out.
func oneLineSource(src string) (string, error) {
	var s scanner.Scanner
	fset := token.NewFileSet()
	var errs []string
	s.Init(fset.AddFile("", -1, len(src)), []byte(src), func(_ token.Position, msg string) { errs = append(errs, msg) }, 0)
	var out []string
	for {
		_, tok, lit := s.Scan()
		if tok == token.EOF {
			break
		}
		switch {
		case tok == token.SEMICOLON:
			out = append(out, ";")
		case lit != "":
			out = append(out, lit)
		default:
			out = append(out, tok.String())
		}
	}
	if len(errs) > 0 {
		return "", fmt.Errorf("scanning %q: %s", src, errs[0])
	}
	// The last automatic semicolon ends the expression: drop it.
	if n := len(out); n > 0 && out[n-1] == ";" {
		out = out[:n-1]
	}
	return strings.Join(out, " "), nil
}

// sameParamNames reports whether the spec of tg names the receiver and
// parameters as its Go declaration does (a .vspec may rename them): only
// then can a check written with the spec's names go into the body.
func sameParamNames(tg *Target) bool {
	params := tg.Func.Params
	if len(params) != len(tg.Spec.Params) {
		return false
	}
	for i, v := range params {
		if v.Name() != tg.Spec.Params[i].Name() || v.Name() == "_" || v.Name() == "" {
			return false
		}
	}
	return true
}

// declName is the name of fd as Target.Short writes it after the package
// name: F, or T.M for a method.
func declName(fd *ast.FuncDecl) string {
	if fd.Recv == nil || len(fd.Recv.List) == 0 {
		return fd.Name.Name
	}
	t := fd.Recv.List[0].Type
	if star, ok := t.(*ast.StarExpr); ok {
		t = star.X
	}
	if id, ok := t.(*ast.Ident); ok {
		return id.Name + "." + fd.Name.Name
	}
	return "" // a method of a generic type: not a target
}

// instrumentInvariants makes every for statement of f with invariants
// check them each time before its condition, and every range statement
// with a key declared by := at each head.
func instrumentInvariants(fset *token.FileSet, f *ast.File, ed *textEdits, mathint bool) error {
	loops, err := specs.LoopDirectives(fset, f)
	if err != nil {
		return err
	}
	copied := map[ast.Node]map[string]bool{} // per function, the parameters copied on entry for old(...)
	for _, lp := range loops {
		// Every invariant is evaluated at each head, and the check panics
		// with all those that do not hold, false or panicking (an
		// invariant-entry counterexample of the second must be confirmed
		// even when the first is false too).
		var invs []string
		fn := enclosingFunc(f, lp.Stmt)
		for _, c := range lp.Clauses {
			if mathint && mentionsName(c.Expr, specs.MathIntName) {
				continue // not evaluable in Go: its invariant-entry counterexamples stay unknown
			}
			e, copies, exact := oldInvariant(c.Expr, fn)
			expr, err := oneLineSource(printExpr(fset, rewriteQuantifiers(e)))
			if err != nil {
				return err
			}
			if !exact {
				expr = "zzvInexact()"
			}
			for _, name := range copies {
				if copied[fn] == nil {
					copied[fn] = map[string]bool{}
				}
				if !copied[fn][name] {
					copied[fn][name] = true
					ed.insert(funcBody(fn).Lbrace+1, fmt.Sprintf("%s := zzvDeepCopy(%s); _ = %s; ", preName(name), name, preName(name)))
				}
			}
			invs = append(invs, fmt.Sprintf("zzvInv{func() bool { return %s }, %q}", expr, c.Text))
		}
		if len(invs) == 0 {
			continue
		}
		check := fmt.Sprintf("zzvCheckInvariants(%s)", strings.Join(invs, ", "))
		checks := []string{check + "; "}
		switch s := lp.Stmt.(type) {
		case *ast.RangeStmt:
			// The key 0 before the loop (through __vsynth_range_entry,
			// around the ranged expression), and at the start of each
			// iteration the index of the iteration about to start, as in
			// vsynth's reading of range invariants. (The head after the
			// last iteration is not checked: an entry replay does not
			// need it.)
			key, ok := s.Key.(*ast.Ident)
			if !ok || s.Tok != token.DEFINE || key.Name == "_" {
				continue
			}
			ed.insert(s.X.Pos(), "__vsynth_range_entry(")
			ed.insert(s.X.End(), fmt.Sprintf(", func(%s int) { %s})", key.Name, strings.Join(checks, "")))
			ed.insert(s.Body.Lbrace+1, strings.Join(checks, ""))
		case *ast.ForStmt:
			switch {
			case s.Cond != nil:
				ed.insert(s.Cond.Pos(), check+" && (")
				ed.insert(s.Cond.End(), ")")
			default:
				// Without a condition, every head goes on into the body:
				// the check starts the body. (As the condition, it would
				// make for { ... } a statement that may end, and a
				// function ending in it would not compile.)
				ed.insert(s.Body.Lbrace+1, check+"; ")
			}
		}
	}
	return nil
}
