package ssa

import (
	"context"
	"errors"
	"fmt"
	"go/ast"
	"go/token"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/vsynth/vsynth/smt"
	"github.com/vsynth/vsynth/specs"
)

// Invariant inference (Options.Infer). For the loops of a target that
// have no //vsynth:invariant, candidate invariants are proposed from the
// loop's syntax and the contract (infer_candidates.go) and filtered as
// in Houdini: the function is lowered with all of them as the loops'
// invariants, every candidate whose invariant-entry or
// invariant-preserved obligation is not proved is dropped, and this
// repeats until every remaining one is proved (the greatest inductive
// subset of the candidates). Then the function is proved with what
// remains, through the same lowering as written invariants. Only a
// proved verdict is kept; otherwise the function is proved as without
// inference (its loops unrolled), so inference never makes a verdict
// worse, and a failed verdict always comes from the unrolling.

// InferredLoop is what inference found for one loop.
type InferredLoop struct {
	Pos        token.Pos // the for statement
	Invariants []string  // the inferred clauses, in the order they are written above the loop
	Candidates int       // how many candidates were proposed
	Rounds     int       // rounds of the filter until a fixed point
}

// maxInferRounds bounds the filter's rounds; each drops at least one
// candidate, so it ends anyway.
const maxInferRounds = 12

// inferLimit bounds one obligation's check during the filter: a
// candidate that takes longer is dropped.
const inferLimit = 2 * time.Second

// inferMu serializes the type checking of candidates (the importer of
// clauses is shared by the program's workers).
var inferMu sync.Mutex

// inferTrace, when set (by tests), is told the candidates and what the
// filter drops.
var inferTrace func(format string, args ...any)

func trace(format string, args ...any) {
	if inferTrace != nil {
		inferTrace(format, args...)
	}
}

// candidate is one proposed invariant of one loop.
type candidate struct {
	site   *inferSite
	clause *specs.Clause
	file   *token.File // the candidate's own text, for positions inside it
}

// inferSite is one loop without written invariants.
type inferSite struct {
	stmt       ast.Stmt
	file       *ast.File
	proposed   int
	candidates []*candidate
}

// proveInferring proves t, with inferred invariants when opts.Infer and
// t has loops without any and the proof with them succeeds; otherwise as
// proveOne does.
func (p *Program) proveInferring(ctx context.Context, s smt.Solver, t *Target, opts Options) (*FuncResult, error) {
	if !opts.Infer || t.Unsupported != nil || t.Func == nil {
		return p.proveOne(ctx, s, t, opts)
	}
	start := time.Now()
	r, err := p.proveInferredSafely(ctx, s, t, opts)
	if err != nil || r != nil {
		if r != nil {
			r.Infer = time.Since(start)
			r.Time = r.Infer
		}
		return r, err
	}
	spent := time.Since(start)
	r, err = p.proveOne(ctx, s, t, opts)
	if r != nil {
		r.Infer = spent
		r.Time += spent
	}
	return r, err
}

// proveInferredSafely is proveInferred, with a panic in inference taken
// as "nothing inferred": inference only ever adds proofs, so the function
// is then proved as without it.
func (p *Program) proveInferredSafely(ctx context.Context, s smt.Solver, t *Target, opts Options) (r *FuncResult, err error) {
	defer func() {
		if e := recover(); e != nil {
			trace("%s: inference panicked: %v", t.Short, e)
			r, err = nil, nil
		}
	}()
	return p.proveInferred(ctx, s, t, opts)
}

// proveInferred returns t's result proved with inferred invariants, or
// nil when t has no loop to infer for or the proof with the inferred
// invariants does not succeed.
func (p *Program) proveInferred(ctx context.Context, s smt.Solver, t *Target, opts Options) (*FuncResult, error) {
	sites := p.inferSites(t)
	if len(sites) == 0 {
		return nil, nil
	}
	for _, site := range sites {
		texts := p.loopCandidates(t, site.stmt)
		site.proposed = len(texts)
		for i, text := range texts {
			if c := p.checkCandidate(t, site, i, text); c != nil {
				site.candidates = append(site.candidates, c)
				trace("%s: candidate %s", t.Short, text)
			} else {
				trace("%s: ill-typed %s", t.Short, text)
			}
		}
	}
	// First the candidates without quantifiers, whose checks are cheap
	// and which the quantified ones usually need; then the quantified
	// ones on top of what survived. What the first phase kept is
	// inductive on its own, and more hypotheses cannot break that, so
	// the second phase checks only the quantified candidates.
	quantified := map[*candidate]bool{}
	var later []*candidate
	for _, site := range sites {
		var now []*candidate
		for _, c := range site.candidates {
			if textHasQuantifier(c.clause.Text) {
				quantified[c] = true
				later = append(later, c)
			} else {
				now = append(now, c)
			}
		}
		site.candidates = now
	}
	rounds, err := p.houdini(ctx, s, t, sites, opts, nil)
	if err != nil || rounds < 0 {
		return nil, err
	}
	if len(later) > 0 {
		for _, c := range later {
			c.site.candidates = append(c.site.candidates, c)
		}
		more, err := p.houdini(ctx, s, t, sites, opts, quantified)
		if err != nil || more < 0 {
			return nil, err
		}
		rounds += more
	}
	kept := 0
	for _, site := range sites {
		site.candidates = withoutConjunctions(site.candidates)
		kept += len(site.candidates)
	}
	if kept == 0 {
		return nil, nil
	}
	final, err := p.siteSpecs(t, sites, true)
	if err != nil {
		return nil, nil // a set of candidates that checked one by one should check together; if not, no inference
	}
	o := opts
	o.loopSpec = overlay(p, final)
	r, err := p.proveOne(ctx, s, t, o)
	if err != nil || r.Verdict != Proved {
		return nil, err
	}
	for _, site := range sites {
		if len(site.candidates) == 0 {
			continue
		}
		il := InferredLoop{Pos: site.stmt.Pos(), Candidates: site.proposed, Rounds: rounds}
		for _, c := range site.candidates {
			il.Invariants = append(il.Invariants, c.clause.Text)
		}
		r.Inferred = append(r.Inferred, il)
	}
	return r, nil
}

// inferSites lists the loops of t's function that have no invariants
// and whose invariants could be lowered.
func (p *Program) inferSites(t *Target) []*inferSite {
	lf, err := findLoops(t.Func)
	if err != nil {
		return nil
	}
	var sites []*inferSite
	for _, lp := range lf.loops {
		if lp.stmt == nil || p.loopSpec(lp) != nil {
			continue
		}
		if _, isRange := lp.stmt.(*ast.RangeStmt); isRange {
			if phi, _ := rangeCounter(lp); phi == nil {
				continue
			}
		}
		stmt, ok := lp.stmt.(ast.Stmt)
		if !ok {
			continue
		}
		file := p.fileOf(t, stmt.Pos())
		if file == nil {
			continue
		}
		sites = append(sites, &inferSite{stmt: stmt, file: file})
	}
	sort.Slice(sites, func(i, j int) bool { return sites[i].stmt.Pos() < sites[j].stmt.Pos() })
	return sites
}

// fileOf is the syntax of t's package's file containing pos.
func (p *Program) fileOf(t *Target, pos token.Pos) *ast.File {
	for _, f := range t.Package.Syntax {
		if f.FileStart <= pos && pos < f.FileEnd {
			return f
		}
	}
	return nil
}

// checkCandidate parses and type-checks one candidate as the only
// invariant of its loop; nil when it does not check.
func (p *Program) checkCandidate(t *Target, site *inferSite, i int, text string) *candidate {
	name := fmt.Sprintf("%s (inferred invariant %d)", p.Fset.Position(site.stmt.Pos()), i+1)
	file := p.Fset.AddFile(name, -1, len(text))
	file.SetLinesForContent([]byte(text))
	expr, err := specs.ParseExpr(p.Fset, token.Pos(file.Base()), text)
	if err != nil {
		return nil
	}
	c := &candidate{site: site, file: file, clause: &specs.Clause{Kind: specs.Invariant, Text: text, Pos: token.Pos(file.Base()), Expr: expr}}
	if _, err := p.checkLoopSpec(t, site, []*specs.Clause{c.clause}); err != nil {
		return nil
	}
	return c
}

// checkLoopSpec type-checks clauses as the invariants of site's loop.
func (p *Program) checkLoopSpec(t *Target, site *inferSite, clauses []*specs.Clause) (*specs.Loop, error) {
	lp := &specs.Loop{Stmt: site.stmt, Clauses: clauses, Imports: site.file.Imports, File: p.Fset.Position(site.stmt.Pos()).Filename}
	inferMu.Lock()
	defer inferMu.Unlock()
	if err := specs.CheckLoop(p.Fset, t.Package.Types, t.Package.TypesInfo, lp, p.imp); err != nil {
		return nil, err
	}
	return lp, nil
}

// siteSpecs type-checks the remaining candidates of every site as its
// loop's invariants. With atLoop, each clause is reported at the loop's
// for statement (the candidates' own positions name no source line).
func (p *Program) siteSpecs(t *Target, sites []*inferSite, atLoop bool) (map[ast.Node]*specs.Loop, error) {
	out := map[ast.Node]*specs.Loop{}
	for _, site := range sites {
		if len(site.candidates) == 0 {
			continue
		}
		var clauses []*specs.Clause
		for _, c := range site.candidates {
			cl := *c.clause
			if atLoop {
				cl.Pos = site.stmt.Pos()
			}
			clauses = append(clauses, &cl)
		}
		lp, err := p.checkLoopSpec(t, site, clauses)
		if err != nil {
			return nil, err
		}
		out[site.stmt] = lp
	}
	return out, nil
}

// overlay gives the loops of inferred their invariants, and the others
// their written ones.
func overlay(p *Program, inferred map[ast.Node]*specs.Loop) func(*loop) *specs.Loop {
	return func(lp *loop) *specs.Loop {
		if lp.stmt != nil {
			if s, ok := inferred[lp.stmt]; ok {
				return s
			}
		}
		return p.loopSpec(lp)
	}
}

// houdini drops candidates until the rest are inductive together: it
// returns the number of rounds, or -1 when the function cannot be lowered
// with invariants at all (inference is then given up).
func (p *Program) houdini(ctx context.Context, s smt.Solver, t *Target, sites []*inferSite, opts Options, only map[*candidate]bool) (int, error) {
	short := opts.Limits
	if short.Timeout <= 0 || short.Timeout > inferLimit {
		short.Timeout = inferLimit
	}
	lim, escalated := short, false
	for round := 1; round <= maxInferRounds; round++ {
		byPos := map[token.Pos]*candidate{}
		total := 0
		for _, site := range sites {
			for _, c := range site.candidates {
				byPos[c.clause.Pos] = c
			}
			total += len(site.candidates)
		}
		if total == 0 {
			return round, nil
		}
		specsNow, err := p.siteSpecs(t, sites, false)
		if err != nil {
			return -1, nil
		}
		vc, err := p.lowerWith(ctx, t, opts.Unroll, opts.maxTerms(), overlay(p, specsNow), false)
		var u *UnsupportedError
		switch {
		case errors.As(err, &u):
			// A candidate the lowering does not model: drop it and lower
			// again. Anything else is not the candidates' doing.
			c := candidateAt(sites, p.Fset, u.Pos)
			trace("%s: unsupported %s", t.Short, u.What)
			if c == nil {
				return -1, nil
			}
			drop(c)
			continue
		case err != nil:
			return -1, nil
		}
		// A candidate refuted (a model) is not preserved by any subset of
		// the others either: dropping it loses nothing. One the solver
		// could not decide may be provable once the refuted ones are
		// gone (they make the queries harder): it is dropped only in a
		// round that refutes nothing.
		refuted, undecided := map[*candidate]bool{}, map[*candidate]bool{}
		// Entry checks first: they are cheap, and a candidate false on
		// entry need not be checked for preservation.
		for _, kind := range []ObligationKind{InvariantEntry, InvariantPreserved} {
			for _, o := range vc.Obligations {
				c := byPos[o.Pos]
				if o.Kind != kind || c == nil || refuted[c] || undecided[c] || only != nil && !only[c] {
					continue
				}
				st := time.Now()
				res, err := p.holds(ctx, s, o, opts, lim)
				o.release()
				trace("%s: round %d %s %s: %v (%s)", t.Short, round, kind, c.clause.Text, res, time.Since(st).Round(time.Millisecond))
				if err != nil {
					return -1, err
				}
				switch res {
				case smt.Sat:
					refuted[c] = true
				case smt.Unknown:
					undecided[c] = true
				}
			}
		}
		if len(refuted) == 0 && len(undecided) == 0 {
			return round, nil
		}
		if len(refuted) == 0 {
			if !escalated && lim != opts.Limits {
				// Only undecided ones: give them the full time once
				// before dropping them.
				lim, escalated = opts.Limits, true
				continue
			}
			refuted = undecided
		}
		lim, escalated = short, false
		for c := range refuted {
			drop(c)
		}
	}
	return -1, nil
}

// withoutConjunctions drops a candidate "a && b" when a and b are
// candidates too: it says nothing more, and the written invariants read
// better without it.
func withoutConjunctions(cs []*candidate) []*candidate {
	have := map[string]bool{}
	for _, c := range cs {
		have[normalClause(c.clause.Text)] = true
	}
	var out []*candidate
	for _, c := range cs {
		parts := strings.Split(c.clause.Text, " && ")
		redundant := len(parts) > 1 && !textHasQuantifier(c.clause.Text) && !strings.ContainsAny(c.clause.Text, "()|")
		for _, part := range parts {
			redundant = redundant && have[normalClause(strings.TrimSpace(part))]
		}
		if !redundant {
			out = append(out, c)
		}
	}
	return out
}

// textHasQuantifier reports whether a clause's text has a quantifier.
func textHasQuantifier(text string) bool {
	return strings.Contains(text, "forall ") || strings.Contains(text, "exists ")
}

// candidateAt finds the candidate whose text pos lies in.
func candidateAt(sites []*inferSite, fset *token.FileSet, pos token.Pos) *candidate {
	f := fset.File(pos)
	for _, site := range sites {
		for _, c := range site.candidates {
			if c.file == f {
				return c
			}
		}
	}
	return nil
}

// drop removes c from its site.
func drop(c *candidate) {
	site := c.site
	for i, d := range site.candidates {
		if d == c {
			site.candidates = append(site.candidates[:i:i], site.candidates[i+1:]...)
			return
		}
	}
}

// holds decides o within lim: Unsat when it is proved, Sat when it is
// refuted, Unknown when the solver (or the budget of terms) gave up.
// Whatever is not Unsat makes the candidate dropped sooner or later,
// which can only make the proof weaker, never unsound.
func (p *Program) holds(ctx context.Context, s smt.Solver, o *Obligation, opts Options, lim smt.Limits) (smt.Result, error) {
	b, cancel := reduceBudget(ctx, opts)
	err := o.reduce(b)
	cancel()
	if err != nil {
		if p.budgetReason(ctx, err) != "" {
			return smt.Unknown, nil
		}
		return smt.Unknown, err
	}
	lo := opts
	lo.Limits = lim
	if o.weak != nil {
		proved, err := p.weakProof(ctx, s, o.weak, lo)
		if err != nil || proved {
			return smt.Unsat, err
		}
	}
	q := o.Query()
	if o.reduced != nil {
		q = o.reduced
	}
	if err := s.Push(); err != nil {
		return smt.Unknown, err
	}
	defer s.Pop()
	if err := s.Assert(q); err != nil {
		return smt.Unknown, err
	}
	return s.Check(ctx, lim)
}
