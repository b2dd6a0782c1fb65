package ssa

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	gossa "golang.org/x/tools/go/ssa"

	"github.com/vsynth/vsynth/smt"
	"github.com/vsynth/vsynth/specs"
)

// Pure functions in clauses (//vsynth:pure, specs/pure.go). A clause may
// call any function that writes no memory it did not allocate: the call
// is inlined (clausecalls.go). The directive adds three things:
//
//   - A check. The function is proved on its own, and is unsupported when
//     it may write memory it did not allocate; once proved it must be
//     total (termination.go): every loop with invariants and every
//     recursive call measured by vsynth:decreases. A pure function that is
//     not known to terminate is unknown, and so is every function whose
//     proof used its contract (settlePure).
//   - Definition by contract. A clause's call of a pure function with
//     ensures clauses is lowered by them: its result is a fresh value of
//     which the lemma requires(args) ==> ensures(args, result) is known,
//     and calling it outside its requires makes the clause ill-defined.
//     The lemma is true of the function's real result because the
//     function is proved and total (so a result exists for every input
//     its requires allows) and writes nothing (so the memory its clauses
//     read is the clause's). A proof through it relies on the function's
//     contract (settleReliance). When an ensures clause determines the
//     result (result == E, E free of result), a model's value of it is the
//     function's; otherwise a counterexample resting on it is unknown, as
//     for other contracts. Inside a quantifier the arguments depend on
//     the bound variable, so the call is inlined instead.
//   - Recursion. Inlined into a clause, a pure function may call itself:
//     the calls are unfolded up to pureUnfold deep, and a call deeper than
//     that is cut like a loop past the unrolling bound (beyond.go): the
//     clause is undefined there, and an obligation whose counterexamples
//     all go that deep is unknown ("... may recurse deeper than ..."),
//     never failed; one that holds without going that deep is proved.

// pureUnfold is how deep a pure function called from a clause may
// recurse before the lowering cuts the call.
const pureUnfold = 6

// isPure reports whether fn is marked //vsynth:pure.
func isPure(fn *gossa.Function) bool {
	if o := fn.Origin(); o != nil {
		fn = o
	}
	decl, ok := fn.Syntax().(*ast.FuncDecl)
	return ok && specs.HasPure(decl)
}

// pureContract is the contract by which a clause's call of fn is lowered:
// fn's when fn is pure and has ensures clauses, else nil.
func (l *lowering) pureContract(fn *gossa.Function) *Target {
	t := l.contract(fn)
	if t == nil || t.Spec == nil || !t.Spec.Func.Pure || len(t.Spec.Func.Ensures()) == 0 {
		return nil
	}
	return t
}

// unfolds reports whether a call of t's function, made from the body of a
// function inlined into a clause, is inlined rather than lowered by t: t
// is pure and has no ensures clauses (its contract would say nothing of
// its result).
func (l *lowering) unfolds(t *Target) bool {
	return l.inClause > 0 && t.Spec != nil && t.Spec.Func.Pure && len(t.Spec.Func.Ensures()) == 0
}

// unfoldCut decides a call of fn at site when fn is being lowered
// already. Recursion is unsupported except for a pure function inlined
// into a clause, which is unfolded up to pureUnfold deep and cut below:
// then cut is true and rs are fresh results, which nothing reads (the
// call does not return).
func (l *lowering) unfoldCut(fn *gossa.Function, site token.Pos, guard *smt.Term) (cut bool, rs []*smt.Term, err error) {
	depth := 0
	for _, g := range l.stack {
		if g == fn {
			depth++
		}
	}
	if depth == 0 {
		return false, nil, nil
	}
	if l.inClause == 0 || !isPure(fn) {
		return false, nil, unsupported(site, "recursive call of %s", fn.Name())
	}
	if depth < pureUnfold {
		return false, nil, nil
	}
	res := fn.Signature.Results()
	for i := 0; i < res.Len(); i++ {
		s, ok := sortOf(res.At(i).Type())
		if !ok {
			return false, nil, unsupported(site, "result of type %s", res.At(i).Type())
		}
		rs = append(rs, l.freshVar(fn.Name()+".deeper", s))
	}
	l.beyond = append(l.beyond, &beyondSite{pos: site, fn: fn, bound: pureUnfold, when: guard, recursion: true})
	return true, rs, nil
}

// byPureContract lowers a clause's call of the pure function of t on args
// by its contract, and returns its result and the condition under which
// the call is defined (its requires clauses hold).
func (s *specLowering) byPureContract(t *Target, args []*smt.Term, e *ast.CallExpr) (*smt.Term, *smt.Term, error) {
	sig := t.Func.Signature
	if sig.Results().Len() != 1 {
		return nil, nil, unsupported(e.Pos(), "multi-valued call in a spec")
	}
	srt, ok := sortOf(sig.Results().At(0).Type())
	if !ok {
		return nil, nil, unsupported(e.Pos(), "call to %s with a result of type %s", t.Short, sig.Results().At(0).Type())
	}
	r := s.l.freshVar(t.Func.Name()+"."+resultName(t, 0), srt)
	if zeroWidthType(sig.Results().At(0).Type()) {
		r = standIn() // its one value
	}
	if !determinesResult(t) {
		s.l.abstracted(r, t.Short)
	}
	if !slices.Contains(s.l.relies, t) {
		s.l.relies = append(s.l.relies, t)
	}
	sl := &specLowering{l: s.l, prog: s.prog, spec: t.Spec, params: args, results: []*smt.Term{r}, mem: s.mem, pre: s.mem}
	req := smt.True()
	for _, c := range t.Spec.Func.Requires() {
		v, d, err := sl.clause(c.Expr)
		if err != nil {
			return nil, nil, err
		}
		req = smt.And(req, d, v)
	}
	ens := smt.True()
	for _, c := range t.Spec.Func.Ensures() {
		v, d, err := sl.clause(c.Expr)
		if err != nil {
			return nil, nil, err
		}
		ens = smt.And(ens, d, v)
	}
	s.l.lemmas = append(s.l.lemmas, smt.Implies(req, ens))
	return r, req, nil
}

// determinesResult reports whether an ensures clause of t is result == E
// (or E == result) with E free of the result.
func determinesResult(t *Target) bool {
	if len(t.Spec.Results) != 1 {
		return false
	}
	res := t.Spec.Results[0]
	info := t.Spec.Info
	isRes := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && info.Uses[id] == res
	}
	mentions := func(e ast.Expr) bool {
		found := false
		ast.Inspect(e, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && info.Uses[id] == types.Object(res) {
				found = true
			}
			return !found
		})
		return found
	}
	for _, c := range t.Spec.Func.Ensures() {
		b, ok := ast.Unparen(c.Expr).(*ast.BinaryExpr)
		if !ok || b.Op != token.EQL {
			continue
		}
		if isRes(b.X) && !mentions(b.Y) || isRes(b.Y) && !mentions(b.X) {
			return true
		}
	}
	return false
}

// checkPure reports a pure target that may write memory it did not
// allocate.
func (l *lowering) checkPure(t *Target) error {
	if !t.Spec.Func.Pure {
		return nil
	}
	e := l.effectsOf(t.Func)
	site := e.other
	for i := range t.Func.Params {
		if s, ok := e.params[i]; ok && (site == nil || s.pos < site.pos) {
			s := s
			site = &s
		}
	}
	if site == nil {
		return nil
	}
	pos := site.pos
	if !pos.IsValid() {
		pos = t.Pos
	}
	return unsupported(pos, "%s is marked vsynth:pure but may write memory it did not allocate", t.Short)
}

// settlePure keeps a proved verdict for a pure function only when it is
// total, and for the functions whose proofs used its contract only then.
func settlePure(results []*FuncResult) {
	changed := false
	for _, r := range results {
		if r != nil && r.Verdict == Proved && r.Target.Spec.Func.Pure && !r.Total {
			r.Verdict = Unknown
			r.Reason = "pure function not known to terminate: " + r.Partial
			changed = true
		}
	}
	if !changed {
		return
	}
	settleReliance(results)
	for _, r := range results {
		if r != nil && r.Verdict != Proved {
			r.Total = false
		}
	}
}
