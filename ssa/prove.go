package ssa

import (
	"context"
	"errors"
	"fmt"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/vsynth/vsynth/smt"
	"github.com/vsynth/vsynth/specs"
)

// Options control Prove.
type Options struct {
	Limits    smt.Limits                 // per obligation
	Jobs      int                        // functions proved in parallel; 0 means GOMAXPROCS
	NewSolver func() (smt.Solver, error) // makes the solver for one function
	EmitSMT   string                     // if set, write each obligation's query to this directory as .smt2
	Unroll    int                        // iterations to unroll loops without invariants; 0 means DefaultUnroll
	MaxTerms  int                        // terms a function's lowering, and each obligation's reduction, may create; 0 means DefaultMaxTerms

	// CrossCheck, if set, re-decides every proved obligation with a second
	// solver (named CrossCheckName). A satisfiable answer is a disagreement
	// between the solvers: Prove fails with an error naming the obligation.
	CrossCheck     func(ctx context.Context, query *smt.Term, lim smt.Limits) (smt.Result, string, error)
	CrossCheckName string

	// Cache, if set, answers obligations decided before and keeps the
	// definite results of this run (see cache.go).
	Cache Cache
	// CheckVacuity flags proved functions whose proof holds only
	// vacuously (see vacuity.go).
	CheckVacuity bool
	// NoBMC turns off the search for a counterexample by unrolling when
	// an inductive proof fails (bmc.go).
	NoBMC bool
	// Progress, if set, is called with each function's result as soon as
	// it is known, from the worker that proved it (concurrently).
	Progress func(*FuncResult)

	// Infer, if set, infers invariants for the loops of a target that
	// have none before falling back to unrolling them (infer.go).
	Infer bool

	side     *sideErrors             // the failures of side outputs, set by Prove
	loopSpec func(*loop) *specs.Loop // the invariants to lower with (nil: the written ones)
}

// Prove verifies targets and returns one result per target, in order.
// Verdicts are data: the error is only for failures of the tool itself
// (a solver that cannot start). When only a side output failed (an
// unwritable --emit-smt directory), Prove returns the results all the
// same, with a *SideOutputError: the report must not be lost.
func (p *Program) Prove(ctx context.Context, targets []*Target, opts Options) ([]*FuncResult, error) {
	if opts.NewSolver == nil {
		return nil, errors.New("prove: no solver configured")
	}
	jobs := opts.Jobs
	if jobs <= 0 {
		jobs = runtime.GOMAXPROCS(0)
	}
	opts.side = &sideErrors{}
	if opts.EmitSMT != "" {
		if err := os.MkdirAll(opts.EmitSMT, 0o755); err != nil {
			opts.side.add(fmt.Errorf("--emit-smt: %w", err))
			opts.EmitSMT = ""
		}
	}
	results, err := p.proveEach(ctx, targets, opts, min(jobs, max(len(targets), 1)), opts.Progress)
	if err != nil {
		return nil, err
	}
	all, err := p.proveRelied(ctx, targets, results, opts, jobs)
	if err != nil {
		return nil, err
	}
	settleReliance(all)
	settleTotality(all)
	settlePure(all)
	return results, opts.side.err()
}

// proveRelied proves the dependencies (Program.Deps) whose contracts the
// proofs of results relied on, and those theirs relied on, and returns
// results with theirs: a dependency's verdict settles the reliance on
// it, but it is not reported.
func (p *Program) proveRelied(ctx context.Context, targets []*Target, results []*FuncResult, opts Options, jobs int) ([]*FuncResult, error) {
	isDep := map[*Target]bool{}
	for _, t := range p.Deps {
		isDep[t] = true
	}
	inRun := map[*Target]bool{}
	for _, t := range targets {
		inRun[t] = true
	}
	all, fresh := results, results
	for len(fresh) > 0 {
		var more []*Target
		for _, r := range fresh {
			for _, callee := range r.Relies {
				if isDep[callee] && !inRun[callee] {
					inRun[callee] = true
					more = append(more, callee)
				}
			}
		}
		if len(more) == 0 {
			break
		}
		rs, err := p.proveEach(ctx, more, opts, min(jobs, len(more)), nil)
		if err != nil {
			return nil, err
		}
		all, fresh = append(slices.Clip(all), rs...), rs
	}
	return all, nil
}

// proveEach proves targets on jobs workers, calling progress with each
// result.
func (p *Program) proveEach(ctx context.Context, targets []*Target, opts Options, jobs int, progress func(*FuncResult)) ([]*FuncResult, error) {
	results := make([]*FuncResult, len(targets))
	next := make(chan int)
	var (
		errMu sync.Mutex
		errs  []error // every tool failure: a channel of jobs slots would block past jobs of them
	)
	var wg sync.WaitGroup
	for range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				r, err := p.proveFresh(ctx, targets[i], opts)
				if err != nil {
					errMu.Lock()
					errs = append(errs, err)
					errMu.Unlock()
					continue
				}
				results[i] = r
				if progress != nil {
					progress(r)
				}
			}
		}()
	}
	for i := range targets {
		next <- i
	}
	close(next)
	wg.Wait()
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return results, nil
}

// settleReliance keeps a proved verdict only for functions whose proofs
// rest on proved contracts: a function that relied on the contract of a
// callee that is not proved in this run — refuted, unknown, unsupported,
// itself relying on one, or not checked at all — is unknown. Mutually
// recursive functions that are all proved stay proved (partial
// correctness).
func settleReliance(results []*FuncResult) {
	proved := map[*Target]bool{}
	for _, r := range results {
		if r.Verdict == Proved {
			proved[r.Target] = true
		}
	}
	for changed := true; changed; {
		changed = false
		for _, r := range results {
			if r.Verdict != Proved {
				continue
			}
			for _, callee := range r.Relies {
				if callee.foreign != nil && callee.foreign.Verdict != Proved {
					r.Verdict = Unknown
					r.Reason = "relies on the contract of " + callee.Short + ", which its package's run did not prove (" + foreignVerdict(callee.foreign) + ")"
					delete(proved, r.Target)
					changed = true
					break
				}
				if !proved[callee] && callee.foreign == nil {
					r.Verdict = Unknown
					r.Reason = "relies on the contract of " + callee.Short + ", which is not proved in this run"
					delete(proved, r.Target)
					changed = true
					break
				}
			}
		}
	}
}

// proveFresh proves one target on a solver of its own. A fresh solver
// (for Z3, a fresh context: about 1.2 ms) makes verdicts and
// counterexamples independent of which worker proves which function, so
// that runs are reproducible whatever --jobs is; within the function the
// solver is reused with push and pop.
func (p *Program) proveFresh(ctx context.Context, t *Target, opts Options) (r *FuncResult, err error) {
	defer func() {
		// A bug in vsynth must not crash a CI run or pass for a verdict:
		// it is a tool failure, reported with what was being proved.
		if e := recover(); e != nil {
			r, err = nil, fmt.Errorf("internal error proving %s: %v\n%s", t.Name, e, debug.Stack())
		}
	}()
	start := time.Now()
	s, err := opts.NewSolver()
	if err != nil {
		return nil, fmt.Errorf("prove: starting solver: %w", err)
	}
	defer s.Close()
	setup := time.Since(start)
	r, err = p.proveInferring(ctx, s, t, opts)
	if r != nil {
		r.Solve += setup
		r.Time += setup
	}
	return r, err
}

// proveOne lowers one target and decides its obligations on solver s.
func (p *Program) proveOne(ctx context.Context, s smt.Solver, t *Target, opts Options) (*FuncResult, error) {
	start := time.Now()
	r := &FuncResult{Target: t}
	loopSpec := opts.loopSpec
	if loopSpec == nil {
		loopSpec = p.loopSpec
	}
	vc, err := p.lowerWith(ctx, t, opts.Unroll, opts.maxTerms(), loopSpec, false)
	r.Lower = time.Since(start)
	var u *UnsupportedError
	switch {
	case errors.As(err, &u):
		r.Verdict, r.Reason, r.ReasonPos = Unsupported, u.What, u.Pos
		r.Time = time.Since(start)
		return r, nil
	case p.budgetReason(ctx, err) != "":
		r.Verdict, r.Reason = Unknown, p.budgetReason(ctx, err)
		r.Time = time.Since(start)
		return r, nil
	case err != nil:
		return nil, fmt.Errorf("prove %s: %w", t.Name, err)
	}
	// Unrolling and inlining copy a source-level check: once one copy is
	// refuted, the check has failed and its other copies are not decided.
	type check struct {
		kind   ObligationKind
		pos    token.Pos
		clause string
	}
	refuted := map[check]bool{}
	// An unwinding obligation can only keep a proof from counting: it is
	// decided last, and not at all once the function has failed.
	order := make([]int, 0, len(vc.Obligations))
	for _, last := range []bool{false, true} {
		for i, o := range vc.Obligations {
			if (o.Kind == Unwinding) == last {
				order = append(order, i)
			}
		}
	}
	for _, i := range order {
		o := vc.Obligations[i]
		c := check{o.Kind, o.Pos, o.Clause}
		if refuted[c] || o.Kind == Unwinding && len(refuted) > 0 {
			continue
		}
		or, err := p.decideCached(ctx, s, vc, o, opts)
		o.release()
		if err != nil {
			return nil, fmt.Errorf("prove %s: %s obligation at %s: %w", t.Name, o.Kind, p.Fset.Position(o.Pos), err)
		}
		if or.Verdict == Failed {
			refuted[c] = true
		}
		r.Solve += or.Time
		r.Obligations = append(r.Obligations, or)
		if opts.EmitSMT != "" {
			if err := p.emit(opts.EmitSMT, t, i, o); err != nil {
				opts.side.add(err) // the verdict stands
			}
		}
		if or.exhausted {
			break // the later obligations are as large: the function is unknown
		}
	}
	if !opts.NoBMC {
		if err := p.afterInductiveFailure(ctx, s, t, r, opts); err != nil {
			return nil, fmt.Errorf("prove %s: %w", t.Name, err)
		}
	}
	r.Relies = vc.Relies
	r.Assumptions, r.partial = vc.assumptions(), vc.lowering.term.partial
	if vc.lowering.iface != nil {
		r.ClosedWorld = vc.lowering.iface.closed
	}
	r.Verdict = combine(r.Obligations)
	if opts.CheckVacuity && r.Verdict == Proved {
		if err := p.checkVacuity(ctx, s, vc, r, opts); err != nil {
			return nil, fmt.Errorf("prove %s: vacuity check: %w", t.Name, err)
		}
	}
	if r.Verdict == Unknown {
		// The first unknown obligation gives the reason, unless a loop may
		// run past the unrolling bound: that explains the others, whose
		// timeouts depend on the machine.
		for _, o := range r.Obligations {
			if o.Verdict == Unknown && (r.Reason == "" || o.Kind == Unwinding) {
				r.Reason = o.Reason
				if o.Kind == Unwinding {
					break
				}
			}
		}
	}
	r.Time = time.Since(start)
	return r, nil
}

// combine is the function's verdict: failed if any obligation failed,
// else unknown if any is unknown, else proved.
func combine(os []*ObligationResult) Verdict {
	v := Proved
	for _, o := range os {
		switch o.Verdict {
		case Failed:
			return Failed
		case Unknown:
			v = Unknown
		}
	}
	return v
}

// decideQuery checks one obligation on its query. When the obligation may
// rest on a loop run past its bound in a function called from a clause,
// a satisfiable query is answered Failed without a counterexample, for
// decide to settle (beyond.go).
func (p *Program) decideQuery(ctx context.Context, s smt.Solver, vc *VC, o *Obligation, opts Options) (*ObligationResult, error) {
	or := &ObligationResult{Kind: o.Kind, Clause: o.Clause, Of: o.Of, Pos: o.Pos, Via: o.Via}
	start := time.Now()
	b, cancel := reduceBudget(ctx, opts)
	err := o.reduce(b)
	cancel()
	if err != nil {
		if or.Reason = p.budgetReason(ctx, err); or.Reason == "" {
			return nil, err
		}
		or.Verdict, or.Time, or.exhausted = Unknown, time.Since(start), exhausted(err)
		return or, nil
	}
	if o.weak != nil {
		// The instantiated query without its universal hypotheses: when
		// that is unsatisfiable, so is the query (instantiate.go).
		proved, err := p.weakProof(ctx, s, o.weak, opts)
		if err != nil {
			return nil, err
		}
		if proved {
			or.Verdict, or.Time, or.DecidedBy = Proved, time.Since(start), decidedBy(s)
			if opts.CrossCheck != nil {
				if err := p.crossCheck(ctx, vc, o, or, opts); err != nil {
					return nil, err
				}
			}
			return or, nil
		}
	}
	if err := s.Push(); err != nil {
		return nil, err
	}
	defer s.Pop()
	q := o.Query()
	if o.reduced != nil {
		q = o.reduced
	}
	if err := s.Assert(q); err != nil {
		return nil, err
	}
	res, err := s.Check(ctx, opts.Limits)
	or.Time = time.Since(start)
	if err != nil {
		return nil, err
	}
	or.DecidedBy = decidedBy(s)
	switch res {
	case smt.Unsat:
		or.Verdict = Proved
		if opts.CrossCheck != nil {
			if err := p.crossCheck(ctx, vc, o, or, opts); err != nil {
				return nil, err
			}
		}
	case smt.Unknown:
		or.Verdict, or.Reason = Unknown, s.ReasonUnknown()
	case smt.Sat:
		if o.unknownWhy != "" {
			or.Verdict, or.Reason = Unknown, o.unknownWhy
			break
		}
		if callee := abstractedBy(vc, o); callee != "" {
			or.Verdict = Unknown
			or.Reason = "not provable from the contract of " + callee + ": a counterexample would rest on what its ensures clauses allow, not on what it returns"
			break
		}
		if o.Kind == Unwinding {
			or.Verdict = Unknown
			or.Reason = fmt.Sprintf("loop at %s may run more than %d iterations (raise --unroll, or give the loop invariants)", p.Fset.Position(o.Pos), o.Bound)
			break
		}
		if lp := havocBy(vc, o); lp != "" && o.Kind != InvariantPreserved {
			or.Verdict = Unknown
			or.Reason = "not provable from the invariants of " + lp + ": a counterexample would start from a loop state the invariants allow, not necessarily one the loop reaches (strengthen the invariants)"
			or.fromInvariants = true
			break
		}
		if len(o.beyond) > 0 {
			or.Verdict = Failed // not confirmed: decide settles it
			hit, err := beyondHit(s, o)
			if err != nil {
				return nil, err
			}
			or.beyond = hit
			break
		}
		settled, reads, err := p.settleGrowth(ctx, s, vc, o, opts, o.reads, "grow")
		if err != nil {
			return nil, err
		}
		if settled == smt.Unknown {
			// Huge slices, whose capacities the runtime cannot be asked
			// for: look among the small counterexamples.
			cex, ok, err := p.smallGrown(ctx, s, vc, o, opts)
			if err != nil {
				return nil, err
			}
			if ok {
				or.Verdict, or.Counterexample = Failed, cex
				break
			}
		}
		switch settled {
		case smt.Unsat:
			or.Verdict = Unknown
			or.Reason = "holds only for the capacities this Go release's append chooses when it grows a slice (the Go specification leaves them open)"
			return or, nil
		case smt.Unknown:
			or.Verdict = Unknown
			or.Reason = "a counterexample would rest on the capacity append gives a grown slice, which this build cannot tell for the compiled function (the Go specification leaves it open)"
			return or, nil
		}
		cex, err := p.smallCounterexample(ctx, s, vc, o, opts, reads)
		if err != nil {
			return nil, err
		}
		if cex.msetOpen != "" {
			or.Verdict = Unknown
			or.Reason = "not provable from what vsynth knows of multisets: the solver's counterexample " + cex.msetOpen
			break
		}
		if len(cex.Unshown) > 0 {
			// A counterexample nobody can run is not shown as one.
			or.Verdict = Unknown
			or.Reason = "the solver found a counterexample that cannot be written as Go values: " + strings.Join(cex.Unshown, ", ")
			break
		}
		or.Verdict, or.Counterexample = Failed, cex
	}
	return or, nil
}

// decidedBy names the solver of a portfolio that decided s's last check
// ("" for a single solver).
func decidedBy(s smt.Solver) string {
	if d, ok := s.(smt.DecidedBy); ok {
		return d.DecidedBy()
	}
	return ""
}

// weakProof reports whether the weakened query is unsatisfiable.
func (p *Program) weakProof(ctx context.Context, s smt.Solver, weak *smt.Term, opts Options) (bool, error) {
	if err := s.Push(); err != nil {
		return false, err
	}
	defer s.Pop()
	if err := s.Assert(weak); err != nil {
		return false, err
	}
	res, err := s.Check(ctx, opts.Limits)
	return err == nil && res == smt.Unsat, err
}

// maxMsetSteer bounds the models smallCounterexample looks at for one
// whose multiset codes are right.
const maxMsetSteer = 2

// smallCounterexample reads the counterexample of the satisfiable query
// on s, preferring a model whose slices are short (VC.small): such
// counterexamples are easier to read and to replay. Without one, any
// model does. reads gives the model's arrays their values (see
// settleGrowth).
func (p *Program) smallCounterexample(ctx context.Context, s smt.Solver, vc *VC, o *Obligation, opts Options, reads *smt.ArrayReads) (*Counterexample, error) {
	cex, ok, err := p.readCounterexample(s, vc, o, reads)
	if err != nil {
		return nil, err
	}
	if !ok && (cex == nil || len(cex.Unshown) == 0 && cex.msetOpen == "") {
		return nil, fmt.Errorf("internal error: a counterexample whose append capacities were settled no longer agrees with the runtime")
	}
	for _, small := range vc.small() {
		better, ok, err := p.withAssumption(ctx, s, o, reads, small, opts, func(reads *smt.ArrayReads) (*Counterexample, bool, error) {
			return p.readCounterexample(s, vc, o, reads)
		})
		if err != nil {
			return nil, err
		}
		if ok {
			return better, nil
		}
	}
	// Multiset codes the model's slices contradict (spec_seq.go): look
	// for a model whose codes are those of its multisets, steering by the
	// last model's classes, a few times. What is found is checked again.
	steered := cex
	for range maxMsetSteer {
		if steered == nil || steered.msetSteer == nil {
			break
		}
		// Short slices first, as above, then any.
		var last *Counterexample
		for _, small := range append(vc.small(), smt.True()) {
			better, ok, err := p.withAssumption(ctx, s, o, reads, smt.And(steered.msetSteer, small), opts, func(reads *smt.ArrayReads) (*Counterexample, bool, error) {
				return p.readCounterexample(s, vc, o, reads)
			})
			if err != nil {
				return nil, err
			}
			if ok {
				return better, nil
			}
			if better != nil && last == nil {
				last = better
			}
		}
		steered = last
	}
	return cex, nil
}

// settleGrowth makes the model of the satisfiable query on s agree with
// the capacities this build's runtime gives slices that append grows
// (growth.go): it adds the runtime's answers as facts and re-decides, a
// few times. Sat means the current model agrees; Unsat that no model
// does, so the query holds for this runtime only; Unknown that it could
// not settle. reads gives the model's arrays their values (nil when the
// solver holds the query with its arrays); the facts are reduced the same
// way, with variables named from prefix, and the reads returned are
// those of everything asserted.
func (p *Program) settleGrowth(ctx context.Context, s smt.Solver, vc *VC, o *Obligation, opts Options, reads *smt.ArrayReads, prefix string) (smt.Result, *smt.ArrayReads, error) {
	if len(vc.lowering.grows) == 0 {
		return smt.Sat, reads, nil // no append grows a slice: nothing to settle
	}
	for round := 0; ; round++ {
		m, err := s.Model()
		if err != nil {
			return smt.Unknown, nil, err
		}
		if reads != nil {
			m = reads.Model(m)
		}
		facts, ok, err := vc.growFacts(m, o.Query())
		if err != nil || !ok {
			return smt.Unknown, nil, err
		}
		if len(facts) == 0 {
			return smt.Sat, reads, nil
		}
		if round == maxGrowRounds {
			return smt.Unknown, nil, nil
		}
		reads, ok, err = assumeReduced(s, o, reads, smt.And(facts...), fmt.Sprintf("%s%d!", prefix, round))
		if err != nil || !ok {
			return smt.Unknown, nil, err
		}
		res, err := s.Check(ctx, opts.Limits)
		if err != nil || res != smt.Sat {
			return res, nil, err
		}
	}
}

// abstractedBy names a function whose contract stands in for its body in
// o's query, or returns "".
func abstractedBy(vc *VC, o *Obligation) string {
	if len(vc.Abstract) == 0 {
		return ""
	}
	for _, v := range smt.Vars(o.Query()) {
		if callee, ok := vc.Abstract[v.Name()]; ok {
			return callee
		}
	}
	return ""
}

// havocBy names a loop whose arbitrary state (allowed by its invariants)
// appears in o's query, or returns "".
func havocBy(vc *VC, o *Obligation) string {
	if len(vc.Havoc) == 0 {
		return ""
	}
	for _, v := range smt.Vars(o.Query()) {
		if st, ok := vc.Havoc[v.Name()]; ok {
			return st.Loop
		}
	}
	return ""
}

// crossCheck re-decides a proved obligation with the second solver.
func (p *Program) crossCheck(ctx context.Context, vc *VC, o *Obligation, or *ObligationResult, opts Options) error {
	res, reason, err := opts.CrossCheck(ctx, o.Query(), opts.Limits)
	if err != nil {
		return fmt.Errorf("cross-check with %s: %w", opts.CrossCheckName, err)
	}
	switch res {
	case smt.Unsat:
		or.CrossCheck = "unsat"
	case smt.Unknown:
		or.CrossCheck = "unknown: " + reason
	case smt.Sat:
		return fmt.Errorf("cross-check disagreement: z3 proved the %s obligation of %s at %s, but %s finds a counterexample (rerun with --emit-smt to get the query)",
			o.Kind, vc.Target.Name, p.Fset.Position(o.Pos), opts.CrossCheckName)
	}
	return nil
}

// counterexample reads the inputs, and the outputs or the panic, off a model.
func counterexample(vc *VC, o *Obligation, m smt.Model) (*Counterexample, error) {
	m, err := withFreshBase(vc, m)
	if err != nil {
		return nil, err
	}
	fn := vc.Target.Func
	cex := &Counterexample{}
	pkg := vc.Target.Package.Types
	qf := types.RelativeTo(pkg)
	in := &valueWriter{vc: vc, m: m, mem: memory{}, qf: qf, pkg: pkg, params: map[string]bool{}}
	for i, v := range vc.Params {
		label := paramLabel(vc.Target, i, v)
		val, err := in.write(v, fn.Params[i].Type(), label)
		if err != nil {
			return nil, err
		}
		cex.Inputs = append(cex.Inputs, Binding{Name: label, Value: val})
		if label == playbackParam(vc.Target, i) {
			in.params[label] = true // a later parameter may be written as this one
		}
	}
	if cex.Globals, err = globalBindings(vc, in); err != nil {
		return nil, err
	}
	cex.Aliases, cex.Unshown = in.sharing(), in.unshown
	cex.MapOrder = vc.lowering != nil && vc.lowering.maps != nil && len(vc.lowering.maps.ranged) > 0
	cex.FuncWrites = vc.lowering != nil && len(vc.lowering.paramCalls) > 0
	switch o.Kind {
	case CallRequires, InvariantEntry, CarryDomain, Assert, Termination, Overflow, Modifies:
		// The callee or the loop would be entered outside its
		// precondition or invariant, or math/bits outside its documented
		// domain: nothing has gone wrong yet that the inputs alone would
		// show, and no panic is claimed.
	case InvariantPreserved:
		// The state at the loop head from which one iteration breaks an
		// invariant: it satisfies the invariants, but the loop need not
		// reach it from these inputs.
		for _, v := range smt.Vars(o.Query()) {
			st, ok := vc.Havoc[v.Name()]
			if !ok || st.Type == nil { // memory: not a loop variable
				continue
			}
			name, _, _ := strings.Cut(v.Name(), "@")
			val, err := in.write(v, st.Type, name)
			if err != nil {
				return nil, err
			}
			cex.State = append(cex.State, Binding{Name: name, Value: val})
		}
	case Ensures, WellDefined, PanicsWhen:
		if o.Of == "requires" {
			return cex, nil
		}
		res := fn.Signature.Results()
		out := &valueWriter{vc: vc, m: m, mem: vc.Final, qf: qf, pkg: pkg, results: true}
		for i, r := range vc.Results {
			name := resultName(vc.Target, i)
			val, err := out.write(r, res.At(i).Type(), name)
			if err != nil {
				return nil, err
			}
			cex.Outputs = append(cex.Outputs, Binding{Name: name, Value: val})
		}
		cex.Unshown = append(cex.Unshown, out.unshown...)
	default:
		cex.Panic = panicMessage(o.Kind)
		if o.Panic != "" {
			cex.Panic = o.Panic
		}
	}
	return cex, nil
}

// paramLabel is how the spec calls the i-th parameter (a .vspec may name
// parameters differently from the Go code), falling back to the Go name.
func paramLabel(t *Target, i int, _ *smt.Term) string {
	if i < len(t.Spec.Params) {
		if n := t.Spec.Params[i].Name(); n != "" && n != "_" {
			return n
		}
	}
	return paramDisplayName(t.Func.Params[i])
}

// resultName is how the spec calls the i-th result.
func resultName(t *Target, i int) string {
	if i < len(t.Spec.Results) {
		return t.Spec.Results[i].Name()
	}
	return fmt.Sprintf("result%d", i)
}

// panicMessage is the run-time panic Go raises for a hazard kind.
func panicMessage(k ObligationKind) string {
	switch k {
	case DivideByZero:
		return "runtime error: integer divide by zero"
	case NegativeShift:
		return "runtime error: negative shift amount"
	case DivideOverflow:
		return "runtime error: integer overflow"
	}
	return "panic"
}

// literal writes a constant term as a Go literal of type t.
func literal(c *smt.Term, t types.Type) string {
	if c.Sort().IsBool() {
		if c.BoolValue() {
			return "true"
		}
		return "false"
	}
	if it, ok := intTypeOf(t); ok && it.signed {
		return c.SignedValue().String()
	}
	return c.Value().String()
}

// emit writes obligation i of t as a stand-alone SMT-LIB2 script.
func (p *Program) emit(dir string, t *Target, i int, o *Obligation) error {
	name := fmt.Sprintf("%s.%02d-%s.smt2", strings.NewReplacer("/", "_", "*", "").Replace(t.Name), i, o.Kind)
	var b strings.Builder
	q := o.Query()
	comments := []string{
		fmt.Sprintf("vsynth obligation %d of %s: %s", i, t.Name, o.Kind),
		fmt.Sprintf("at %s", p.Fset.Position(o.Pos)),
	}
	if o.Clause != "" {
		comments = append(comments, o.Of+" "+o.Clause)
	}
	comments = append(comments, "unsat means the obligation holds")
	if err := smt.WriteScript(&b, smt.Logic([]*smt.Term{q}), []*smt.Term{q}, comments...); err != nil {
		return fmt.Errorf("writing %s: %w", name, err)
	}
	if err := os.WriteFile(filepath.Join(dir, name), []byte(b.String()), 0o644); err != nil {
		return fmt.Errorf("--emit-smt: %w", err)
	}
	return nil
}
