package ssa

import (
	"go/token"

	"github.com/vsynth/vsynth/smt"
)

// //vsynth:panics EXPR: the function panics exactly when EXPR holds on
// its parameters as they are on entry. Without the clause every panic is
// an obligation that it does not happen. With it, a panic (an obligation
// of a panic kind the body raises, in the function or the functions it
// inlines, not recovered) is allowed where EXPR holds — its goal becomes
// "no panic here, or EXPR" — and a panics obligation asks that no
// normal return is possible where EXPR holds. Like ensures, this is
// partial correctness: a run that neither returns nor panics (a loop
// that does not end) meets it; measures (termination.go) rule that out.
// At a call of a function known by its contract, the callee panics where
// its EXPR holds at the call, and returns, meeting its ensures, where it
// does not. --emit-tests does not write a test for a refuted panics
// obligation yet (PlaybackSkip).

// panicsClause applies the target's panics clause, if any, to the
// obligations of its body (those from body on) and adds the panics
// obligation: when holds, the function does not return normally.
func (vc *VC) panicsClause(sl *specLowering, body int, normal *smt.Term) error {
	pc := vc.Target.Spec.Func.Panics()
	if pc == nil {
		return nil
	}
	saved := sl.mem
	sl.mem, sl.results = sl.pre, nil
	v, d, err := sl.clause(pc.Expr)
	sl.mem = saved
	if err != nil {
		return err
	}
	if !d.IsTrue() {
		vc.Obligations = append(vc.Obligations, &Obligation{
			Kind: WellDefined, Pos: pc.Pos, Clause: pc.Text, Of: "panics",
			Assume: vc.Pre, Guard: smt.True(), Goal: d,
		})
	}
	for _, o := range vc.Obligations[body:] {
		if routesPanic(o.Kind) {
			o.Goal = smt.Or(o.Goal, smt.And(d, v))
		}
	}
	vc.Obligations = append(vc.Obligations, &Obligation{
		Kind: PanicsWhen, Pos: pc.Pos, Clause: pc.Text, Of: "panics",
		Assume: vc.Pre, Guard: smt.And(d, v), Goal: smt.Not(normal),
	})
	return nil
}

// calleePanics is the hazard of a call of t, known by its contract, at
// pos: it panics where its panics clause holds on the arguments.
func (f *frame) calleePanics(t *Target, sl *specLowering, pos token.Pos) error {
	pc := t.Spec.Func.Panics()
	if pc == nil {
		return nil
	}
	v, d, err := sl.clause(pc.Expr)
	if err != nil {
		return err
	}
	f.require(pos, []hazard{{Panic, smt.And(d, v), ""}})
	return nil
}

// panicsReplayCheck is the replay's check of the panics clause before
// the call (confirm_source.go): a panics counterexample claims it holds,
// a panic's counterexample claims it does not (else the panic is
// allowed). It returns the Go condition under which the inputs are not
// what the counterexample claims, or "".
func panicsReplayCheck(ob *ObligationResult, expr string) string {
	switch {
	case ob.Kind == PanicsWhen:
		return "!(" + expr + ")"
	case routesPanic(ob.Kind):
		return expr
	}
	return ""
}
