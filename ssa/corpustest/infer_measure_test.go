package corpustest

import (
	"context"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/vsynth/vsynth/internal/testsolver"
	"github.com/vsynth/vsynth/ssa"

	"github.com/vsynth/vsynth/smt"
)

// invariantFuncs lists, per package directory under root's examples/ and
// testdata/prove/, the functions with a //vsynth:invariant in their body.
func invariantFuncs(t *testing.T, root string) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	for _, top := range []string{"examples", filepath.Join("testdata", "prove")} {
		err := filepath.WalkDir(filepath.Join(root, top), func(path string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
				return err
			}
			src, err := os.ReadFile(path)
			if err != nil || !strings.Contains(string(src), "//vsynth:invariant") {
				return err
			}
			fset := token.NewFileSet()
			f, err := parser.ParseFile(fset, path, src, parser.ParseComments)
			if err != nil {
				return err
			}
			for _, cg := range f.Comments {
				for _, c := range cg.List {
					if !strings.HasPrefix(c.Text, "//vsynth:invariant") {
						continue
					}
					for _, d := range f.Decls {
						fd, ok := d.(*ast.FuncDecl)
						if ok && fd.Body != nil && fd.Body.Pos() <= c.Pos() && c.Pos() < fd.Body.End() {
							name := fd.Name.Name
							if fd.Recv != nil && len(fd.Recv.List) == 1 {
								name = recvName(fd.Recv.List[0].Type) + "." + name
							}
							dir := filepath.Dir(path)
							if !slices.Contains(out[dir], name) {
								out[dir] = append(out[dir], name)
							}
						}
					}
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return out
}

func recvName(e ast.Expr) string {
	if s, ok := e.(*ast.StarExpr); ok {
		e = s.X
	}
	if id, ok := e.(*ast.Ident); ok {
		return id.Name
	}
	return "?"
}

// stripInvariants copies the Go files of dir to dst without their
// //vsynth:invariant lines.
func stripInvariants(t *testing.T, dir, dst string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(dst, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".go") || strings.HasSuffix(e.Name(), "_test.go") {
			continue
		}
		src, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		var kept []string
		for _, line := range strings.Split(string(src), "\n") {
			if strings.HasPrefix(strings.TrimSpace(line), "//vsynth:invariant") {
				continue
			}
			kept = append(kept, line)
		}
		if err := os.WriteFile(filepath.Join(dst, e.Name()), []byte(strings.Join(kept, "\n")), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// measureLimits are the CLI's default limits (prove --timeout 10s).
var measureLimits = smt.Limits{Timeout: 10 * time.Second}

// TestInferMeasure is the measurement of docs/contracts.md, "Invariant
// inference": every function of examples/ and testdata/prove/ with
// written invariants, proved with them, then with them deleted (copies
// made here) with inference on and off. VSYNTH_LONG=1 runs it.
func TestInferMeasure(t *testing.T) {
	if os.Getenv("VSYNTH_LONG") == "" {
		t.Skip("VSYNTH_LONG=1 runs the inference measurement")
	}
	root, _ := filepath.Abs(filepath.Join("..", ".."))
	funcs := invariantFuncs(t, root)
	tmp := t.TempDir()
	written := filepath.Join(tmp, "written")
	stripped := filepath.Join(tmp, "stripped")
	var dirs []string
	for dir := range funcs {
		dirs = append(dirs, dir)
	}
	sort.Strings(dirs)
	for _, base := range []string{written, stripped} {
		if err := os.MkdirAll(base, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(base, "go.mod"), []byte("module measure.example\n\ngo 1.24\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	pkgOf := map[string]string{}
	for i, dir := range dirs {
		name := strings.ReplaceAll(strings.TrimPrefix(dir, root+string(filepath.Separator)), string(filepath.Separator), "_")
		pkgOf[name] = dir
		stripInvariants(t, dir, filepath.Join(stripped, name))
		if err := os.CopyFS(filepath.Join(written, name), os.DirFS(dir)); err != nil {
			t.Fatal(err)
		}
		_ = i
	}
	type row struct {
		name                      string
		written, off, on          ssa.Verdict
		timeWritten, timeOff, tOn time.Duration
		inferred                  []ssa.InferredLoop
	}
	rows := map[string]*row{}
	var order []string
	run := func(base string, infer bool, set func(r *row, res *ssa.FuncResult)) {
		prog, err := ssa.Load(ssa.LoadConfig{Dir: base}, []string{"./..."})
		if err != nil {
			t.Fatalf("load %s: %v", base, err)
		}
		var targets []*ssa.Target
		for _, tg := range prog.Targets {
			pkg := filepath.Base(filepath.Dir(prog.Fset.Position(tg.Pos).Filename))
			short := tg.Short[strings.Index(tg.Short, ".")+1:]
			if slices.Contains(funcs[pkgOf[pkg]], short) {
				targets = append(targets, tg)
			}
		}
		results, err := prog.Prove(context.Background(), targets, ssa.Options{Limits: measureLimits, NewSolver: testsolver.New, Jobs: 1, Infer: infer,
			Progress: func(r *ssa.FuncResult) {
				t.Logf("%s infer=%v: %s in %.1fs", r.Target.Short, infer, r.Verdict, r.Time.Seconds())
			}})
		if err != nil {
			t.Fatal(err)
		}
		for _, res := range results {
			pkg := filepath.Base(filepath.Dir(prog.Fset.Position(res.Target.Pos).Filename))
			key := pkg + "." + res.Target.Short[strings.Index(res.Target.Short, ".")+1:]
			r := rows[key]
			if r == nil {
				r = &row{name: key}
				rows[key] = r
				order = append(order, key)
			}
			set(r, res)
		}
	}
	run(written, false, func(r *row, res *ssa.FuncResult) { r.written, r.timeWritten = res.Verdict, res.Time })
	run(stripped, true, func(r *row, res *ssa.FuncResult) { r.on, r.tOn, r.inferred = res.Verdict, res.Time, res.Inferred })
	if os.Getenv("VSYNTH_INFER_SKIP_OFF") == "" {
		run(stripped, false, func(r *row, res *ssa.FuncResult) { r.off, r.timeOff = res.Verdict, res.Time })
	}
	sort.Strings(order)
	provedWritten, provedInferred := 0, 0
	var totalOff, totalOn time.Duration
	for _, k := range order {
		r := rows[k]
		t.Logf("%-40s written %-11s %6.2fs | deleted, --infer=false %-11s %6.2fs | deleted, inferred %-11s %6.2fs",
			r.name, r.written, r.timeWritten.Seconds(), r.off, r.timeOff.Seconds(), r.on, r.tOn.Seconds())
		for _, il := range r.inferred {
			t.Logf("    %d of %d candidates kept after %d rounds: %s", len(il.Invariants), il.Candidates, il.Rounds, strings.Join(il.Invariants, "; "))
		}
		if r.written == ssa.Proved {
			provedWritten++
			totalOff += r.timeOff
			totalOn += r.tOn
			if r.on == ssa.Proved {
				provedInferred++
			}
		}
		if r.on == ssa.Failed && r.off != ssa.Failed || r.off == ssa.Proved && r.on != ssa.Proved {
			t.Errorf("%s: inference made the verdict worse: %s without it, %s with it", r.name, r.off, r.on)
		}
	}
	t.Logf("proved with written invariants: %d; of those, proved with the invariants deleted and inferred: %d (%.0f%%); time on them: %.1fs with inference, %.1fs without",
		provedWritten, provedInferred, 100*float64(provedInferred)/float64(max(provedWritten, 1)), totalOn.Seconds(), totalOff.Seconds())
}
