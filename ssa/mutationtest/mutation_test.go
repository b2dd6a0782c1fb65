package mutationtest

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/printer"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/vsynth/vsynth/internal/provetest"
	"github.com/vsynth/vsynth/internal/testmod"
	"github.com/vsynth/vsynth/ssa"

	"golang.org/x/tools/go/packages"
	gossa "golang.org/x/tools/go/ssa"

	"github.com/vsynth/vsynth/specs"
)

// TestMutants is the mutation test of the soundness harness: every
// function vsynth proves in the examples and in testdata/prove is mutated
// (an operator swapped, a comparison flipped, a constant shifted by one, a
// branch dropped, a unary operator dropped or changed; one change per
// mutant), and each mutant, a renamed copy with the same contract, is
// both run by Go on many inputs and proved by vsynth.
//
//   - A mutant that compiled Go shows to violate its contract on some input
//     (killed by Go) must not be proved: that would be unsound.
//   - Every counterexample vsynth gives for a mutant is replayed in Go
//     (internal/provetest/replay.go) and must be real.
//   - The unmutated copy of every function is a control: Go must not kill
//     it and vsynth must not refute it (unknown, under a time limit, is
//     only logged).
//
// The mutation score is the share of the non-equivalent mutants (killed by
// Go or refuted by vsynth) that vsynth refutes.
//
//	go test ./ssa/mutationtest -run TestMutants -v
//
// VSYNTH_MUTANT_SEED picks other mutants and other random inputs;
// VSYNTH_MUTANT_DIR keeps the generated module there (emptied first).
func TestMutants(t *testing.T) {
	start := time.Now()
	seed := mutantSeed(t)
	subjects := provedSubjects(t, seed)
	if len(subjects) == 0 {
		t.Fatal("no proved function to mutate")
	}
	loaded := time.Since(start)

	mutants := generateMutants(t, subjects, seed)
	work := mutantModuleDir(t)
	pkgs := writeMutantModule(t, work, mutants)
	checked := time.Since(start)

	runMutantsInGo(t, work, pkgs, seed, mutants)
	ranGo := time.Since(start)

	prog := proveMutants(t, work, pkgs, mutants)
	proved := time.Since(start)

	var refuted []*ssa.FuncResult
	for _, m := range mutants {
		if m.result != nil && m.result.Verdict == ssa.Failed {
			refuted = append(refuted, m.result)
		}
	}
	// Confirmed on copies: the mutation score counts what the prover
	// refutes (loop states included), and every counterexample it gives
	// must be real.
	replayed, exempt := provetest.ConfirmReplays(t, prog, provetest.CloneResults(refuted))
	for _, e := range exempt {
		t.Logf("not replayed: %s", e)
	}
	problems, notes := mutantProblems(mutants)
	for _, p := range problems {
		t.Error(p)
	}
	for _, n := range notes {
		t.Log(n)
	}

	f := countMutants(subjects, mutants)
	f.log(t)
	t.Logf("seed %d; %d counterexamples of refuted mutants replayed in Go", seed, replayed)
	t.Logf("time: %.1fs (load and prove the originals %.1fs, generate and type-check %.1fs, Go %.1fs, vsynth %.1fs, replay %.1fs)",
		time.Since(start).Seconds(), loaded.Seconds(), (checked - loaded).Seconds(), (ranGo - checked).Seconds(),
		(proved - ranGo).Seconds(), (time.Since(start) - proved).Seconds())
	if f.killed == 0 || f.refuted == 0 {
		t.Errorf("Go killed %d and vsynth refuted %d of %d mutants: the harness tests nothing", f.killed, f.refuted, f.compiled)
	}
}

const (
	mutPerFunction = 12 // mutants of one function, at most
	mutPerDivision = 4  // mutants of a function that divides at 64 bits, at most
	// mutPerLoopFunction: mutants of a function with loops or memory, at
	// most (VSYNTH_LONG=1: a mutant for every site of every function).
	mutPerLoopFunction = 5
	// mutTotal: mutants in all, at most, of the default run's sample of
	// mutSampleFunctions functions (mutation_sample_test.go).
	mutTotal = 200
)

// mutantSeed is VSYNTH_MUTANT_SEED, or 1.
func mutantSeed(t *testing.T) uint64 {
	return testmod.EnvUint(t, "VSYNTH_MUTANT_SEED", 1)
}

// mutantModuleDir is VSYNTH_MUTANT_DIR, emptied, or a temporary directory.
func mutantModuleDir(t *testing.T) string {
	dir := os.Getenv("VSYNTH_MUTANT_DIR")
	if dir == "" {
		return t.TempDir()
	}
	dir, err := filepath.Abs(dir)
	if err == nil {
		err = os.RemoveAll(dir)
	}
	if err == nil {
		err = os.MkdirAll(dir, 0o755)
	}
	if err != nil {
		t.Fatalf("VSYNTH_MUTANT_DIR: %v", err)
	}
	t.Logf("generated module kept in %s", dir)
	return dir
}

// mutSource is a module whose proved functions are mutated, and where its
// packages go in the work module. testdata/prove is a module of its own;
// its packages import nothing from it, so they move into the work module
// (a copy of the main module) under prove/.
type mutSource struct {
	dir     string // the module's directory
	pattern string // the packages, below dir
	into    string // where they go in the work module
}

// mutSubject is a proved function that is mutated.
type mutSubject struct {
	tg         *ssa.Target
	src        string            // its declaration, without the doc comment
	file       string            // its file, relative to the repository root
	line       int               // the line of its declaration
	srcDir     string            // its package's directory
	relDir     string            // the package's directory in the work module
	contract   *mutContract      // how Go calls it and checks its contract
	directives []string          // its contract as //vsynth: directives
	imports    map[string]string // local name -> import spec, of its file
	divides    bool              // whether it divides at 64 bits: seconds per proof
	// loopsOrMemory: it has a loop, or a parameter or result that is not
	// an integer or boolean (a slice, array, struct or pointer).
	loopsOrMemory bool
}

// name is the function's (or method's) name.
func (s *mutSubject) name() string { return s.tg.Func.Name() }

// newSubject prepares a proved target for mutation, or says why it cannot
// be mutated.
func newSubject(t *testing.T, prog *ssa.Program, tg *ssa.Target, verdicts map[*gossa.Function]ssa.Verdict, root string, src mutSource) (*mutSubject, string) {
	decl, ok := tg.Func.Syntax().(*ast.FuncDecl)
	if !ok || decl.Body == nil || decl.Type.TypeParams != nil {
		return nil, "no plain Go declaration"
	}
	if why := reachProblem(tg.Func, verdicts, panicsContracts(prog)); why != "" {
		return nil, why
	}
	if !specNamesMatch(tg, decl) {
		return nil, "the spec names parameters or results differently from the declaration"
	}
	contract, why := contractOf(t, prog, tg)
	if why != "" {
		return nil, why
	}
	s := &mutSubject{tg: tg, contract: contract, srcDir: packageDirOf(tg.Package)}
	rel, err := filepath.Rel(src.dir, s.srcDir)
	if err != nil {
		t.Fatal(err)
	}
	s.relDir = filepath.Join(src.into, rel)
	pos := prog.Fset.Position(decl.Pos())
	s.file, _ = filepath.Rel(root, pos.Filename)
	s.line = pos.Line
	// The body's comments go with it: loop invariants are directives.
	bare := *decl
	bare.Doc = nil
	var b bytes.Buffer
	if err := printer.Fprint(&b, prog.Fset, &printer.CommentedNode{Node: &bare, Comments: bodyComments(tg, decl)}); err != nil {
		t.Fatal(err)
	}
	s.src = b.String()
	for _, c := range tg.Spec.Func.Clauses {
		text := oneLineExpr(t, prog, c.Expr)
		if provetest.HasQuantifier(c.Expr) && !strings.Contains(c.Text, "\n") {
			text = c.Text // the desugared quantifier is not spec syntax
		}
		s.directives = append(s.directives, fmt.Sprintf("//vsynth:%s %s", c.Kind, text))
	}
	s.imports = fileImports(tg, decl)
	s.divides = dividesAt64Bits(tg.Func)
	s.loopsOrMemory = hasLoop(tg.Func) || !contract.scalarOnly()
	return s, ""
}

// bodyComments lists the comment groups inside decl's body.
func bodyComments(tg *ssa.Target, decl *ast.FuncDecl) []*ast.CommentGroup {
	var cs []*ast.CommentGroup
	for _, f := range tg.Package.Syntax {
		for _, c := range f.Comments {
			if c.Pos() > decl.Body.Lbrace && c.End() < decl.Body.Rbrace {
				cs = append(cs, c)
			}
		}
	}
	return cs
}

// hasLoop reports whether fn has a loop (a block with an edge back to a
// block that dominates it).
func hasLoop(fn *gossa.Function) bool {
	for _, b := range fn.Blocks {
		for _, s := range b.Succs {
			if s.Dominates(b) {
				return true
			}
		}
	}
	return false
}

// oneLineExpr prints a clause expression as Go, on one line.
func oneLineExpr(t *testing.T, prog *ssa.Program, e ast.Expr) string {
	return strings.Join(strings.Fields(provetest.ExprString(t, prog, e)), " ")
}

// contractOf gives the parameters, results and clauses of tg as the
// driver uses them, or says why the driver cannot run tg.
func contractOf(t *testing.T, prog *ssa.Program, tg *ssa.Target) (*mutContract, string) {
	sig := tg.Func.Signature
	qual := types.RelativeTo(tg.Package.Types)
	c := &mutContract{method: sig.Recv() != nil, pkgs: clausePackages(tg)}
	if len(tg.Spec.Params) != len(tg.Func.Params) || len(tg.Spec.Results) != sig.Results().Len() {
		return nil, "the spec's parameters do not match the function's"
	}
	for k, v := range tg.Spec.Params {
		typ := tg.Func.Params[k].Type()
		mt, ok := mutTypeOf(typ, qual)
		if !ok {
			return nil, "parameter of type " + typ.String()
		}
		name := v.Name()
		if name == "" || name == "_" {
			name = fmt.Sprintf("zzvArg%d", k)
		}
		c.params = append(c.params, mutVar{name: name, typ: mt.spelled, scalar: mt.scalar, mt: mt})
	}
	for k, v := range tg.Spec.Results {
		typ := sig.Results().At(k).Type()
		mt, ok := mutTypeOf(typ, qual)
		if !ok {
			return nil, "result of type " + typ.String()
		}
		name := v.Name()
		if name == "" || name == "_" {
			name = fmt.Sprintf("zzvResult%d", k)
		}
		c.results = append(c.results, mutVar{name: name, typ: mt.spelled, mt: mt})
	}
	if len(tg.Spec.Func.Clauses) == 0 {
		// Only //vsynth:nooverflow: no contract for a mutant to break.
		return nil, "no requires or ensures clauses"
	}
	for _, cl := range tg.Spec.Func.Clauses {
		if cl.Kind == specs.Modifies {
			// A frame is not an expression the driver can check in Go.
			return nil, "a modifies clause"
		}
		if callsSpecBuiltin(cl.Expr, specs.MathIntName) {
			// The driver checks clauses in Go, which has no mathint.
			return nil, "a clause uses mathint"
		}
		if callsSpecBuiltin(cl.Expr, specs.MsetName, specs.HasName) {
			// Nor the spec language's mset and has, which only the
			// replay declares.
			return nil, "a clause uses a spec-only helper (mset, has)"
		}
		if readsGlobal(tg.Spec.Info, cl.Expr) {
			// The driver neither sets them nor saves them for old(...).
			return nil, "a clause reads a package-level variable"
		}
		switch cl.Kind {
		case specs.Panics:
			// The driver counts every panic as a violation.
			return nil, "a panics clause"
		case specs.Requires:
			c.requires = append(c.requires, oneLineExpr(t, prog, cl.Expr))
		case specs.Ensures:
			if !tg.Spec.HasOld() {
				return nil, "the package declares its own old"
			}
			e, olds, err := withoutOld(oneLineExpr(t, prog, cl.Expr), c.params)
			if err != nil {
				return nil, err.Error()
			}
			c.ensures = append(c.ensures, e)
			for name := range olds {
				if !slices.Contains(c.olds, name) {
					c.olds = append(c.olds, name)
				}
			}
		}
	}
	return c, ""
}

// specNamesMatch reports whether the spec names the receiver, parameters
// and results as the declaration does, so that the contract can be
// written as directives on a copy of the declaration.
func specNamesMatch(tg *ssa.Target, decl *ast.FuncDecl) bool {
	var params []string
	if decl.Recv != nil {
		params = fieldNames(decl.Recv)
	}
	params = append(params, fieldNames(decl.Type.Params)...)
	var spec []string
	for _, v := range tg.Spec.Params {
		spec = append(spec, v.Name())
	}
	if !slices.Equal(params, spec) {
		return false
	}
	results := fieldNames(decl.Type.Results)
	if len(results) > 0 && results[0] == "" {
		results = nil
		n := tg.Func.Signature.Results().Len()
		for i := range n {
			if n == 1 {
				results = append(results, "result")
			} else {
				results = append(results, fmt.Sprintf("result%d", i))
			}
		}
	}
	spec = nil
	for _, v := range tg.Spec.Results {
		spec = append(spec, v.Name())
	}
	return slices.Equal(results, spec)
}

// fieldNames lists the names of a field list, "" for an unnamed field.
func fieldNames(fl *ast.FieldList) []string {
	var names []string
	if fl == nil {
		return nil
	}
	for _, f := range fl.List {
		if len(f.Names) == 0 {
			names = append(names, "")
		}
		for _, n := range f.Names {
			names = append(names, n.Name)
		}
	}
	return names
}

// reachProblem says why the code fn reaches rules it out: a recursive
// call (a mutant could overflow the stack in Go; a mutant's loops run on
// fuel, see driverValueHelpers), or a call to a function whose contract is
// not proved (a proof of the caller could rest on it). It returns "" when
// there is none.
func reachProblem(fn *gossa.Function, verdicts map[*gossa.Function]ssa.Verdict, panicking map[*gossa.Function]bool) string {
	const onStack, done = 1, 2
	state := map[*gossa.Function]int{}
	var visit func(f *gossa.Function) string
	visit = func(f *gossa.Function) string {
		switch state[f] {
		case onStack:
			return "recursive call of " + f.Name()
		case done:
			return ""
		}
		state[f] = onStack
		if v, ok := verdicts[f]; ok && f != fn && v != ssa.Proved {
			return "calls " + f.Name() + ", whose contract is not proved"
		}
		if f != fn && panicking[f] {
			// Its panic is raised in the original package's file, not
			// the mutants', which the driver cannot tell from a panic
			// of the mutant's own.
			return "calls " + f.Name() + ", whose contract has a panics clause"
		}
		for _, b := range f.Blocks {
			for _, instr := range b.Instrs {
				if mk, ok := instr.(*gossa.MakeSlice); ok && (sizedByParam(mk.Len, 0) || sizedByParam(mk.Cap, 0)) {
					// The driver runs it on edge values up to 2^63:
					// one allocation of that many elements would take
					// the driver's memory (an OOM kill ends the whole
					// run, not one mutant).
					return "allocates a slice sized by an integer parameter (in " + f.Name() + ")"
				}
				call, ok := instr.(gossa.CallInstruction)
				if !ok {
					continue
				}
				if callee := call.Common().StaticCallee(); callee != nil && callee.Object() != nil && callee.Object().Pkg() != nil && callee.Object().Pkg().Path() == "slices" && callee.Object().Name() == "Grow" {
					// Grow allocates n more elements: the same.
					return "grows a slice by an integer parameter (in " + f.Name() + ")"
				}
				if callee := call.Common().StaticCallee(); callee != nil && len(callee.Blocks) > 0 {
					if why := visit(callee); why != "" {
						return why
					}
				}
			}
		}
		state[f] = done
		return ""
	}
	return visit(fn)
}

// panicsContracts are the functions of prog whose contract has a
// //vsynth:panics clause.
func panicsContracts(prog *ssa.Program) map[*gossa.Function]bool {
	m := map[*gossa.Function]bool{}
	for _, tg := range prog.Targets {
		if tg.Spec == nil || tg.Spec.Func == nil {
			continue
		}
		for _, cl := range tg.Spec.Func.Clauses {
			if cl.Kind == specs.Panics {
				m[tg.Func] = true
			}
		}
	}
	return m
}

// dividesAt64Bits reports whether fn, or a function it calls, divides
// (or takes a remainder) at 64 bits by a variable: the queries that take
// the solver seconds, not milliseconds.
func dividesAt64Bits(fn *gossa.Function) bool {
	seen := map[*gossa.Function]bool{}
	var visit func(f *gossa.Function) bool
	visit = func(f *gossa.Function) bool {
		if seen[f] {
			return false
		}
		seen[f] = true
		for _, b := range f.Blocks {
			for _, instr := range b.Instrs {
				switch instr := instr.(type) {
				case *gossa.BinOp:
					_, constant := instr.Y.(*gossa.Const)
					scalar, ok := scalarOf(instr.Type())
					if (instr.Op == token.QUO || instr.Op == token.REM) && !constant && ok && scalar.width == 64 {
						return true
					}
				case gossa.CallInstruction:
					if callee := instr.Common().StaticCallee(); callee != nil && visit(callee) {
						return true
					}
				}
			}
		}
		return false
	}
	return visit(fn)
}

// fileImports maps the local names of the imports of the file declaring
// decl to their import specs.
func fileImports(tg *ssa.Target, decl *ast.FuncDecl) map[string]string {
	imports := map[string]string{}
	for _, f := range tg.Package.Syntax {
		if decl.Pos() < f.FileStart || decl.Pos() > f.FileEnd {
			continue
		}
		for _, is := range f.Imports {
			pn := tg.Package.TypesInfo.PkgNameOf(is)
			if pn == nil || pn.Name() == "_" || pn.Name() == "." {
				continue
			}
			imports[pn.Name()] = pn.Name() + " " + is.Path.Value
		}
	}
	return imports
}

// mutantProblems lists what the harness must fail on: a proved mutant
// that Go kills (vsynth would be unsound), a control that does not
// compile, that Go kills or that vsynth refutes or does not support, and a
// mutant that no input of the driver met the requires clauses of. notes
// lists the controls vsynth gave up on (time limits under load).
func mutantProblems(mutants []*mutant) (problems, notes []string) {
	for _, m := range mutants {
		if !m.compiled() {
			if m.control() {
				problems = append(problems, fmt.Sprintf("the unmutated copy %s does not compile: %s", m, m.compileErr))
			}
			continue
		}
		v := m.result.Verdict
		switch {
		case v == ssa.Proved && m.goOut.killed:
			problems = append(problems, fmt.Sprintf("UNSOUND: vsynth proves %s, but Go violates its contract: %s\n%s\n%s",
				m, m.goOut.detail, strings.Join(m.subject.directives, "\n"), m.src))
		case m.control() && m.goOut.killed:
			problems = append(problems, fmt.Sprintf("Go violates the contract of the unmutated copy %s of a proved function: %s", m, m.goOut.detail))
		case m.control() && (v == ssa.Failed || v == ssa.Unsupported):
			problems = append(problems, fmt.Sprintf("vsynth proves %s, but not its unmutated copy %s: %s %s", m.subject.tg.Name, m, v, m.result.Reason))
		case m.control() && v == ssa.Unknown:
			notes = append(notes, fmt.Sprintf("vsynth proves %s, but its unmutated copy %s is unknown: %s", m.subject.tg.Name, m, m.result.Reason))
		}
		if !m.goOut.killed && m.goOut.inputs == 0 && m.goOut.diverged == 0 {
			problems = append(problems, fmt.Sprintf("%s: no input the driver tried meets the requires clauses", m))
		}
	}
	return problems, notes
}

// mutFigures counts the mutants by outcome.
type mutFigures struct {
	subjects, generated, compiled           int
	killed, refuted, proved, unknown, unsup int
	killedRefuted, refutedOnly, killedOnly  int // killed by Go and refuted; refuted but not killed; killed but not refuted
	equivalent                              int // proved, and Go found nothing
	diverged                                int // mutants that ran out of fuel on some input
	// loopsOrMemory counts the mutants of functions with loops or memory:
	// compiled, killed by Go, refuted, killed and not refuted (unknown),
	// proved and not killed.
	loopsOrMemory                            [5]int
	byKind                                   map[string]*[4]int
	equivalents, missed, undecided, illTyped []string
}

// countMutants tallies the mutants (not the controls).
func countMutants(subjects []*mutSubject, mutants []*mutant) *mutFigures {
	f := &mutFigures{subjects: len(subjects), byKind: map[string]*[4]int{}}
	for _, k := range mutKinds {
		f.byKind[k] = new([4]int)
	}
	for _, m := range mutants {
		if m.control() {
			continue
		}
		f.generated++
		kind := f.byKind[m.change.kind]
		kind[0]++
		if !m.compiled() {
			f.illTyped = append(f.illTyped, fmt.Sprintf("%s: %s", m, m.compileErr))
			continue
		}
		f.compiled++
		kind[1]++
		killed, v := m.goOut.killed, m.result.Verdict
		if m.goOut.diverged > 0 {
			f.diverged++
		}
		if m.subject.loopsOrMemory {
			lm := &f.loopsOrMemory
			lm[0]++
			if killed {
				lm[1]++
			}
			if v == ssa.Failed {
				lm[2]++
			}
			if killed && v != ssa.Failed {
				lm[3]++
			}
			if v == ssa.Proved && !killed {
				lm[4]++
			}
		}
		if killed {
			f.killed++
		}
		if killed || v == ssa.Failed {
			kind[2]++
		}
		switch v {
		case ssa.Failed:
			f.refuted++
			kind[3]++
			if killed {
				f.killedRefuted++
			} else {
				f.refutedOnly++
				f.missed = append(f.missed, m.String())
			}
		case ssa.Proved:
			f.proved++
			if !killed {
				f.equivalent++
				f.equivalents = append(f.equivalents, m.String())
			}
		case ssa.Unknown:
			f.unknown++
			f.undecided = append(f.undecided, fmt.Sprintf("%s: unknown: %s", m, m.result.Reason))
		case ssa.Unsupported:
			f.unsup++
			f.undecided = append(f.undecided, fmt.Sprintf("%s: unsupported: %s", m, m.result.Reason))
		}
		if killed && v != ssa.Failed {
			f.killedOnly++
		}
	}
	return f
}

// score is the mutation score: refuted / (killed by Go or refuted).
func (f *mutFigures) score() float64 {
	if n := f.killed + f.refutedOnly; n > 0 {
		return float64(f.refuted) / float64(n)
	}
	return 0
}

func (f *mutFigures) log(t *testing.T) {
	t.Helper()
	sort.Strings(f.equivalents)
	sort.Strings(f.missed)
	sort.Strings(f.undecided)
	sort.Strings(f.illTyped)
	for _, s := range f.illTyped {
		t.Logf("does not compile: %s", s)
	}
	for _, s := range f.equivalents {
		t.Logf("proved, Go finds no violation (equivalent?): %s", s)
	}
	for _, s := range f.missed {
		t.Logf("refuted by vsynth, missed by Go's inputs: %s", s)
	}
	for _, s := range f.undecided {
		t.Logf("not decided: %s", s)
	}
	t.Logf("%d functions mutated; %d mutants, %d compile", f.subjects, f.generated, f.compiled)
	t.Logf("Go kills %d; vsynth refutes %d, proves %d, unknown %d, unsupported %d", f.killed, f.refuted, f.proved, f.unknown, f.unsup)
	t.Logf("killed and refuted %d; refuted only (Go's inputs miss the bug) %d; killed but not refuted %d; proved and not killed (equivalent) %d",
		f.killedRefuted, f.refutedOnly, f.killedOnly, f.equivalent)
	t.Logf("mutation score: %d refuted / %d not equivalent (killed by Go or refuted) = %.1f%%", f.refuted, f.killed+f.refutedOnly, 100*f.score())
	lm := f.loopsOrMemory
	t.Logf("of them, in functions with loops or memory: %d compile, Go kills %d, vsynth refutes %d, killed but not refuted (unknown) %d, proved and not killed %d",
		lm[0], lm[1], lm[2], lm[3], lm[4])
	t.Logf("%d mutants ran out of fuel (a loop that may not end) on some input; Go does not count that as a violation", f.diverged)
	for _, k := range mutKinds {
		c := f.byKind[k]
		t.Logf("  %-10s %3d mutants, %3d compile, %3d not equivalent, %3d refuted", k, c[0], c[1], c[2], c[3])
	}
}

// TestMutantProblems checks that the harness fails on what it must — a
// proved mutant that Go kills, a control that Go kills or vsynth refutes,
// a mutant no input reached — and on nothing else.
func TestMutantProblems(t *testing.T) {
	s := &mutSubject{
		tg:         &ssa.Target{Name: "p.F", Package: &packages.Package{Name: "p"}},
		file:       "p.go",
		line:       3,
		directives: []string{"//vsynth:ensures result >= 0"},
	}
	newCase := func(name, kind string, killed bool, v ssa.Verdict) *mutant {
		m := &mutant{subject: s, name: name, change: mutationChange{kind: kind, line: 2, before: "x < 0", after: "x <= 0"}}
		m.goOut = goOutcome{killed: killed, inputs: 100}
		if killed {
			m.goOut = goOutcome{killed: true, detail: "x = -1 -> result = -1: ensures result >= 0 is false"}
		}
		m.result = &ssa.FuncResult{Verdict: v}
		return m
	}
	unreached := newCase("F_m6", mutComparison, false, ssa.Failed)
	unreached.goOut.inputs = 0
	diverging := newCase("F_m7", mutLoopBound, false, ssa.Unknown)
	diverging.goOut = goOutcome{diverged: 12}
	illTyped := newCase("F_m0", "", false, ssa.Proved)
	illTyped.compileErr = "undefined: y"
	cases := []struct {
		m    *mutant
		want string // a substring of the one problem, or "" for none
	}{
		{newCase("F_m1", mutComparison, true, ssa.Proved), "UNSOUND: vsynth proves p.F_m1 (p.go:4: x < 0 -> x <= 0), but Go violates its contract: x = -1"},
		{newCase("F_m2", mutComparison, true, ssa.Failed), ""},
		{newCase("F_m3", mutComparison, true, ssa.Unknown), ""},
		{newCase("F_m4", mutComparison, false, ssa.Proved), ""},
		{newCase("F_m5", mutComparison, false, ssa.Failed), ""},
		{unreached, "no input the driver tried"},
		{diverging, ""},
		{newCase("F_m0", "", false, ssa.Proved), ""},
		{newCase("F_m0", "", false, ssa.Unknown), ""},
		{newCase("F_m0", "", true, ssa.Proved), "UNSOUND"},
		{newCase("F_m0", "", true, ssa.Failed), "Go violates the contract of the unmutated copy"},
		{newCase("F_m0", "", false, ssa.Failed), "vsynth proves p.F, but not its unmutated copy"},
		{illTyped, "does not compile"},
	}
	for i, c := range cases {
		problems, _ := mutantProblems([]*mutant{c.m})
		switch {
		case c.want == "" && len(problems) > 0:
			t.Errorf("case %d (%s): unexpected problems %q", i, c.m, problems)
		case c.want != "" && (len(problems) != 1 || !strings.Contains(problems[0], c.want)):
			t.Errorf("case %d (%s): problems %q, want one containing %q", i, c.m, problems, c.want)
		}
	}
}

// readsGlobal reports whether e names a package-level variable.
func readsGlobal(info *types.Info, e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && info != nil {
			if v, ok := info.Uses[id].(*types.Var); ok && v.Pkg() != nil && v.Parent() == v.Pkg().Scope() {
				found = true
			}
		}
		return !found
	})
	return found
}

// callsSpecBuiltin reports whether e calls one of the spec builtins names
// (mathint, mset, has: the driver, in Go, has none of them).
func callsSpecBuiltin(e ast.Expr, names ...string) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			if id, ok := call.Fun.(*ast.Ident); ok && slices.Contains(names, id.Name) {
				found = true
			}
		}
		return !found
	})
	return found
}

// packageDirOf is the directory of pkg's Go files.
func packageDirOf(pkg *packages.Package) string {
	if len(pkg.GoFiles) > 0 {
		return filepath.Dir(pkg.GoFiles[0])
	}
	return pkg.Dir
}

// clausePackages maps the local names of the packages tg's clauses name
// to their paths.
func clausePackages(tg *ssa.Target) map[string]string {
	pkgs := map[string]string{}
	for _, c := range tg.Spec.Func.Clauses {
		ast.Inspect(c.Expr, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok {
				if pn, ok := tg.Spec.Info.Uses[id].(*types.PkgName); ok {
					pkgs[pn.Name()] = pn.Imported().Path()
				}
			}
			return true
		})
	}
	return pkgs
}

// sizedByParam reports whether v is computed from an integer parameter
// of its function other than through len or cap (which the driver's small
// inputs bound), looking depth levels of operands deep at most.
func sizedByParam(v gossa.Value, depth int) bool {
	if v == nil || depth > 8 {
		return false
	}
	switch v := v.(type) {
	case *gossa.Parameter:
		_, isInt := v.Type().Underlying().(*types.Basic)
		return isInt
	case *gossa.Const:
		return false
	case *gossa.Call:
		if b, ok := v.Call.Value.(*gossa.Builtin); ok && (b.Name() == "len" || b.Name() == "cap") {
			return false
		}
	}
	instr, ok := v.(gossa.Instruction)
	if !ok {
		return false
	}
	for _, op := range instr.Operands(nil) {
		if op != nil && sizedByParam(*op, depth+1) {
			return true
		}
	}
	return false
}
