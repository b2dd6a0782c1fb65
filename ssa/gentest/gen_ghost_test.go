package gentest

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/vsynth/vsynth/internal/provetest"
	"github.com/vsynth/vsynth/internal/testsolver"
	"github.com/vsynth/vsynth/ssa"
)

// TestGhostPlacementDifferential checks where ghost lines apply against
// code vsynth already models: at every statement boundary of the
// functions of testdata/prove/{loops,control,ghost}, a copy of the
// function gets "//vsynth:assert x != 1" for an integer parameter x (or
// "//vsynth:assert false"), and another copy gets the Go statement
// "if x == 1 { panic(0) }" (or "panic(0)") on the same line. Both ask
// the same question — can control reach this point with x == 1 — so the
// assert obligation and the panic obligation must get the same verdict,
// unless one is unknown or the ghost line is unsupported. A line placed
// at the wrong point (on every iteration instead of once, before the
// statement it follows, with a stale value of x) answers differently.
//
// The default run checks 6 boundaries (about 5 s); VSYNTH_LONG=1 checks
// all of them (about 150) and replays every counterexample in Go.
func TestGhostPlacementDifferential(t *testing.T) {
	root, _ := filepath.Abs(filepath.Join("..", "..", "testdata", "prove"))
	var files []string
	for _, pkg := range []string{"loops", "control", "ghost"} {
		fs, _ := filepath.Glob(filepath.Join(root, pkg, "*.go"))
		files = append(files, fs...)
	}
	sort.Strings(files)
	type variant struct {
		name, line string
		ghost      bool
	}
	var src strings.Builder
	src.WriteString("package gen\n\n")
	var pairs [][2]string // ghost function, panic function
	helpers := map[string]bool{}
	lines := map[string]int{} // function -> the line inserted into it
	n := 0
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, file, data, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		if len(f.Imports) > 0 {
			continue
		}
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Recv != nil || fd.Body == nil {
				continue
			}
			doc := ""
			if fd.Doc != nil {
				doc = docDirectives(data, fset, fd)
			}
			if doc == "" && !helpers[fd.Name.Name] {
				// A helper the clauses may call: copied as it is.
				helpers[fd.Name.Name] = true
				fmt.Fprintf(&src, "%s\n\n", data[fset.Position(fd.Pos()).Offset:fset.Position(fd.End()).Offset])
			}
			if doc == "" || hasCalls(fd) {
				continue
			}
			param := intParam(fd)
			for _, at := range boundaries(fd.Body, f, fset) {
				cond, ghost := "false", "panic(0)"
				if param != "" {
					cond, ghost = param+" != 1", "if "+param+" == 1 { panic(0) }"
				}
				off := fset.Position(at).Offset
				body := func(insert string) string {
					start := fset.Position(fd.Pos()).Offset
					end := fset.Position(fd.End()).Offset
					return string(data[start:off]) + insert + string(data[off:end])
				}
				n++
				g, p := fmt.Sprintf("G%d", n), fmt.Sprintf("P%d", n)
				// The inserted line: the lines written so far, the doc
				// lines, the function's lines up to the insertion.
				before := strings.Count(doc, "\n") + strings.Count(string(data[fset.Position(fd.Pos()).Offset:off]), "\n") + 1
				lines[g] = strings.Count(src.String(), "\n") + before
				fmt.Fprintf(&src, "%s%s\n\n", doc, rename(body("//vsynth:assert "+cond+"\n"), fd.Name.Name, g))
				lines[p] = strings.Count(src.String(), "\n") + before
				fmt.Fprintf(&src, "%s%s\n\n", doc, rename(body(ghost+"\n"), fd.Name.Name, p))
				pairs = append(pairs, [2]string{g, p})
			}
		}
	}
	all := strings.Split(src.String(), "\n")
	for _, pr := range pairs {
		if g, p := all[lines[pr[0]]-1], all[lines[pr[1]]-1]; !strings.Contains(g, "//vsynth:assert") || !strings.Contains(p, "panic(0)") {
			t.Fatalf("line arithmetic: %s line %d is %q, %s line %d is %q", pr[0], lines[pr[0]], g, pr[1], lines[pr[1]], p)
		}
	}
	if len(pairs) < 20 {
		t.Fatalf("only %d boundaries: the generator finds too few functions", len(pairs))
	}
	long := os.Getenv("VSYNTH_LONG") != ""
	if !long {
		// A spread of 6 boundaries over all the functions.
		var sample [][2]string
		for i := 0; i < 6; i++ {
			sample = append(sample, pairs[i*len(pairs)/6])
		}
		pairs = sample
	}
	keep := map[string]bool{}
	for _, pr := range pairs {
		keep[pr[0]], keep[pr[1]] = true, true
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module example.com/gen\n\ngo 1.24\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "gen.go"), []byte(src.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	if out := os.Getenv("VSYNTH_GHOST_GEN"); out != "" {
		os.WriteFile(out, []byte(src.String()), 0o644) // for debugging a mismatch
	}
	prog, err := ssa.Load(ssa.LoadConfig{Dir: dir}, []string{"./..."})
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	var targets []*ssa.Target
	for _, tg := range prog.Targets {
		if keep[strings.TrimPrefix(tg.Short, "gen.")] {
			targets = append(targets, tg)
		}
	}
	results, err := prog.Prove(t.Context(), targets, ssa.Options{NewSolver: testsolver.New})
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]*ssa.FuncResult{}
	for _, r := range results {
		byName[strings.TrimPrefix(r.Target.Short, "gen.")] = r
	}
	compared, skipped := 0, 0
	for _, pr := range pairs {
		g, p := byName[pr[0]], byName[pr[1]]
		if g == nil || p == nil {
			t.Fatalf("%s or %s not proved", pr[0], pr[1])
		}
		gv, pv := obligationVerdict(prog, g, ssa.Assert, lines[pr[0]]), obligationVerdict(prog, p, ssa.Panic, lines[pr[1]])
		switch {
		case g.Verdict == ssa.Unsupported || p.Verdict == ssa.Unsupported || gv == ssa.Unknown || pv == ssa.Unknown || gv == "" && pv == "":
			skipped++
			t.Logf("%s/%s skipped: %s %s (%s), %s %s (%s)", pr[0], pr[1], g.Verdict, gv, g.Reason, p.Verdict, pv, p.Reason)
			continue
		case gv != pv:
			t.Errorf("%s: assert %q, but the panic on the same line of %s is %q", pr[0], gv, pr[1], pv)
		}
		compared++
	}
	t.Logf("%d boundaries compared, %d skipped", compared, skipped)
	if compared == 0 {
		t.Fatal("no boundary compared")
	}
	if long {
		n, exempt := provetest.ConfirmReplays(t, prog, results)
		t.Logf("%d counterexamples confirmed in Go (%d exempt)", n, len(exempt))
	}
}

// obligationVerdict is the verdict of f's obligations of kind k on line
// line: failed if one failed, unknown if one is unknown, proved if all
// are, "" when there is none (the point is unreachable, or the panic was
// cut).
func obligationVerdict(prog *ssa.Program, f *ssa.FuncResult, k ssa.ObligationKind, line int) ssa.Verdict {
	var v ssa.Verdict
	for _, o := range f.Obligations {
		if o.Kind != k || prog.Fset.Position(o.Pos).Line != line {
			continue
		}
		switch {
		case o.Verdict == ssa.Failed:
			return ssa.Failed
		case o.Verdict == ssa.Unknown:
			v = ssa.Unknown
		case v == "":
			v = ssa.Proved
		}
	}
	return v
}

// boundaries lists the positions of fn's body where a line can be
// inserted before a statement (not a labeled one), in source order: before
// the comment lines directly above it (a loop's invariants), if any.
func boundaries(body *ast.BlockStmt, f *ast.File, fset *token.FileSet) []token.Pos {
	above := map[int]*ast.CommentGroup{} // line after a group -> the group
	for _, g := range f.Comments {
		if body.Pos() < g.Pos() && g.End() < body.End() {
			above[fset.Position(g.End()).Line+1] = g
		}
	}
	var out []token.Pos
	ast.Inspect(body, func(n ast.Node) bool {
		var list []ast.Stmt
		switch n := n.(type) {
		case *ast.BlockStmt:
			list = n.List
		case *ast.CaseClause:
			list = n.Body
		case *ast.FuncLit:
			return false
		}
		for _, s := range list {
			switch s.(type) {
			case *ast.LabeledStmt, *ast.CaseClause, *ast.CommClause:
				continue // a jump target, or the body of a switch
			}
			at := s.Pos()
			if g := above[fset.Position(at).Line]; g != nil {
				at = g.Pos()
			}
			out = append(out, at)
		}
		return true
	})
	return out
}

// hasCalls reports whether fd calls a function other than a builtin.
func hasCalls(fd *ast.FuncDecl) bool {
	found := false
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			if id, ok := call.Fun.(*ast.Ident); !ok || types.Universe.Lookup(id.Name) == nil {
				found = true
			}
		}
		return !found
	})
	return found
}

// docDirectives returns the //vsynth: lines of fd's doc comment.
func docDirectives(src []byte, fset *token.FileSet, fd *ast.FuncDecl) string {
	var b strings.Builder
	for _, c := range fd.Doc.List {
		if strings.HasPrefix(c.Text, "//vsynth:") {
			text, _, _ := strings.Cut(c.Text, " // want")
			b.WriteString(text + "\n")
		}
	}
	return b.String()
}

// intParam returns the name of fd's first parameter of type int, or "".
func intParam(fd *ast.FuncDecl) string {
	for _, f := range fd.Type.Params.List {
		if id, ok := f.Type.(*ast.Ident); ok && id.Name == "int" && len(f.Names) > 0 && f.Names[0].Name != "_" {
			return f.Names[0].Name
		}
	}
	return ""
}

// rename renames the function declared by src from old to name, and its
// recursive calls with it, and drops // want comments.
func rename(src, old, name string) string {
	src = strings.Replace(src, "func "+old+"(", "func "+name+"(", 1)
	src = strings.ReplaceAll(src, " "+old+"(", " "+name+"(")
	var lines []string
	for _, l := range strings.Split(src, "\n") {
		l, _, _ = strings.Cut(l, " // want")
		lines = append(lines, l)
	}
	return strings.Join(lines, "\n")
}
