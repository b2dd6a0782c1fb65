package synth

import (
	"context"
	"fmt"
	"math/rand"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/vsynth/vsynth/smt"
	"github.com/vsynth/vsynth/ssa"
)

// MaxExpansion is the largest expansion (in operators) a component is
// given in a grammar.
const MaxExpansion = 12

// expansionTerms bounds the terms kept while an expansion is searched: a
// bool component over two holes has 16 behaviours per nonterminal and
// never reaches it; over integers a component with no small expansion
// in the grammar is given up after a few milliseconds, not seconds.
const expansionTerms = 20_000

// Admission is a component that entered a grammar: its production in the
// start symbol and the expansion that production builds.
type Admission struct {
	Name      string
	Kind      string
	Pattern   string // the component's key, holes _N
	Expansion string // the expansion's key, holes _N
	Prod      *Prod  // searched as one production: Size 1
	Time      time.Duration
}

// ComponentProofs decides whether a component's pattern and expansion are
// equal; ProveComponent is the one used unless a test says otherwise.
type ComponentProofs func(ctx context.Context, pattern, expansion *Term) (Verdict, string, error)

// AdmitComponents gives the components of lib, and when the library says
// so the operators p's spec uses that its grammar lacks, their expansions
// in p's grammar: for each, the smallest term of the start symbol over
// the component's holes whose values equal the pattern's on a set of
// points, kept only when prove says the two are equal, or when the
// library records a proof of the same pattern and expansion (written by
// vsynth learn library after Z3 proved it, and proved again by
// TestShippedLibraryProved for the shipped libraries). The result is a
// copy of the grammar with one production per admitted component at the
// start symbol (Size 1, so that the enumerator counts it one); p's
// grammar is not changed. A component whose expansion is a single
// production already in the grammar is left out.
func AdmitComponents(ctx context.Context, lib *Library, p *Problem, prove ComponentProofs) (*Grammar, []Admission, error) {
	if lib == nil {
		return p.Grammar, nil, nil
	}
	type cand struct {
		name, kind, key string
		recorded        map[string]bool // expansions proved when the library was written
	}
	var cands []cand
	seen := map[string]bool{}
	add := func(name, kind, key string, recorded map[string]bool) {
		if !seen[key] {
			seen[key] = true
			cands = append(cands, cand{name, kind, key, recorded})
		}
	}
	for i := range lib.Components {
		c := &lib.Components[i]
		rec := map[string]bool{}
		for _, pf := range c.Proofs {
			rec[pf.Expansion] = true
		}
		add(c.Name, c.Kind, c.Pattern, rec)
	}
	if lib.DeriveSpecOperators {
		for _, key := range specOperators(p) {
			add("spec "+key, ComponentDerived, key, nil)
		}
	}
	g := p.Grammar
	var out []Admission
	expansions := map[string]bool{}
	for _, c := range cands {
		if ctx.Err() != nil {
			break
		}
		start := time.Now()
		pat, err := ParseKey(c.key)
		if err == nil {
			err = checkPattern(pat)
		}
		if err != nil {
			return nil, nil, fmt.Errorf("component %s: %w", c.name, err)
		}
		exp, prod := expansionIn(ctx, p.Grammar, pat)
		if prod == nil || prod.Tmpl.size() <= 1 {
			continue
		}
		ek := patternKey(exp)
		if expansions[ek] {
			continue
		}
		if !c.recorded[ek] {
			v, _, err := prove(ctx, pat, exp)
			if err != nil {
				return nil, nil, fmt.Errorf("component %s: %w", c.name, err)
			}
			if v != Solved {
				continue // fail closed: only proved components enter
			}
		}
		expansions[ek] = true
		if g == p.Grammar {
			g = copyGrammar(p.Grammar)
		}
		g.NTs[0].Prods = append(g.NTs[0].Prods, prod)
		out = append(out, Admission{Name: c.name, Kind: c.kind, Pattern: c.key, Expansion: ek, Prod: prod, Time: time.Since(start)})
	}
	return g, out, nil
}

// copyGrammar copies the nonterminals and their production lists (the
// productions themselves are shared).
func copyGrammar(g *Grammar) *Grammar {
	out := &Grammar{}
	for _, nt := range g.NTs {
		c := *nt
		c.Prods = append([]*Prod(nil), nt.Prods...)
		out.NTs = append(out.NTs, &c)
	}
	return out
}

// specOperators are the patterns op(_0, ...) of the operators p's spec
// uses (SpecTerms) that no production of p's grammar applies to holes.
func specOperators(p *Problem) []string {
	have := map[string]bool{}
	for _, nt := range p.Grammar.NTs {
		for _, pr := range nt.Prods {
			have[ProdKey(p.Grammar, pr)] = true
		}
	}
	var out []string
	seen := map[string]bool{}
	var walk func(t *Term)
	walk = func(t *Term) {
		for _, a := range t.Args {
			walk(a)
		}
		if t.Op == OpParam || t.Op == OpConst || t.Op.Width() || len(t.Args) == 0 {
			return
		}
		pat := &Term{Op: t.Op, Type: t.Type}
		for i, a := range t.Args {
			pat.Args = append(pat.Args, &Term{Op: OpParam, Param: i, Type: a.Type})
		}
		k := patternKey(pat)
		if !have[k] && !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	for _, t := range p.SpecTerms {
		walk(t)
	}
	return out
}

// holeSym marks, in the grammar expansions are searched in, a hole's
// leaf by the nonterminal it was built at.
const holeSym = "\x00hole@"

// expansionIn finds the smallest term of g's start symbol over pat's
// holes whose values equal pat's on a set of points, with every hole
// used at one nonterminal: the term and the production that builds it
// (its holes at those nonterminals, Size 1). Parameters of g are left
// out; its constants stay. Nil when there is none up to MaxExpansion.
func expansionIn(ctx context.Context, g *Grammar, pat *Term) (*Term, *Prod) {
	if typeKey(g.NTs[0].Type) != typeKey(pat.Type) {
		return nil, nil
	}
	holes := patternHoles(pat)
	points := componentPoints(holes)
	want := make([]uint64, len(points))
	for i, pt := range points {
		v, ok := EvalTerm(pat, pt)
		if !ok {
			return nil, nil // a pattern that panics is not a component
		}
		want[i] = v
	}
	// Holes at the start symbol first (an expansion whose holes take
	// any program composes with itself), then at every nonterminal of
	// their type.
	for _, everywhere := range []bool{false, true} {
		aux := auxGrammar(g, holes, everywhere)
		var found *Term
		var foundNTs []int
		e := &Enumerator{Grammar: aux, ConstExprs: true, MaxSize: MaxExpansion, MaxTerms: expansionTerms, Workers: 1}
		ectx, cancel := context.WithTimeout(ctx, 500*time.Millisecond)
		e.Run(ectx, points, func(s *Search, idx int32, vals []uint64) bool {
			if !equalVals(vals, want) {
				return false
			}
			t := s.Term(idx)
			nts, ok := holeNTs(aux, t, holes)
			if !ok {
				return false
			}
			found, foundNTs = t, nts
			return true
		})
		cancel()
		if found != nil {
			prod := NewProd(tmplOf(found), func(h int) int { return foundNTs[h] })
			prod.Size = 1
			return stripHoleSyms(found), prod
		}
	}
	return nil, nil
}

// auxGrammar is g without its parameters, with a leaf for each hole at
// the start symbol (everywhere false) or at every nonterminal of its
// type, marked by the nonterminal (holeSym).
func auxGrammar(g *Grammar, holes []Type, everywhere bool) *Grammar {
	aux := &Grammar{}
	for nt, sym := range g.NTs {
		c := &Nonterminal{Name: sym.Name, Type: sym.Type}
		for j, ht := range holes {
			if (everywhere || nt == 0) && typeKey(ht) == typeKey(sym.Type) {
				c.Prods = append(c.Prods, LeafProd(&Term{Op: OpParam, Type: sym.Type, Param: j, Sym: holeSym + strconv.Itoa(nt)}))
			}
		}
		for _, pr := range sym.Prods {
			if pr.Tmpl.Op == OpParam && pr.Tmpl.Hole < 0 {
				continue
			}
			c.Prods = append(c.Prods, pr)
		}
		aux.NTs = append(aux.NTs, c)
	}
	return aux
}

// patternHoles are the types of a pattern's holes, by number.
func patternHoles(t *Term) []Type {
	var out []Type
	var walk func(t *Term)
	walk = func(t *Term) {
		if t.Op == OpParam {
			for len(out) <= t.Param {
				out = append(out, Type{})
			}
			out[t.Param] = t.Type
		}
		for _, a := range t.Args {
			walk(a)
		}
	}
	walk(t)
	return out
}

// componentPoints are the hole values a component's expansion is
// screened on: every combination for bools, and edge and fixed
// pseudo-random values for integers.
func componentPoints(holes []Type) [][]uint64 {
	rng := rand.New(rand.NewSource(7))
	per := make([][]uint64, len(holes))
	for j, t := range holes {
		if t.Bool {
			per[j] = []uint64{0, 1}
			continue
		}
		per[j] = []uint64{0, 1, 2, t.mask(), t.minSigned(), t.minSigned() - 1}
		for range 3 {
			per[j] = append(per[j], rng.Uint64()&t.mask())
		}
	}
	out := [][]uint64{nil}
	for _, vs := range per {
		var next [][]uint64
		for _, pre := range out {
			for _, v := range vs {
				next = append(next, append(append([]uint64(nil), pre...), v))
			}
		}
		out = next
	}
	for range 16 {
		pt := make([]uint64, len(holes))
		for j, t := range holes {
			pt[j] = rng.Uint64() & t.mask()
		}
		out = append(out, pt)
	}
	return out
}

// holeNTs reads the nonterminal each hole of t was built at; ok is false
// when a hole was built at two, or t is a bare hole.
func holeNTs(g *Grammar, t *Term, holes []Type) ([]int, bool) {
	if t.Op == OpParam {
		return nil, false
	}
	nts := make([]int, len(holes))
	for i := range nts {
		nts[i] = -1
	}
	ok := true
	var walk func(t *Term)
	walk = func(t *Term) {
		if t.Op == OpParam {
			nt, _ := strconv.Atoi(strings.TrimPrefix(t.Sym, holeSym))
			if nts[t.Param] >= 0 && nts[t.Param] != nt {
				ok = false
			}
			nts[t.Param] = nt
			return
		}
		for _, a := range t.Args {
			walk(a)
		}
		for _, a := range t.MacroArgs {
			walk(a)
		}
	}
	walk(t)
	for i := range nts {
		for nt := 0; nts[i] < 0 && nt < len(g.NTs); nt++ {
			if typeKey(g.NTs[nt].Type) == typeKey(holes[i]) {
				nts[i] = nt // an unused hole: any nonterminal of its type
			}
		}
		if nts[i] < 0 {
			return nil, false
		}
	}
	return nts, ok
}

// tmplOf is the template of an expansion: its hole leaves become holes.
func tmplOf(t *Term) *Tmpl {
	if t.Op == OpParam && strings.HasPrefix(t.Sym, holeSym) {
		return &Tmpl{Hole: t.Param}
	}
	out := &Tmpl{Op: t.Op, Type: t.Type, Param: t.Param, Value: t.Value, Hole: -1, Sym: t.Sym, Macro: t.Macro}
	for _, a := range t.Args {
		out.Args = append(out.Args, tmplOf(a))
	}
	for _, a := range t.MacroArgs {
		out.MacroArgs = append(out.MacroArgs, tmplOf(a))
	}
	return out
}

// stripHoleSyms copies t without the hole marks.
func stripHoleSyms(t *Term) *Term {
	c := *t
	if c.Op == OpParam {
		c.Sym = ""
	}
	c.Args, c.MacroArgs = nil, nil
	for _, a := range t.Args {
		c.Args = append(c.Args, stripHoleSyms(a))
	}
	for _, a := range t.MacroArgs {
		c.MacroArgs = append(c.MacroArgs, stripHoleSyms(a))
	}
	return &c
}

// ProveComponent proves a component's pattern equal to its expansion
// through the lowering prove uses, as the rule gate proves a rule
// (ssa.SourceProgram.Equivalent): both are rendered as Go functions of
// the holes (GoFunc, the rendering every candidate is proved through)
// and Z3 is asked whether they ever differ or one panics where the other
// does not. Solved means proved; Unknown a solver timeout or an
// unsupported construct, with the reason; Unsolved a refutation.
func ProveComponent(ctx context.Context, pattern, expansion *Term) (Verdict, string, error) {
	key := patternKey(pattern) + "\x00" + patternKey(expansion)
	componentProofsMu.Lock()
	if r, ok := componentProofsDone[key]; ok {
		componentProofsMu.Unlock()
		return r.v, r.reason, nil
	}
	componentProofsMu.Unlock()
	holes := patternHoles(pattern)
	params := make([]Param, len(holes))
	for j, t := range holes {
		params[j] = Param{Name: "h" + strconv.Itoa(j), Type: t}
	}
	src := "package components\n\n" + GoFunc("vsynth_pattern", params, pattern.Type, pattern) + "\n" +
		GoFunc("vsynth_expansion", params, pattern.Type, expansion) + "\n" + GoHelpers(pattern, expansion)
	prog, err := ssa.LoadFile("components.go", []byte(src))
	if err != nil {
		return "", "", fmt.Errorf("proving a component: %w", err)
	}
	s, err := NewZ3Solver()
	if err != nil {
		return "", "", fmt.Errorf("proving a component: %w", err)
	}
	defer s.Close()
	er, err := prog.Equivalent(ctx, s, "vsynth_pattern", "vsynth_expansion", "", smt.Limits{Timeout: 10 * time.Second})
	if err != nil {
		return "", "", fmt.Errorf("proving a component: %w", err)
	}
	var v Verdict
	switch er.Verdict {
	case ssa.Proved:
		v = Solved
	case ssa.Failed:
		v = Unsolved
	default:
		v = Unknown
	}
	if v != Unknown {
		componentProofsMu.Lock()
		componentProofsDone[key] = componentProof{v, er.Reason}
		componentProofsMu.Unlock()
	}
	return v, er.Reason, nil
}

type componentProof struct {
	v      Verdict
	reason string
}

var (
	componentProofsMu   sync.Mutex
	componentProofsDone = map[string]componentProof{}
)
