package ssa

import (
	"fmt"
	"go/token"
	"go/types"

	gossa "golang.org/x/tools/go/ssa"

	"github.com/vsynth/vsynth/smt"
	"github.com/vsynth/vsynth/specs"
)

// maxInlineDepth bounds the nesting of inlined calls.
const maxInlineDepth = 64

// maxInlinedInstrs bounds the SSA instructions one lowering may inline in
// total: a chain of calls that each call the next twice grows
// exponentially.
const maxInlinedInstrs = 100000

// lowering turns go/ssa function bodies into SMT terms for one target
// function: the values each function computes, the condition under which
// it returns normally, and the obligations its operations raise.
type lowering struct {
	inlinable   func(*gossa.Function) bool
	contract    func(*gossa.Function) *Target // the function's contract, if it has one
	prog        *gossa.Program
	obligations []*Obligation
	stack       []*gossa.Function // functions being lowered, for recursion
	via         []token.Pos       // call sites of the inlined functions on the stack
	fresh       int               // counter for fresh variable names
	inlined     int               // SSA instructions lowered so far
	lemmas      []*smt.Term       // valid facts the obligations may assume (lemmas.go)
	abstract    map[string]string // result variables of calls lowered by contract -> what they stand for
	relies      []*Target         // the functions whose contracts the lowering used, in first use order
	divisions   map[division]bool
	unroll      int                     // iterations to unroll a loop without invariants
	loopSpec    func(*loop) *specs.Loop // the invariants of a loop, if any
	bounded     bool                    // unroll loops with invariants too, checking them at each head (bmc.go)
	unchecked   map[checkKey]string     // in bounded mode: invariant checks the replay cannot check, with why
	havoc       map[string]*LoopState   // variables standing for a loop's state
	alloc0      *smt.Term               // the first address free on entry: older objects lie below
	allocOff    uint64                  // the next allocation's address is alloc0 + allocOff (memory.go)
	facts       []loopFact              // loops' invariants, assumed of their arbitrary states
	// loadedSlices are slices read from the memory the function started
	// with, which a counterexample should keep short (VC.small).
	loadedSlices []*smt.Term
	// loadedIfaces are interfaces read from that memory, whose dynamic
	// types a counterexample should be able to write (VC.small).
	loadedIfaces []typedTerm
	sizes        []*smt.Term // elements of the slices made or grown (small.go)
	grows        []growSite  // appends that may reallocate (growth.go)
	// instances are the instances of generic functions, found when a
	// spec first calls one (spec_generic.go).
	instances map[*gossa.Function][]*gossa.Function
	// effects caches what functions called from clauses may write
	// (clausecalls.go); beyond lists the loops of functions called from
	// clauses that may run past the unrolling bound (beyond.go).
	effects map[*gossa.Function]*effects
	beyond  []*beyondSite
	meter   *lowerMeter  // the lowering's budget, if it has one (budget.go)
	strs    *stringState // string constants (strings.go)
	maps    *mapState    // the accesses of map entries (maps.go)
	// rangeWatch lists, per write to a map in the body of a range over
	// a map, the ranges whose map it must not write (maps_range.go).
	rangeWatch map[gossa.Instruction][]*gossa.Range
	// funcParams gives the index of the target's function-typed
	// parameters by their variable, funcParamNames their names;
	// paramCalls are the calls of their unknown functions and assumedAt
	// the positions of those calls (funcparam.go).
	funcParams     map[string]int
	funcParamNames map[int]string
	paramCalls     []funcParamCall
	assumedAt      map[token.Pos]bool
	// ghosts gives the assert and assume lines of a function's body
	// (ghost.go), plans where they apply; assumptions are the assume
	// lines lowered.
	ghosts      func(*gossa.Function) []*specs.Ghost
	plans       map[*gossa.Function]*ghostPlan
	assumptions []Assumption
	// term is what termination.go needs and finds.
	term termination
	// overflow, if set, reports the functions whose integer operations
	// are checked for overflow (overflow.go).
	overflow func(*gossa.Function) bool
	// ints records that a clause computed with mathint (spec_mathint.go).
	ints bool
	// funcs are the function values made so far, numbered from 1;
	// funcIDs numbers the functions used as values (closures.go).
	funcs   []funcValue
	funcIDs map[*gossa.Function]int
	// routers are the frames with defers whose bodies are being lowered,
	// innermost last, nil while one runs its deferred calls; recovery is
	// what recover() reads in the deferred calls being run (defer.go).
	routers  []*router
	recovery []*recovery
	// globals are the package-level variables met, in first use order;
	// homePkg is the package whose globals are modelled (globals.go).
	globals []globalUse
	homePkg *types.Package
	// iface registers the dynamic types of interface values (ifaces.go);
	// skips lists, per function, the instructions that only build
	// fmt.Errorf's arguments (ifaces_errors.go).
	iface *ifaceState
	skips map[*gossa.Function]map[gossa.Instruction]bool
	// loopInstances caches loops' invariants substituted for instances
	// of generic functions (generics.go).
	loopInstances map[loopInstance]*specs.Checked
	// inClause counts the calls from clauses being inlined: pure
	// functions among them may recurse, unfolded up to pureUnfold
	// times (pure.go).
	inClause int
	// msets memoizes the multisets of slices in memory states
	// (spec_seq.go).
	msets      map[msetKey]*smt.Term
	msetIntern *smt.Interner
	msetVars   []msetVar
	// frame is the frame of the function being verified, which its
	// writes are checked against, nil without a modifies clause;
	// frameText is its text (frame.go).
	frame     *writeFrame
	frameText string
}

// loopFact is a loop's invariants holding in its arbitrary state, stated
// when len(obligations) was at.
type loopFact struct {
	fact *smt.Term
	at   int
}

// LoopState describes a variable that stands for a loop variable in an
// arbitrary state of the loop that satisfies its invariants.
type LoopState struct {
	Loop string     // "the loop at file:line:col"
	Type types.Type // the variable's Go type
}

// newLowering starts a lowering: every lowering, of a target or of
// generated source, is set up here.
func newLowering(prog *gossa.Program, inlinable func(*gossa.Function) bool, contract func(*gossa.Function) *Target, loopSpec func(*loop) *specs.Loop, unroll int) *lowering {
	l := &lowering{inlinable: inlinable, contract: contract, prog: prog, loopSpec: loopSpec, unroll: unroll}
	l.alloc0 = allocBase()
	return l
}

// havocked records that v stands for an arbitrary state of loop lp of fn
// that satisfies its invariants.
func (l *lowering) havocked(v *smt.Term, t types.Type, lp *loop, fn *gossa.Function) {
	if l.havoc == nil {
		l.havoc = make(map[string]*LoopState)
	}
	l.havoc[v.Name()] = &LoopState{Loop: fmt.Sprintf("the loop at %s", fn.Prog.Fset.Position(lp.pos)), Type: t}
}

// division identifies a division for its lemmas: the same operand terms
// may be divided signed and unsigned.
type division struct {
	n, d   *smt.Term
	signed bool
}

// divided records the lemmas of a division of n by d.
func (l *lowering) divided(n, d *smt.Term, signed bool) {
	if l.divisions == nil {
		l.divisions = make(map[division]bool)
	}
	key := division{n, d, signed}
	if n.IsConst() && d.IsConst() || l.divisions[key] {
		return
	}
	l.divisions[key] = true
	l.lemmas = append(l.lemmas, divisionLemmas(n, d, signed)...)
}

// frame is one activation of a function being lowered.
type frame struct {
	l        *lowering
	fn       *gossa.Function
	emit     bool // record obligations; when false, hazards only narrow the guard
	guard    *smt.Term
	mem      memory // the memory where the instruction being lowered runs
	entryMem memory // the memory on entry, which old(...) in an invariant reads
	loops    *loopForest
	root     *scope // the function body
	cur      *scope // the scope of the block being lowered
	returns  []returnSite
	defers   []deferred // the deferred calls registered (defer.go)
}

type returnSite struct {
	guard   *smt.Term
	results []*smt.Term
	mem     memory
}

// call lowers fn applied to args, entered under guard with memory mem. It
// returns the results, the condition under which fn returns normally
// (which implies guard) and the memory then. With emit set, the
// obligations of fn's operations are recorded.
func (l *lowering) call(fn *gossa.Function, args []*smt.Term, guard *smt.Term, mem memory, emit bool) ([]*smt.Term, *smt.Term, memory, error) {
	return l.callWith(fn, nil, args, guard, mem, emit)
}

// callWith is call of a closure whose free variables hold free.
func (l *lowering) callWith(fn *gossa.Function, free, args []*smt.Term, guard *smt.Term, mem memory, emit bool) ([]*smt.Term, *smt.Term, memory, error) {
	site := fn.Pos()
	if len(l.via) > 0 {
		site = l.via[len(l.via)-1]
	}
	if cut, rs, err := l.unfoldCut(fn, site, guard); cut || err != nil {
		return rs, smt.False(), mem, err
	}
	if len(l.stack) >= maxInlineDepth {
		return nil, nil, nil, unsupported(site, "calls nested deeper than %d", maxInlineDepth)
	}
	if fn.Recover != nil && !emit {
		return nil, nil, nil, unsupported(fn.Pos(), "defer in a function called from a clause")
	}
	if len(free) != len(fn.FreeVars) {
		return nil, nil, nil, unsupported(site, "closure %s called without its free variables", fn.Name())
	}
	if len(args) != len(fn.Params) {
		return nil, nil, nil, fmt.Errorf("internal error: %s called with %d arguments, has %d parameters", fn.Name(), len(args), len(fn.Params))
	}
	for _, b := range fn.Blocks {
		l.inlined += len(b.Instrs)
	}
	if l.inlined > maxInlinedInstrs {
		return nil, nil, nil, unsupported(site, "inlining budget exceeded: more than %d instructions (give the callees contracts)", maxInlinedInstrs)
	}
	l.stack = append(l.stack, fn)
	defer func() { l.stack = l.stack[:len(l.stack)-1] }()

	loops, err := findLoops(fn)
	if err != nil {
		return nil, nil, nil, err
	}
	if err := loops.placeInvariants(fn, l.loopSpec); err != nil {
		return nil, nil, nil, err
	}
	root := newScope(nil, nil)
	f := &frame{l: l, fn: fn, emit: emit, loops: loops, root: root, cur: root, entryMem: mem}
	for i, p := range fn.Params {
		root.vals[p] = args[i]
	}
	for i, v := range fn.FreeVars {
		root.vals[v] = free[i]
	}
	if fn.Recover == nil {
		if err := f.region(loops.order, root, guard, mem); err != nil {
			return nil, nil, nil, err
		}
		return f.results()
	}
	// A function with defers routes the panics of its body (defer.go).
	r := &router{f: f}
	l.routers = append(l.routers, r)
	err = f.region(loops.order, root, guard, mem)
	l.routers = l.routers[:len(l.routers)-1]
	if err != nil {
		return nil, nil, nil, err
	}
	if err := f.recoverPanics(r); err != nil {
		return nil, nil, nil, err
	}
	return f.results()
}

// region lowers, in scope s, the blocks of s's region in order: the whole
// function for the root scope, one iteration of s.loop otherwise, whose
// header is entered under head. A loop nested in the region is lowered as
// a unit when its header comes up.
func (f *frame) region(order []*gossa.BasicBlock, s *scope, head *smt.Term, headMem memory) error {
	for _, b := range order {
		if inner := f.loops.child(s.loop, b); inner != nil {
			if inner.header == b {
				if err := f.lowerLoop(inner, s); err != nil {
					return err
				}
			}
			continue // lowered with its loop
		}
		entry, mem := head, headMem
		if b.Index != 0 && (s.loop == nil || b != s.loop.header) {
			var err error
			if entry, mem, err = f.entry(s, b); err != nil {
				return err
			}
		}
		if err := f.block(s, b, entry, mem); err != nil {
			return err
		}
	}
	return nil
}

// block lowers the instructions of b in scope s, entered under entry
// with memory mem.
func (f *frame) block(s *scope, b *gossa.BasicBlock, entry *smt.Term, mem memory) error {
	saved := f.cur
	f.cur, f.guard, f.mem = s, entry, mem
	defer func() { f.cur = saved }()
	for i, instr := range b.Instrs {
		if err := f.l.check(f, instr.Pos(), false); err != nil {
			return err
		}
		if err := f.ghostsAt(b, i); err != nil {
			return err
		}
		if err := f.exec(instr); err != nil {
			return placeUnsupported(err, instr.Pos(), f.fn.Pos())
		}
	}
	if err := f.l.check(f, b.Instrs[len(b.Instrs)-1].Pos(), true); err != nil { // a block ends in a control transfer
		return err
	}
	s.exits[b] = f.guard
	s.mems[b] = f.mem
	return nil
}

// incoming is one way control enters a block: along the k-th edge of
// b.Preds, from the copy of the predecessor lowered in scope from.
type incoming struct {
	from *scope
	pred *gossa.BasicBlock
	k    int
}

// incomings lists the lowered edges into b from scope s's region: from
// blocks of s itself and from every iteration of the loops nested in it.
// Edges from blocks of skip (a loop's back edges) are left out.
func (f *frame) incomings(s *scope, b *gossa.BasicBlock, skip *loop) []incoming {
	var in []incoming
	for k, p := range b.Preds {
		if skip.contains(p) {
			continue
		}
		for _, c := range f.sources(s, p) {
			in = append(in, incoming{c, p, k})
		}
	}
	return in
}

// sources returns the scopes, s or iterations of loops nested in s's
// region, in which block p was lowered.
func (f *frame) sources(s *scope, p *gossa.BasicBlock) []*scope {
	if _, ok := s.exits[p]; ok {
		return []*scope{s}
	}
	inner := f.loops.child(s.loop, p)
	if inner == nil {
		return nil // p is not reachable from the entry in this region
	}
	var out []*scope
	for _, c := range s.copies[inner] {
		out = append(out, f.sources(c, p)...)
	}
	return out
}

// entry is the condition under which control reaches b in scope s, and
// the memory then.
func (f *frame) entry(s *scope, b *gossa.BasicBlock) (*smt.Term, memory, error) {
	return f.enter(f.incomings(s, b, nil), b)
}

// edge is the condition under which control flows into b along in.
func (f *frame) edge(in incoming, b *gossa.BasicBlock) (*smt.Term, error) {
	p := in.pred
	exit, ok := in.from.exits[p]
	if !ok {
		return nil, fmt.Errorf("internal error: block %d of %s lowered before its predecessor %d", b.Index, f.fn.Name(), p.Index)
	}
	// The k-th occurrence of p in b.Preds is the n-th occurrence of b in p.Succs.
	n := 0
	for i := 0; i < in.k; i++ {
		if b.Preds[i] == p {
			n++
		}
	}
	succ := -1
	for i, s := range p.Succs {
		if s == b {
			if n == 0 {
				succ = i
				break
			}
			n--
		}
	}
	if succ < 0 {
		return nil, fmt.Errorf("internal error: inconsistent edges in %s", f.fn.Name())
	}
	switch last := p.Instrs[len(p.Instrs)-1].(type) {
	case *gossa.If:
		c, err := f.valueIn(in.from, last.Cond)
		if err != nil {
			return nil, err
		}
		if succ == 1 {
			c = smt.Not(c)
		}
		return smt.And(exit, c), nil
	case *gossa.Jump:
		return exit, nil
	default:
		return nil, unsupported(last.Pos(), "control transfer %T", last)
	}
}

// require records an obligation that the operation at pos does not panic
// in the ways hz describe, and continues under the assumption that it did
// not.
func (f *frame) require(pos token.Pos, hz []hazard) {
	for _, h := range hz {
		if f.emit {
			f.l.raise(pos, f.l.via, h, f.guard, f.mem) // defer.go
		}
		f.guard = smt.And(f.guard, smt.Not(h.when))
	}
}

// exec lowers an instruction with an effect: one that may panic, call,
// branch or return. Pure instructions are lowered on demand by value.
func (f *frame) exec(instr gossa.Instruction) error {
	if f.l.formatArgs(f.fn)[instr] {
		return nil
	}
	if ok, err := f.execIface(instr); ok {
		return err
	}
	if ok, err := f.execString(instr); ok {
		return err
	}
	if ok, err := f.execMap(instr); ok {
		return err
	}
	if ok, err := f.execHeap(instr); ok {
		return err
	}
	if ok, err := f.execDefer(instr); ok {
		return err
	}
	switch in := instr.(type) {
	case *gossa.DebugRef, *gossa.If, *gossa.Jump:
		return nil
	case *gossa.Return:
		res := make([]*smt.Term, len(in.Results))
		for i, r := range in.Results {
			v, err := f.value(r)
			if err != nil {
				return err
			}
			res[i] = v
		}
		f.returns = append(f.returns, returnSite{f.guard, res, f.mem})
		return nil
	case *gossa.Panic:
		f.require(in.Pos(), []hazard{{Panic, smt.True(), ""}})
		return nil
	case *gossa.BinOp:
		switch {
		case f.overflowOp(in):
			_, err := f.value(in)
			return err
		case in.Op == token.QUO, in.Op == token.REM, in.Op == token.SHL, in.Op == token.SHR:
			_, err := f.value(in)
			return err
		case !modelled(in.X.Type()) && !isFunc(in.X.Type()) && !isRecoverCompare(in):
			// Comparing interfaces can panic even when the result is
			// unused: an operator on values vsynth does not model is
			// unsupported on the spot, never skipped.
			return unsupported(in.Pos(), "operator %s on values of type %s", in.Op, in.X.Type())
		}
		return nil
	case *gossa.Call:
		return f.callInstr(in)
	case *gossa.Phi, *gossa.UnOp, *gossa.Convert, *gossa.ChangeType, *gossa.Extract,
		*gossa.MakeInterface, *gossa.ChangeInterface, *gossa.Field, *gossa.MakeClosure:
		if f.overflowOp(instr) { // its obligation in program order
			_, err := f.value(instr.(gossa.Value))
			return err
		}
		if u, ok := in.(*gossa.UnOp); ok && u.Op == token.ARROW {
			return unsupported(u.Pos(), "%s", describe(in))
		}
		return nil // pure: lowered when a value needs it
	}
	return unsupported(instr.Pos(), "%s", describe(instr))
}

// results combines the return sites of the frame: the results, the
// condition of a normal return, and the memory then.
func (f *frame) results() ([]*smt.Term, *smt.Term, memory, error) {
	sig := f.fn.Signature
	n := sig.Results().Len()
	res := make([]*smt.Term, n)
	for i := range n {
		s, ok := valueSort(sig.Results().At(i).Type())
		if !ok {
			return nil, nil, nil, unsupported(f.fn.Pos(), "result of type %s", sig.Results().At(i).Type())
		}
		var v *smt.Term
		for j := len(f.returns) - 1; j >= 0; j-- {
			r := f.returns[j]
			if v == nil {
				v = r.results[i]
			} else {
				v = smt.Ite(r.guard, r.results[i], v)
			}
		}
		if v == nil { // no return is reachable: any value will do
			v = f.l.freshVar("noreturn", s)
		}
		res[i] = v
	}
	var normal []*smt.Term
	var mems []memory
	for _, r := range f.returns {
		normal = append(normal, r.guard)
		mems = append(mems, r.mem)
	}
	mem := f.mem
	if len(mems) > 0 {
		mem = f.l.mergeMemory(normal, mems)
	}
	return res, smt.Or(normal...), mem, nil
}

// describe names an unmodelled instruction for a user.
func describe(instr gossa.Instruction) string {
	switch in := instr.(type) {
	case *gossa.Alloc:
		if in.Heap {
			return "heap allocation (address-taken variable or composite literal)"
		}
		return "local allocation (address-taken variable or array)"
	case *gossa.Store:
		return "store through a pointer"
	case *gossa.UnOp:
		if in.Op == token.ARROW {
			return "channel receive"
		}
		return "pointer dereference"
	case *gossa.Go:
		return "go statement"
	case *gossa.Defer, *gossa.RunDefers:
		return "defer"
	case *gossa.Send:
		return "channel send"
	case *gossa.Select:
		return "select statement"
	case *gossa.MapUpdate, *gossa.MakeMap, *gossa.Lookup:
		if l, ok := in.(*gossa.Lookup); ok && !isMap(l.X.Type()) {
			return "string indexing"
		}
		return "map"
	case *gossa.MakeChan:
		return "channel"
	case *gossa.MakeSlice, *gossa.Slice, *gossa.SliceToArrayPointer:
		return "slice"
	case *gossa.Index, *gossa.IndexAddr:
		return "indexing"
	case *gossa.FieldAddr, *gossa.Field:
		return "struct field access"
	case *gossa.TypeAssert:
		return "type assertion"
	case *gossa.Range, *gossa.Next:
		return "range over a map"
	case *gossa.MakeClosure:
		return "closure"
	case *gossa.MakeInterface, *gossa.ChangeInterface:
		return "interface value"
	}
	return fmt.Sprintf("instruction %T", instr)
}

func isMap(t types.Type) bool {
	_, ok := t.Underlying().(*types.Map)
	return ok
}
