package ssa

import (
	"go/token"
	"slices"

	gossa "golang.org/x/tools/go/ssa"

	"github.com/vsynth/vsynth/smt"
)

// Modular verification: a call to a function that has a contract is
// lowered with the contract instead of the body. The callee's requires
// clauses become call-requires obligations at the call, and its results
// are fresh values of which only its ensures clauses are known. The callee
// is verified against its own contract on its own, so together the proofs
// are sound — provided the callee is proved too: Prove reports a function
// proved only when every function whose contract it relied on is proved
// in the same run (settleReliance); a recursive function with a contract
// is thereby verified for partial correctness.

// A counterexample found through a contract need not be real: the
// callee's ensures clauses may allow results its body never returns. So a
// satisfiable obligation whose query mentions such results is unknown
// ("not provable from the contract of F"), never failed (prove.go).

// callContract lowers a call of the function of t on args at pos.
func (f *frame) callContract(t *Target, args []*smt.Term, pos token.Pos) ([]*smt.Term, error) {
	if t.Unsupported != nil {
		return nil, unsupported(pos, "call to %s: %s", t.Short, t.Unsupported.What)
	}
	sig := t.Func.Signature
	results := make([]*smt.Term, sig.Results().Len())
	for i := range results {
		s, ok := sortOf(sig.Results().At(i).Type())
		if !ok {
			return nil, unsupported(pos, "call to %s with a result of type %s", t.Short, sig.Results().At(i).Type())
		}
		results[i] = f.l.freshVar(t.Func.Name()+"."+resultName(t, i), s)
		if zeroWidthType(sig.Results().At(i).Type()) {
			results[i] = standIn() // its one value
		}
		if !t.exact { // an exact contract's counterexamples are replayed (stdlib_contracts.go)
			f.l.abstracted(results[i], t.Short)
		}
	}
	if !slices.Contains(f.l.relies, t) {
		f.l.relies = append(f.l.relies, t)
	}
	sl := &specLowering{l: f.l, prog: f.l.prog, spec: t.Spec, params: args, results: results, mem: f.mem, pre: f.mem}
	for _, c := range t.Spec.Func.Requires() {
		v, d, err := sl.clause(c.Expr)
		if err != nil {
			return nil, err
		}
		holds := smt.And(d, v)
		if f.emit {
			f.l.obligations = append(f.l.obligations, &Obligation{
				Kind: CallRequires, Pos: pos, Clause: c.Text, Of: "requires",
				Guard: f.guard, Goal: holds,
				Via: append([]token.Pos(nil), f.l.via...),
			})
		}
		f.guard = smt.And(f.guard, holds)
	}
	if err := f.recursiveCall(t, sl, pos); err != nil {
		return nil, err
	}
	// What the callee may write is unknown after the call, and when it
	// panics (its writes before the panic are seen by the deferred calls
	// that recover), except for what its frame excludes.
	var (
		written map[string]bool
		err     error
	)
	if t.foreign != nil {
		written = foreignWrites(t) // its body is in its own package's load
	} else if written, err = f.l.writes(t.Func.Blocks, map[*gossa.Function]bool{t.Func: true}); err != nil {
		return nil, err
	}
	// With a frame, what lies outside it and outside what the callee
	// allocates keeps its value (frame.go).
	fr, err := sl.frameOf(t.Spec)
	if err != nil {
		return nil, err
	}
	if fr == nil && t.Spec.Func.Pure {
		// A pure function writes nothing it did not allocate (checked,
		// pure.go): its frame is empty.
		fr = &writeFrame{}
	}
	f.frameCall(t, fr, written, pos)
	mark := func(v *smt.Term) { f.l.abstracted(v, t.Short) }
	if fr == nil {
		f.mem = f.l.havocMemory(f.mem, written, mark)
	} else {
		win, err := f.l.allocate(pos, calleeWindow)
		if err != nil {
			return nil, err
		}
		f.mem = f.l.havocFramed(f.mem, written, fr, win, mark)
	}
	// The panics clause reads the arguments on entry (sl.mem is still the
	// memory before the call); the panic is raised with f.mem, havocked.
	if err := f.calleePanics(t, sl, pos); err != nil { // panics.go
		return nil, err
	}
	sl.mem = f.mem
	for _, c := range t.Spec.Func.Ensures() {
		v, d, err := sl.clause(c.Expr)
		if err != nil {
			return nil, err
		}
		f.guard = smt.And(f.guard, d, v)
	}
	return results, nil
}

// abstracted records that variable v stands for what the contract of
// callee allows, not for what its body does.
func (l *lowering) abstracted(v *smt.Term, callee string) {
	if l.abstract == nil {
		l.abstract = make(map[string]string)
	}
	l.abstract[v.Name()] = callee
}
