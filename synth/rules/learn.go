package rules

import (
	"context"
	"fmt"
	"hash/fnv"
	"math/rand"
	"sort"
	"strings"
	"time"

	"github.com/vsynth/vsynth/smt"
)

// LearnOptions control Learn.
type LearnOptions struct {
	Ops     []string // operators: + - * / % & | ^ &^ << >> neg com
	Vars    int      // holes: x, y, z, ...
	Consts  []int64  // literal leaves; nil means 0, 1 and -1
	MaxSize int      // largest term enumerated, in nodes
	Budget  time.Duration
	// Existing rules: proposals derivable from them are dropped.
	Existing []*Rule
	// MaxRejects stops learning after this many refuted or unknown
	// proposals in a row; MaxRules stops it when the set (existing and
	// learned) would pass this size. Zero values mean 200 and 5000.
	MaxRejects int
	MaxRules   int
	Limits     smt.Limits // per proof query; zero means 2 s
	Jobs       int
	// Progress, if set, is told about each proposal as it is decided.
	Progress func(p *Proposal)
}

// DefaultOps are the operators of the learning benchmark.
var DefaultOps = []string{"+", "-", "*", "&", "|", "^", "<<", ">>", "neg", "com"}

// Proposal is a candidate rule and its proof.
type Proposal struct {
	Rule    *Rule
	Verdict Verdict
	Result  *Result
}

// LearnStats summarize a run.
type LearnStats struct {
	Terms      int           // terms enumerated
	Classes    int           // distinct fingerprints
	Proposals  int           // candidate rules sent to the gate
	Proved     int           // proved and not derivable: the learned rules
	Rejected   int           // refuted or unknown
	Derivable  int           // proved, but derivable from rules learned in the same batch or later
	Stopped    string        // why learning stopped
	Time       time.Duration // whole run
	ProofTime  time.Duration // summed over proofs
	SolverName string
	// Results holds the gate's result for each learned rule.
	Results map[*Rule]*Result
}

// term is an enumerated term and its fingerprint.
type term struct {
	e  *Expr
	fp uint64
}

// Learn infers rules in the manner of Ruler and Enumo: it enumerates
// terms by size over the operators, holes and constants, building each
// from representatives of the classes found so far; groups terms by
// fingerprint (their values, or panics, on edge and random inputs at
// several widths); proposes term => representative when a term falls
// into a class whose smallest member is smaller; drops proposals that the
// rules known so far already derive (normalizing both sides gives the
// same term at every type); and sends the rest through the proof gate at
// every type. Only proved rules are returned.
func Learn(ctx context.Context, opts LearnOptions) ([]*Rule, *LearnStats, error) {
	start := time.Now()
	if opts.Consts == nil {
		opts.Consts = []int64{0, 1, -1}
	}
	if opts.MaxRejects == 0 {
		opts.MaxRejects = 200
	}
	if opts.MaxRules == 0 {
		opts.MaxRules = 5000
	}
	if opts.Limits == (smt.Limits{}) {
		opts.Limits = smt.Limits{Timeout: 2 * time.Second}
	}
	stats := &LearnStats{SolverName: SolverVersion(), Results: map[*Rule]*Result{}}
	l := &learner{opts: opts, stats: stats, classes: map[uint64]*Expr{}, known: append([]*Rule(nil), opts.Existing...)}
	l.rebuild()
	l.inputs()
	var learned []*Rule
	bySize := map[int][]*Expr{}
	deadline := start.Add(opts.Budget)
	stop := func(why string) {
		if stats.Stopped == "" {
			stats.Stopped = why
		}
	}
	for size := 1; size <= opts.MaxSize && stats.Stopped == ""; size++ {
		cands := l.enumerate(size, bySize)
		sort.Slice(cands, func(i, j int) bool { return Less(cands[i], cands[j]) })
		var batch []*Rule
		flush := func() error {
			if len(batch) == 0 {
				return nil
			}
			res, err := Check(ctx, batch, CheckOptions{Limits: opts.Limits, Jobs: opts.Jobs})
			if err != nil {
				return err
			}
			for _, r := range res {
				if stats.Stopped != "" {
					break
				}
				stats.Proposals++
				stats.ProofTime += r.Time
				p := &Proposal{Rule: r.Rule, Verdict: r.Verdict, Result: r}
				if r.Verdict != Proved {
					stats.Rejected++
					l.rejects++
				} else if l.derivable(r.Rule.LHS, r.Rule.RHS) {
					stats.Derivable++
					continue
				} else if len(l.known)+1 > opts.MaxRules {
					stop(fmt.Sprintf("circuit breaker: the set would pass %d rules", opts.MaxRules))
					break
				} else {
					l.rejects = 0
					stats.Proved++
					learned = append(learned, r.Rule)
					stats.Results[r.Rule] = r
					l.known = append(l.known, r.Rule)
					l.rebuild()
				}
				if opts.Progress != nil {
					opts.Progress(p)
				}
				if l.rejects >= opts.MaxRejects {
					stop(fmt.Sprintf("circuit breaker: %d proposals in a row rejected", l.rejects))
				}
			}
			batch = batch[:0]
			return nil
		}
		for _, e := range cands {
			if stats.Stopped != "" {
				break
			}
			if opts.Budget > 0 && time.Now().After(deadline) {
				stop("budget exhausted")
				break
			}
			if ctx.Err() != nil {
				stop("canceled")
				break
			}
			stats.Terms++
			if l.universal.Reducible(e) != nil {
				continue // equivalent to a smaller term by a known rule
			}
			fp := l.fingerprint(e)
			rep, ok := l.classes[fp]
			if !ok {
				l.classes[fp] = e
				bySize[size] = append(bySize[size], e)
				continue
			}
			if !hasVars(e) || !subsetVars(rep, e) {
				continue
			}
			lhs, rhs := e, rep
			if !canonicalVars(e) {
				// y & x => x & y is proposed as x & y => y & x: rules
				// are the same up to renaming their holes.
				lhs, rhs = canonicalize(e, rep)
			}
			if l.derivable(lhs, rhs) {
				continue
			}
			l.proposed++
			r := &Rule{Name: fmt.Sprintf("proposal-%d", l.proposed), LHS: lhs, RHS: rhs, Types: AllTypes, boolHoles: map[string]bool{}}
			batch = append(batch, r)
			if len(batch) >= 16 {
				if err := flush(); err != nil {
					return nil, nil, err
				}
			}
		}
		if err := flush(); err != nil {
			return nil, nil, err
		}
	}
	if stats.Stopped == "" {
		stats.Stopped = fmt.Sprintf("enumerated every term up to size %d", opts.MaxSize)
	}
	learned = l.minimize(learned)
	stats.Proved = len(learned)
	stats.Classes = len(l.classes)
	stats.Time = time.Since(start)
	return learned, stats, nil
}

type learner struct {
	opts      LearnOptions
	stats     *LearnStats
	classes   map[uint64]*Expr
	known     []*Rule
	universal *Engine   // rules that hold at every type, for skipping terms
	engines   []*Engine // per type, for derivability
	envs      [][]Env   // per fingerprint type: the inputs
	rejects   int
	proposed  int
}

// fpTypes are the types terms are fingerprinted at.
var fpTypes = []Type{AllTypes[0], AllTypes[4], AllTypes[1], AllTypes[6], AllTypes[3], AllTypes[7]}

func (l *learner) rebuild() {
	var univ []*Rule
	for _, r := range l.known {
		if len(r.Types) == len(AllTypes) {
			univ = append(univ, r)
		}
	}
	l.universal = NewEngine(univ, AllTypes[3])
	l.engines = l.engines[:0]
	for _, t := range AllTypes {
		l.engines = append(l.engines, NewEngine(l.known, t))
	}
}

// derivable reports whether the known rules join a and b (Joinable) at
// every type.
func (l *learner) derivable(a, b *Expr) bool {
	for _, e := range l.engines {
		if !e.Joinable(a, b) {
			return false
		}
	}
	return true
}

// varNames are the holes of learned rules.
func varNames(n int) []string {
	names := []string{"x", "y", "z", "w", "v", "u"}
	return names[:min(n, len(names))]
}

// inputs makes the fingerprinting inputs: every pair of edge values and
// some random values, at each fingerprint type.
func (l *learner) inputs() {
	rng := rand.New(rand.NewSource(1))
	vars := varNames(l.opts.Vars)
	for _, t := range fpTypes {
		edges := []int64{0, 1, 2, 3, -1, -2, t.minInt(), t.maxInt(), t.minInt() + 1, int64(t.Width), int64(t.Width - 1)}
		var envs []Env
		// Edge values for every variable, cycling so that all pairs of
		// the first two variables appear.
		for i := range edges {
			for j := range edges {
				env := Env{}
				for k, v := range vars {
					switch k {
					case 0:
						env[v] = t.norm(edges[i])
					case 1:
						env[v] = t.norm(edges[j])
					default:
						env[v] = t.norm(edges[(i+j*k)%len(edges)])
					}
				}
				envs = append(envs, env)
			}
		}
		for range 64 {
			env := Env{}
			for _, v := range vars {
				env[v] = t.norm(int64(rng.Uint64()))
			}
			envs = append(envs, env)
		}
		l.envs = append(l.envs, envs)
	}
}

// fingerprint hashes e's values (or panics) on every input.
func (l *learner) fingerprint(e *Expr) uint64 {
	h := fnv.New64a()
	var buf [9]byte
	for i, t := range fpTypes {
		for _, env := range l.envs[i] {
			v, err := Eval(e, t, env)
			if err != nil {
				buf[8] = 1
				v = 0
			} else {
				buf[8] = 0
			}
			for k := range 8 {
				buf[k] = byte(uint64(v) >> (8 * k))
			}
			h.Write(buf[:])
		}
	}
	return h.Sum64()
}

// enumerate builds the terms of the given size from class
// representatives of smaller sizes.
func (l *learner) enumerate(size int, bySize map[int][]*Expr) []*Expr {
	var out []*Expr
	if size == 1 {
		for _, v := range varNames(l.opts.Vars) {
			out = append(out, NewVar(v))
		}
		for _, c := range l.opts.Consts {
			out = append(out, NewLit(c))
		}
		return out
	}
	for _, op := range l.opts.Ops {
		switch op {
		case "neg", "com":
			u := map[string]string{"neg": "-", "com": "^"}[op]
			for _, a := range bySize[size-1] {
				out = append(out, NewUnary(u, a))
			}
		default:
			for ls := 1; ls < size-1; ls++ {
				for _, a := range bySize[ls] {
					for _, b := range bySize[size-1-ls] {
						out = append(out, NewBinary(op, a, b))
					}
				}
			}
		}
	}
	return out
}

// canonicalVars reports whether e's holes appear in the order of
// varNames (x before y before z): a rule and its renaming are the same
// rule, and only the canonical one is proposed.
func canonicalVars(e *Expr) bool {
	names := varNames(6)
	for i, v := range e.names(Var, nil) {
		if i >= len(names) || v != names[i] {
			return false
		}
	}
	return true
}

// canonicalize renames the holes of a and b in the order they appear in
// a.
func canonicalize(a, b *Expr) (*Expr, *Expr) {
	names := varNames(6)
	m := map[string]string{}
	for i, v := range a.names(Var, nil) {
		m[v] = names[i]
	}
	return rename(a, m), rename(b, m)
}

func rename(e *Expr, m map[string]string) *Expr {
	c := *e
	if e.Kind == Var {
		c.Name = m[e.Name]
		return &c
	}
	c.Args = nil
	for _, a := range e.Args {
		c.Args = append(c.Args, rename(a, m))
	}
	return &c
}

func hasVars(e *Expr) bool { return len(e.names(Var, nil)) > 0 }

// subsetVars reports whether every hole of a appears in b.
func subsetVars(a, b *Expr) bool {
	in := setOf(b.names(Var, nil))
	for _, v := range a.names(Var, nil) {
		if !in[v] {
			return false
		}
	}
	return true
}

// FormatLearned writes learned rules as rule-file lines, each after a
// provenance comment, with names that do not clash with taken.
func FormatLearned(learned []*Rule, taken map[string]bool, provenance func(r *Rule) string) string {
	var b strings.Builder
	n := 0
	for _, r := range learned {
		for {
			n++
			name := fmt.Sprintf("learned-%d", n)
			if !taken[name] {
				r.Name = name
				taken[name] = true
				break
			}
		}
		fmt.Fprintf(&b, "// %s\n%s\n", provenance(r), r)
	}
	return b.String()
}

// minimize drops learned rules that the others (and the existing rules)
// derive, largest left side first: a rule learned early may be implied
// by rules learned after it.
func (l *learner) minimize(learned []*Rule) []*Rule {
	order := append([]*Rule(nil), learned...)
	sort.SliceStable(order, func(i, j int) bool { return Less(order[j].LHS, order[i].LHS) })
	drop := map[*Rule]bool{}
	for _, r := range order {
		var others []*Rule
		others = append(others, l.opts.Existing...)
		for _, o := range learned {
			if o != r && !drop[o] {
				others = append(others, o)
			}
		}
		m := &learner{known: others}
		m.rebuild()
		if m.derivable(r.LHS, r.RHS) {
			drop[r] = true
			l.stats.Derivable++
		}
	}
	var out []*Rule
	for _, r := range learned {
		if !drop[r] {
			out = append(out, r)
		}
	}
	return out
}
