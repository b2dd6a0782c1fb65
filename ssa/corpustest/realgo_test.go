package corpustest

import (
	"context"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"testing"

	gossa "golang.org/x/tools/go/ssa"

	"github.com/vsynth/vsynth/internal/provetest"
	"github.com/vsynth/vsynth/internal/testlimits"
	"github.com/vsynth/vsynth/internal/testsolver"
	"github.com/vsynth/vsynth/ssa"
)

// realgoSample is how many functions the default run proves.
const realgoSample = 6

// realgoSmall is the most SSA instructions a function of the default
// sample may have (a proxy for a quick proof).
const realgoSmall = 40

func TestRealGoSample(t *testing.T) {
	dir := realgoDir(t)
	prog, err := ssa.Load(ssa.LoadConfig{Dir: dir}, []string{"./..."})
	if err != nil {
		t.Fatal(err)
	}
	want := provetest.Wants(t, dir)
	wantOf := func(tg *ssa.Target) []*regexp.Regexp {
		p := prog.Fset.Position(tg.Pos)
		return want[provetest.LineKey{File: p.Filename, Line: p.Line}]
	}
	byFunc := map[*gossa.Function]*ssa.Target{}
	for _, tg := range prog.Targets {
		if tg.Func != nil {
			byFunc[tg.Func] = tg
		}
	}
	var pool []*ssa.Target
	for _, tg := range prog.Targets {
		w := wantOf(tg)
		if len(w) == 0 {
			t.Errorf("%s: no want comment on the function's line", tg.Name)
			continue
		}
		if testlimits.Long() {
			pool = append(pool, tg)
			continue
		}
		if tg.Func == nil || !w[0].MatchString("proved") && !w[0].MatchString("failed") {
			continue
		}
		if closure, ok := realgoCallees(tg, byFunc); ok && len(closure) <= 3 {
			pool = append(pool, tg)
		}
	}
	if len(prog.Targets) < 200 {
		t.Errorf("the corpus has %d functions with contracts, want at least 200", len(prog.Targets))
	}
	if !testlimits.Long() {
		seed := uint64(1)
		if s := os.Getenv("VSYNTH_SEED"); s != "" {
			seed, _ = strconv.ParseUint(s, 10, 64)
		}
		// realgoSample-1 proved functions and one failed one, whose
		// counterexample is replayed.
		r := rand.New(rand.NewPCG(seed, 17))
		r.Shuffle(len(pool), func(i, j int) { pool[i], pool[j] = pool[j], pool[i] })
		var proved, failed []*ssa.Target
		for _, tg := range pool {
			if wantOf(tg)[0].MatchString("failed") {
				failed = append(failed, tg)
			} else {
				proved = append(proved, tg)
			}
		}
		pool = append(proved[:min(realgoSample-1, len(proved))], failed[:min(1, len(failed))]...)
		// A function proved by its callees' contracts needs them proved
		// in the same run.
		seen := map[*ssa.Target]bool{}
		for _, tg := range pool {
			seen[tg] = true
		}
		for _, tg := range slices.Clone(pool) {
			closure, _ := realgoCallees(tg, byFunc)
			for _, c := range closure {
				if !seen[c] {
					seen[c] = true
					pool = append(pool, c)
				}
			}
		}
	}
	results, err := prog.Prove(context.Background(), pool, ssa.Options{Limits: testlimits.Limits, NewSolver: testsolver.New, Infer: true}) // as the CLI
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range results {
		got := string(r.Verdict)
		w := wantOf(r.Target)
		switch {
		case len(w) > 0 && w[0].MatchString(got):
			t.Logf("%s: %s", r.Target.Name, got)
		case testlimits.Long() && !contradicts(got, w[0].String()):
			// Under the test limits a function the CLI decided may be
			// unknown (or the other way round): only proved against
			// failed is a contradiction.
			t.Logf("%s: %s (%s), the CLI's run says %v", r.Target.Name, got, r.Reason, w)
		default:
			t.Errorf("%s: %s (%s), want %v", r.Target.Name, got, r.Reason, w)
		}
	}
	n, exempt := provetest.ConfirmReplays(t, prog, results)
	for _, e := range exempt {
		t.Logf("not replayed: %s", e)
	}
	t.Logf("%d functions of %d, %d counterexamples confirmed in Go", len(results), len(prog.Targets), n)
}

// realgoCallees lists tg and the functions with contracts it calls,
// transitively, when every one is small (at most realgoSmall SSA
// instructions) and makes no dynamic call (whose callees' contracts the
// run would need too).
func realgoCallees(tg *ssa.Target, byFunc map[*gossa.Function]*ssa.Target) ([]*ssa.Target, bool) {
	var out []*ssa.Target
	seen := map[*gossa.Function]bool{}
	var walk func(fn *gossa.Function) bool
	walk = func(fn *gossa.Function) bool {
		if seen[fn] {
			return true
		}
		seen[fn] = true
		if t := byFunc[fn]; t != nil {
			out = append(out, t)
		}
		n := 0
		for _, b := range fn.Blocks {
			n += len(b.Instrs)
			for _, in := range b.Instrs {
				if mc, ok := in.(*gossa.MakeClosure); ok && !walk(mc.Fn.(*gossa.Function)) {
					return false
				}
				call, ok := in.(gossa.CallInstruction)
				if !ok {
					continue
				}
				if call.Common().IsInvoke() {
					return false
				}
				if callee := call.Common().StaticCallee(); callee != nil && callee.Blocks != nil && !walk(callee) {
					return false
				}
			}
		}
		return n <= realgoSmall
	}
	return out, walk(tg.Func)
}

// contradicts reports whether verdict got and the want pattern w are
// proved and failed, in either order.
func contradicts(got, w string) bool {
	return got == string(ssa.Proved) && w == string(ssa.Failed) || got == string(ssa.Failed) && w == string(ssa.Proved)
}

// The real-Go corpus (testdata/realgo, docs/real-go.md "The real-Go
// corpus"); TestRealGoRandom (ssa) runs its proved functions on random
// inputs.
func realgoDir(t *testing.T) string {
	t.Helper()
	d, err := filepath.Abs(filepath.Join("..", "..", "testdata", "realgo"))
	if err != nil {
		t.Fatal(err)
	}
	return d
}
