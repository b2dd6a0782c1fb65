package ssa

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"hash"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"time"

	"github.com/vsynth/vsynth/smt"
)

// The proof cache: definite obligation results (proved, refuted with the
// counterexample) stored under a key that covers everything that decides
// them, so a re-run of unchanged code skips the solver, and a change to one
// function re-proves exactly the obligations whose queries changed.
//
// The key of an obligation is a SHA-256 over
//   - the query as an SMT-LIB2 script (assumptions, path condition and
//     negated goal, with the lemmas and callee contracts it uses);
//   - the terms the counterexample is read from (parameters, results,
//     final memory), the preferences that choose its model (VC.small), and
//     everything its rendering depends on: parameter labels, result names,
//     the package it is written in, the full structure of every written
//     type (cachetype.go: field names and order, blank and unexported
//     fields, widths and signedness), the obligation kind, and the version
//     of the renderer (renderFormat);
//   - the variables that stand for calls abstracted by contracts;
//   - the conditions under which loops of functions called from clauses
//     run past their bound (beyond.go);
//   - the solver's name and version, the limits, the cross-check solver,
//     and the Go runtime (whose growth policy settles append capacities).
//
// The entry stores the rendered counterexample, not the model: re-rendering
// would need every array of the model stored and read back, while the key
// can name everything the rendering reads. The clause and its position are
// not part of a counterexample; they come from the obligation of the run
// that reads the entry.
//
// The Cache implementation adds the version of vsynth itself (see
// DirCache.Salt). Unknown answers are never cached.

// Cache stores cache entries by key. Implementations must be safe for
// concurrent use; Get must treat a damaged entry as missing.
type Cache interface {
	Get(key string) ([]byte, bool)
	Put(key string, data []byte) error
}

// cacheEntry is what the cache holds for one obligation.
type cacheEntry struct {
	Key            string          `json:"key"`
	Verdict        Verdict         `json:"verdict,omitempty"`
	Result         string          `json:"result,omitempty"` // for a satisfiability check: "sat" or "unsat"
	Counterexample *Counterexample `json:"counterexample,omitempty"`
	CrossCheck     string          `json:"cross_check,omitempty"`
	DecidedBy      string          `json:"decided_by,omitempty"`
}

// decideCached decides o, answering from opts.Cache when it holds the
// result and storing definite results in it.
func (p *Program) decideCached(ctx context.Context, s smt.Solver, vc *VC, o *Obligation, opts Options) (*ObligationResult, error) {
	if opts.Cache == nil {
		return p.decide(ctx, s, vc, o, opts)
	}
	start := time.Now()
	key, err := obligationKey(s.Name(), opts, vc, o)
	if err != nil {
		// A query the printer cannot write is decided, just not cached.
		return p.decide(ctx, s, vc, o, opts)
	}
	if e, ok := loadEntry(opts.Cache, key); ok && (e.Verdict == Proved || e.Verdict == Failed && e.Counterexample != nil) {
		return &ObligationResult{
			Kind: o.Kind, Clause: o.Clause, Of: o.Of, Pos: o.Pos, Via: o.Via,
			Verdict: e.Verdict, Counterexample: e.Counterexample, CrossCheck: e.CrossCheck, DecidedBy: e.DecidedBy,
			Cached: true, Time: time.Since(start),
		}, nil
	}
	or, err := p.decide(ctx, s, vc, o, opts)
	if err != nil {
		return nil, err
	}
	if or.Verdict == Proved || or.Verdict == Failed {
		storeEntry(opts.Cache, &cacheEntry{Key: key, Verdict: or.Verdict, Counterexample: or.Counterexample, CrossCheck: or.CrossCheck, DecidedBy: or.DecidedBy})
	}
	return or, nil
}

// loadEntry reads the entry for key; a damaged one, or one for another
// key, is missing.
func loadEntry(c Cache, key string) (*cacheEntry, bool) {
	data, ok := c.Get(key)
	if !ok {
		return nil, false
	}
	var e cacheEntry
	if err := json.Unmarshal(data, &e); err != nil || e.Key != key {
		return nil, false
	}
	return &e, true
}

// storeEntry writes an entry. A cache that cannot be written only costs
// time on the next run, so the error is dropped.
func storeEntry(c Cache, e *cacheEntry) {
	data, err := json.Marshal(e)
	if err != nil {
		return
	}
	_ = c.Put(e.Key, data)
}

// obligationKey is the cache key of o as decided by solver under opts.
func obligationKey(solver string, opts Options, vc *VC, o *Obligation) (string, error) {
	h := sha256.New()
	fmt.Fprintf(h, "vsynth obligation v3\nrender %d\ngo %q\nsolver %q\ntimeout %d\nrlimit %d\ncross-check %q\nkind %s\nof %q\npanic %q\nunroll %d\n",
		renderFormat, runtime.Version(), solver, opts.Limits.Timeout, opts.Limits.RLimit, opts.CrossCheckName, o.Kind, o.Of, o.Panic, opts.Unroll)
	writeShape(h, vc)
	assertions := []*smt.Term{o.Query()}
	if len(o.beyond) > 0 {
		// Whether a counterexample stands depends on the loops it may run
		// past their bound (beyond.go).
		assertions = append(assertions, smt.Eq(smt.Var("%beyond", smt.BoolSort()), o.reached()))
	}
	// The model a counterexample is read from is the first one found
	// under the preferences for small values (VC.small).
	for i, c := range vc.small() {
		assertions = append(assertions, smt.Eq(smt.Var(fmt.Sprintf("%%small%d", i), smt.BoolSort()), c))
	}
	// The counterexample evaluates the parameters and results under the
	// model: they are part of what decides it.
	for i, v := range vc.Params {
		assertions = append(assertions, smt.Eq(smt.Var(fmt.Sprintf("%%param%d", i), v.Sort()), v))
	}
	for i, r := range vc.Results {
		assertions = append(assertions, smt.Eq(smt.Var(fmt.Sprintf("%%result%d", i), r.Sort()), r))
	}
	// Results that are slices or pointers are printed from the final
	// memory; a preferred small counterexample depends on the parameters'
	// shapes (above).
	regions := make([]string, 0, len(vc.Final))
	for r := range vc.Final {
		regions = append(regions, r)
	}
	sort.Strings(regions)
	for _, r := range regions {
		st := vc.Final[r]
		assertions = append(assertions,
			smt.Eq(smt.Var("%final.old."+r, st.old.Sort()), st.old),
			smt.Eq(smt.Var("%final.fresh."+r, st.fresh.Sort()), st.fresh))
	}
	if err := smt.WriteScript(h, smt.Logic(assertions), assertions); err != nil {
		return "", fmt.Errorf("cache key of %s: %w", vc.Target.Name, err)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// writeShape writes how a counterexample of vc is labelled and typed, and
// which variables stand for abstracted calls.
func writeShape(h hash.Hash, vc *VC) {
	fn := vc.Target.Func
	// Values are written relative to the function's package.
	fmt.Fprintf(h, "package %q\n", vc.Target.Package.Types.Path())
	for i, v := range vc.Params {
		fmt.Fprintf(h, "param %q ", paramLabel(vc.Target, i, v))
		writeTypeStructure(h, fn.Params[i].Type())
		fmt.Fprintln(h)
	}
	res := fn.Signature.Results()
	for i := range vc.Results {
		fmt.Fprintf(h, "result %q ", resultName(vc.Target, i))
		writeTypeStructure(h, res.At(i).Type())
		fmt.Fprintln(h)
	}
	names := make([]string, 0, len(vc.Abstract))
	for n := range vc.Abstract {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(h, "abstract %q %q\n", n, vc.Abstract[n])
	}
	names = names[:0]
	for n := range vc.Havoc {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(h, "loop state %q %q ", n, vc.Havoc[n].Loop)
		if st := vc.Havoc[n]; st.Type != nil {
			writeTypeStructure(h, st.Type)
		}
		fmt.Fprintln(h)
	}
}

// DirCache is a Cache in a directory: one file per entry, written to a
// temporary file and renamed into place, so that concurrent runs (even on
// a shared directory) only ever see whole entries.
type DirCache struct {
	Dir string
	// Salt is mixed into every key: the version of the tool, so that a
	// different vsynth never reads another's entries.
	Salt string
}

// path is the file of key's entry.
func (c *DirCache) path(key string) string {
	sum := sha256.Sum256([]byte(c.Salt + "\x00" + key))
	name := hex.EncodeToString(sum[:])
	return filepath.Join(c.Dir, name[:2], name[2:]+".json")
}

// Get reads key's entry and marks it used (its modification time, which
// Trim keeps the recently used entries by).
func (c *DirCache) Get(key string) ([]byte, bool) {
	name := c.path(key)
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, false
	}
	now := time.Now()
	_ = os.Chtimes(name, now, now) // a read-only cache is still read
	return data, true
}

// Put writes key's entry atomically.
func (c *DirCache) Put(key string, data []byte) error {
	name := c.path(key)
	dir := filepath.Dir(name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("proof cache: %w", err)
	}
	f, err := os.CreateTemp(dir, ".tmp-*")
	if err != nil {
		return fmt.Errorf("proof cache: %w", err)
	}
	_, werr := f.Write(data)
	cerr := f.Close()
	if werr == nil {
		werr = cerr
	}
	if werr == nil {
		werr = os.Rename(f.Name(), name)
	}
	if werr != nil {
		os.Remove(f.Name())
		return fmt.Errorf("proof cache: %w", werr)
	}
	return nil
}
