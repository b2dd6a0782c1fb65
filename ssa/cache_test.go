package ssa

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/vsynth/vsynth/internal/testlimits"
	"github.com/vsynth/vsynth/internal/testmod"
	"github.com/vsynth/vsynth/internal/testsolver"
	"github.com/vsynth/vsynth/smt"
)

// cacheModule is a small module whose functions the cache tests prove:
// two proved, one refuted, one with a panic, one calling another
// function without a contract (inlined: its queries depend on the callee).
const cacheModule = `package c

//vsynth:ensures result >= x
func Inc(x int8) int8 { return x + 1 }

//vsynth:requires x < 100
//vsynth:ensures result > x
func IncSafe(x int8) int8 { return x + 1 }

//vsynth:ensures result == a / b
func Div(a, b uint16) uint16 { return a / b }

func helper(x int32) int32 { return x * 2 }

//vsynth:ensures result % 2 == 0
func Double(x int32) int32 { return helper(x) }

//vsynth:ensures result >= 0
func Clamp(x int64) int64 {
	if x < 0 {
		return 0
	}
	return x
}
`

// writeCacheModule writes the module into a fresh directory, with src as
// its only package file.
func writeCacheModule(t *testing.T, src string) string {
	t.Helper()
	return testmod.WriteModule(t, "example.com/c", "c.go", src)
}

// proveWithCache proves the module in dir with cache.
func proveWithCache(t *testing.T, dir string, cache Cache) []*FuncResult {
	t.Helper()
	prog, err := Load(LoadConfig{Dir: dir}, []string{"./..."})
	if err != nil {
		t.Fatal(err)
	}
	opts := Options{Limits: testlimits.Limits, NewSolver: testsolver.New, Cache: cache, CheckVacuity: true}
	results, err := prog.Prove(context.Background(), prog.Targets, opts)
	if err != nil {
		t.Fatal(err)
	}
	return results
}

// runOutcome is what a run reports about a function, without times and
// cache flags: a cached run must report exactly the same.
func runOutcome(results []*FuncResult) string {
	var b strings.Builder
	for _, r := range results {
		fmt.Fprintf(&b, "%s %s %q %q\n", r.Target.Name, r.Verdict, r.Reason, r.Vacuous)
		for _, o := range r.Obligations {
			fmt.Fprintf(&b, "  %s %q %s %q %+v\n", o.Kind, o.Clause, o.Verdict, o.Reason, o.Counterexample)
		}
	}
	return b.String()
}

// cachedCount counts the obligations answered from the cache, by function.
func cachedCount(results []*FuncResult) (cached, total int, fresh []string) {
	for _, r := range results {
		for _, o := range r.Obligations {
			total++
			if o.Cached {
				cached++
			} else {
				fresh = append(fresh, r.Target.Short)
			}
		}
	}
	return cached, total, fresh
}

func TestCacheWarmRunIsIdentical(t *testing.T) {
	dir := writeCacheModule(t, cacheModule)
	cache := &DirCache{Dir: t.TempDir(), Salt: "test"}
	cold := proveWithCache(t, dir, cache)
	if c, _, _ := cachedCount(cold); c != 0 {
		t.Fatalf("cold run: %d obligations from an empty cache", c)
	}
	warm := proveWithCache(t, dir, cache)
	if got, want := runOutcome(warm), runOutcome(cold); got != want {
		t.Fatalf("warm run differs from the cold run:\n%s\nwant:\n%s", got, want)
	}
	cached, total, fresh := cachedCount(warm)
	if cached != total {
		t.Fatalf("warm run: %d of %d obligations from the cache; solved again: %v", cached, total, fresh)
	}
	if !strings.Contains(runOutcome(warm), "failed") {
		t.Fatal("the module should have refuted functions: their counterexamples must come from the cache")
	}
	// Another salt (another vsynth build) shares nothing.
	other := proveWithCache(t, dir, &DirCache{Dir: cache.Dir, Salt: "other"})
	if c, _, _ := cachedCount(other); c != 0 {
		t.Fatalf("a different salt read %d entries", c)
	}
}

func TestCacheChangedFunctionReprovesOnlyItsDependents(t *testing.T) {
	cache := &DirCache{Dir: t.TempDir(), Salt: "test"}
	proveWithCache(t, writeCacheModule(t, cacheModule), cache)
	// Change helper: Double inlines it, so Double is re-proved; nothing
	// else depends on it.
	changed := strings.Replace(cacheModule, "return x * 2", "return x + x", 1)
	results := proveWithCache(t, writeCacheModule(t, changed), cache)
	_, _, fresh := cachedCount(results)
	if len(fresh) == 0 {
		t.Fatal("a changed function was not re-proved")
	}
	for _, f := range fresh {
		if f != "c.Double" {
			t.Errorf("%s was re-proved, but only c.Double depends on the change", f)
		}
	}
}

func TestCacheCorruptedEntryIsIgnoredAndRewritten(t *testing.T) {
	dir := writeCacheModule(t, cacheModule)
	cache := &DirCache{Dir: t.TempDir(), Salt: "test"}
	cold := proveWithCache(t, dir, cache)
	var entries []string
	filepath.WalkDir(cache.Dir, func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			entries = append(entries, path)
		}
		return nil
	})
	if len(entries) == 0 {
		t.Fatal("the cold run wrote no entries")
	}
	// Damage every entry in a different way: truncated, garbage, empty,
	// valid JSON for another key, and a refuted entry without its
	// counterexample.
	damage := []string{`{"key":"`, "\x00\xff garbage", "", `{"key":"0000","verdict":"proved"}`}
	for i, e := range entries {
		if err := os.WriteFile(e, []byte(damage[i%len(damage)]), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	again := proveWithCache(t, dir, cache)
	if got, want := runOutcome(again), runOutcome(cold); got != want {
		t.Fatalf("run over a corrupted cache differs:\n%s\nwant:\n%s", got, want)
	}
	if c, _, _ := cachedCount(again); c != 0 {
		t.Fatalf("%d obligations were answered from corrupted entries", c)
	}
	warm := proveWithCache(t, dir, cache)
	if cached, total, fresh := cachedCount(warm); cached != total {
		t.Fatalf("the corrupted entries were not rewritten: %d of %d cached, solved again: %v", cached, total, fresh)
	}
}

func TestCacheMissingVerdictFieldsAreNotTrusted(t *testing.T) {
	c := &DirCache{Dir: t.TempDir(), Salt: "s"}
	// A refuted entry without a counterexample cannot print like the run
	// that stored it: it is treated as missing.
	c.Put("k", []byte(`{"key":"k","verdict":"failed"}`))
	if e, ok := loadEntry(c, "k"); !ok || e.Counterexample != nil {
		t.Fatalf("loadEntry = %+v, %v", e, ok)
	}
	c.Put("u", []byte(`{"key":"u","verdict":"unknown"}`))
	dir := writeCacheModule(t, cacheModule)
	proveWithCache(t, dir, c) // must not trust either
}

func TestDirCacheConcurrentWriters(t *testing.T) {
	c := &DirCache{Dir: t.TempDir(), Salt: "s"}
	values := [][]byte{bytes.Repeat([]byte("a"), 1<<16), bytes.Repeat([]byte("b"), 1<<16), bytes.Repeat([]byte("c"), 1<<16)}
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	for w := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 50 {
				if err := c.Put("key", values[(w+i)%len(values)]); err != nil {
					errs <- err
					return
				}
				if got, ok := c.Get("key"); ok {
					whole := false
					for _, v := range values {
						whole = whole || bytes.Equal(got, v)
					}
					if !whole {
						errs <- fmt.Errorf("read a torn entry of %d bytes", len(got))
						return
					}
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	// No temporary files are left behind.
	filepath.WalkDir(c.Dir, func(path string, d os.DirEntry, err error) error {
		if err == nil && strings.HasPrefix(d.Name(), ".tmp-") {
			t.Errorf("temporary file left: %s", path)
		}
		return nil
	})
}

func TestCacheConcurrentRuns(t *testing.T) {
	dir := writeCacheModule(t, cacheModule)
	cache := &DirCache{Dir: t.TempDir(), Salt: "test"}
	want := runOutcome(proveWithCache(t, dir, &DirCache{Dir: t.TempDir(), Salt: "test"}))
	var wg sync.WaitGroup
	got := make([]string, 3)
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[i] = runOutcome(proveWithCache(t, dir, cache))
		}()
	}
	wg.Wait()
	for i, g := range got {
		if g != want {
			t.Errorf("concurrent run %d over one cache differs:\n%s\nwant:\n%s", i, g, want)
		}
	}
	warm := proveWithCache(t, dir, cache)
	if cached, total, _ := cachedCount(warm); cached != total || !reflect.DeepEqual(runOutcome(warm), want) {
		t.Errorf("after concurrent runs: %d of %d cached", cached, total)
	}
}

func TestVacuity(t *testing.T) {
	dir := writeCacheModule(t, `package c

//vsynth:requires x > 10 && x < 5
//vsynth:ensures result == 0
func Never(x int16) int16 { return x }

//vsynth:ensures result == 1
func AlwaysPanics(x int16) int16 {
	if x == x {
		panic("no")
	}
	return x
}

//vsynth:requires x > 0
//vsynth:ensures result > 0
func Fine(x int16) int16 { return x }

// Proved by partial correctness: it never returns.
//
//vsynth:ensures result == 1 && result == 2
func Forever(x int8) int8 { return Forever(x) }
`)
	results := proveWithCache(t, dir, nil)
	got := map[string]string{}
	for _, r := range results {
		got[r.Target.Short] = string(r.Verdict) + " " + r.Vacuous
	}
	if !strings.HasPrefix(got["c.Never"], "proved the requires clauses are unsatisfiable") {
		t.Errorf("Never: %q, want proved and vacuous (requires unsatisfiable)", got["c.Never"])
	}
	if !strings.HasPrefix(got["c.AlwaysPanics"], "failed ") || strings.TrimPrefix(got["c.AlwaysPanics"], "failed ") != "" {
		t.Errorf("AlwaysPanics: %q, want failed (the panic), and not flagged", got["c.AlwaysPanics"])
	}
	if got["c.Forever"] != "proved no input allowed by requires returns normally: the ensures clauses hold vacuously" {
		t.Errorf("Forever: %q, want proved and vacuous (no normal return)", got["c.Forever"])
	}
	if got["c.Fine"] != "proved " {
		t.Errorf("Fine: %q, want proved and not vacuous", got["c.Fine"])
	}
}

// renamedSolver is a solver under another name: another solver or
// version, as far as the cache can tell.
type renamedSolver struct {
	smt.Solver
	name string
}

func (r renamedSolver) Name() string { return r.name }

// TestCacheKeyCoversSolverAndLimits: an entry is reused only under the
// same solver (name and version), the same rlimit and timeout, and the
// same cross-check solver; a change to any of them re-proves every
// obligation.
func TestCacheKeyCoversSolverAndLimits(t *testing.T) {
	dir := writeCacheModule(t, cacheModule)
	prog, err := Load(LoadConfig{Dir: dir}, []string{"./..."})
	if err != nil {
		t.Fatal(err)
	}
	cache := &DirCache{Dir: t.TempDir()}
	base := Options{Limits: testlimits.Limits, NewSolver: testsolver.New, Cache: cache}
	run := func(opts Options) (cached, total int) {
		t.Helper()
		results, err := prog.Prove(context.Background(), prog.Targets, opts)
		if err != nil {
			t.Fatal(err)
		}
		cached, total, _ = cachedCount(results)
		return cached, total
	}
	if cached, total := run(base); cached != 0 || total == 0 {
		t.Fatalf("cold run: %d of %d cached", cached, total)
	}
	if cached, total := run(base); cached != total {
		t.Fatalf("warm run: %d of %d cached", cached, total)
	}
	otherVersion := base
	otherVersion.NewSolver = func() (smt.Solver, error) {
		s, err := testsolver.New()
		return renamedSolver{s, s.Name() + "-other"}, err
	}
	otherRLimit := base
	otherRLimit.Limits.RLimit++
	otherTimeout := base
	otherTimeout.Limits.Timeout += time.Second
	crossChecked := base
	crossChecked.CrossCheckName = "cvc5 0.0.0"
	crossChecked.CrossCheck = func(ctx context.Context, q *smt.Term, lim smt.Limits) (smt.Result, string, error) {
		return smt.Unsat, "", nil
	}
	for name, opts := range map[string]Options{"solver version": otherVersion, "rlimit": otherRLimit, "timeout": otherTimeout, "cross-check": crossChecked} {
		if cached, total := run(opts); cached != 0 {
			t.Errorf("another %s: %d of %d obligations answered from the cache", name, cached, total)
		}
	}
}
