package mutationtest

import (
	"math/rand/v2"
	"path/filepath"
	"slices"
	"testing"

	gossa "golang.org/x/tools/go/ssa"

	"github.com/vsynth/vsynth/internal/provetest"
	"github.com/vsynth/vsynth/internal/testlimits"
	"github.com/vsynth/vsynth/internal/testsolver"
	"github.com/vsynth/vsynth/ssa"
)

// mutSampleFunctions is how many of the proved functions the default run
// of TestMutants mutates: a sample, so that the default run stays far
// from go test's 10-minute limit on a loaded machine. Mutating all 95
// functions took 990 s at load 16 on 2 cores (docs/soundness.md, "The
// suite under load"). VSYNTH_MUTANT_SEED=N picks another sample;
// VSYNTH_LONG=1 mutates every function at every site.
const mutSampleFunctions = 10

// provedSubjects returns the functions to mutate, from the examples and
// testdata/prove: with VSYNTH_LONG=1 every proved function that can be
// mutated; by default mutSampleFunctions of them, drawn by the seed. The
// default run does not prove both corpora: it draws functions with
// contracts in the seed's order and proves each as it is drawn, with the
// functions with contracts it calls (whose verdicts decide whether it
// can be mutated), until it has its sample: a few dozen proofs.
func provedSubjects(t *testing.T, seed uint64) []*mutSubject {
	t.Helper()
	root, _ := filepath.Abs(filepath.Join("..", ".."))
	sources := []mutSource{
		{dir: root, pattern: "./examples/...", into: ""},
		{dir: filepath.Join(root, "testdata", "prove"), pattern: "./...", into: "prove"},
	}
	type candidate struct {
		src  mutSource
		prog *ssa.Program
		tg   *ssa.Target
	}
	var cands []candidate
	progs := map[*ssa.Program]mutSource{}
	for _, src := range sources {
		prog, err := ssa.Load(ssa.LoadConfig{Dir: src.dir}, []string{src.pattern})
		if err != nil {
			t.Fatalf("load %s: %v", src.dir, err)
		}
		if !testlimits.Long() {
			prog.Targets, _ = provetest.WithoutLongTests(prog)
		}
		progs[prog] = src
		for _, tg := range prog.Targets {
			if tg.Func != nil {
				cands = append(cands, candidate{src, prog, tg})
			}
		}
	}
	opts := ssa.Options{Limits: testlimits.Limits, NewSolver: testsolver.New}
	results := map[*gossa.Function]*ssa.FuncResult{}
	prove := func(prog *ssa.Program, targets []*ssa.Target) {
		var need []*ssa.Target
		for _, tg := range targets {
			if _, done := results[tg.Func]; !done && tg.Func != nil {
				need = append(need, tg)
			}
		}
		if len(need) == 0 {
			return
		}
		rs, err := provetest.ProveInferPackages(prog, need, opts)
		if err != nil {
			t.Fatalf("prove: %v", err)
		}
		for _, r := range rs {
			results[r.Target.Func] = r
		}
	}
	order := make([]int, len(cands))
	for i := range order {
		order[i] = i
	}
	if testlimits.Long() {
		for prog := range progs {
			prove(prog, prog.Targets)
		}
	} else {
		order = rand.New(rand.NewPCG(seed, 0x73616d706c65)).Perm(len(cands))
	}
	var subjects []*mutSubject
	skipped := map[string]int{}
	drawn := 0
	for _, k := range order {
		if !testlimits.Long() && len(subjects) == mutSampleFunctions {
			break
		}
		c := cands[k]
		drawn++
		byFunc := map[*gossa.Function]*ssa.Target{}
		for _, tg := range c.prog.Targets {
			byFunc[tg.Func] = tg
		}
		prove(c.prog, append([]*ssa.Target{c.tg}, calleeTargets(c.tg.Func, byFunc)...))
		r := results[c.tg.Func]
		if r == nil || r.Verdict != ssa.Proved {
			skipped["not proved"]++
			continue
		}
		// A proof that rests on an assume line holds only where the
		// assumption does, and one with inferred invariants needs the
		// inference the mutants are not proved with: Go may break the
		// unmutated copy's contract, or vsynth leave it unknown.
		if len(r.Assumptions) > 0 || len(r.Inferred) > 0 {
			skipped["proved resting on assumptions or inferred invariants"]++
			continue
		}
		verdicts := map[*gossa.Function]ssa.Verdict{}
		for f, r := range results {
			verdicts[f] = r.Verdict
		}
		s, why := newSubject(t, c.prog, c.tg, verdicts, root, c.src)
		if why != "" {
			skipped[why]++
			t.Logf("not mutated: %s: %s", c.tg.Name, why)
			continue
		}
		subjects = append(subjects, s)
	}
	// The sample keeps the corpora's order.
	index := map[*ssa.Target]int{}
	for i, c := range cands {
		index[c.tg] = i
	}
	slices.SortFunc(subjects, func(a, b *mutSubject) int { return index[a.tg] - index[b.tg] })
	t.Logf("%d proved functions to mutate, of %d drawn from %d with contracts (%d proved: VSYNTH_LONG=1 mutates every one); left out: %v", len(subjects), drawn, len(cands), len(results), skipped)
	return subjects
}

// calleeTargets lists the targets fn reaches through static calls, each
// once.
func calleeTargets(fn *gossa.Function, byFunc map[*gossa.Function]*ssa.Target) []*ssa.Target {
	seen := map[*gossa.Function]bool{fn: true}
	var out []*ssa.Target
	var visit func(f *gossa.Function)
	visit = func(f *gossa.Function) {
		for _, b := range f.Blocks {
			for _, instr := range b.Instrs {
				call, ok := instr.(gossa.CallInstruction)
				if !ok {
					continue
				}
				callee := call.Common().StaticCallee()
				if callee == nil || seen[callee] {
					continue
				}
				seen[callee] = true
				if tg, ok := byFunc[callee]; ok {
					out = append(out, tg)
				}
				visit(callee)
			}
		}
	}
	visit(fn)
	return out
}
