package ssa

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/packages"
	gossa "golang.org/x/tools/go/ssa"

	"github.com/vsynth/vsynth/smt"
	"github.com/vsynth/vsynth/specs"
)

// Ghost code: //vsynth:assert and //vsynth:assume lines in function
// bodies (specs/ghost.go). Each applies at one program point of the SSA
// form: just before an instruction of a block (placeGhost). There an
// assert is an obligation of kind assert, after which the lowering
// continues under it, as after any check that would otherwise have
// stopped the function (frame.require); an assume only narrows the
// guard, and is recorded as an assumption the proof rests on. A line the
// lowering cannot place soundly is unsupported, never guessed.

// Assert is the obligation of an //vsynth:assert line.
const Assert ObligationKind = "assert"

// Assumption is an //vsynth:assume line that a proof rests on.
type Assumption struct {
	Pos    token.Pos
	Clause string
	// In is the function whose proof states it (Target.Short): the
	// function itself, or one whose contract it relies on.
	In string
}

// ghostPoint is a ghost line placed before b.Instrs[index].
type ghostPoint struct {
	index int
	g     *specs.Ghost
}

// ghostPlan is where the ghost lines of one function apply.
type ghostPlan struct {
	at  map[*gossa.BasicBlock][]ghostPoint
	err error // a line that cannot be placed: unsupported
}

// ghostsOf returns the ghost lines written in fn's body.
func (p *Program) ghostsOf(fn *gossa.Function) []*specs.Ghost {
	if fn == nil || p.ghosts == nil {
		return nil
	}
	syntax := fn.Syntax()
	if syntax == nil {
		if o := fn.Origin(); o != nil {
			syntax = o.Syntax()
		}
	}
	if syntax == nil {
		return nil
	}
	return p.ghosts[syntax]
}

// ghostPlanOf places the ghost lines of the function of frame f.
func (l *lowering) ghostPlanOf(f *frame) *ghostPlan {
	if l.ghosts == nil {
		return nil
	}
	if pl, ok := l.plans[f.fn]; ok {
		return pl
	}
	if l.plans == nil {
		l.plans = map[*gossa.Function]*ghostPlan{}
	}
	var pl *ghostPlan
	if gs := l.ghosts(f.fn); len(gs) > 0 {
		pl = &ghostPlan{at: map[*gossa.BasicBlock][]ghostPoint{}}
		for _, g := range gs {
			b, i, err := placeGhost(f.fn, f.loops, g)
			if err != nil {
				pl.err = err
				break
			}
			pl.at[b] = append(pl.at[b], ghostPoint{i, g})
		}
	}
	l.plans[f.fn] = pl
	return pl
}

// ghostsAt lowers the ghost lines placed before b.Instrs[index].
func (f *frame) ghostsAt(b *gossa.BasicBlock, index int) error {
	pl := f.l.ghostPlanOf(f)
	if pl == nil {
		return nil
	}
	if pl.err != nil {
		return pl.err
	}
	for _, pt := range pl.at[b] {
		if pt.index != index {
			continue
		}
		if err := f.ghost(b, index, pt.g); err != nil {
			return err
		}
	}
	return nil
}

// ghost lowers one ghost line at its point.
func (f *frame) ghost(b *gossa.BasicBlock, index int, g *specs.Ghost) error {
	c := g.Clause
	if !f.emit {
		// Inside a spec no obligation is recorded, so nothing would check
		// an assert, and no report would show an assume.
		return unsupported(c.Pos, "vsynth:%s in a function called from a spec", c.Kind)
	}
	locals := make([]*smt.Term, len(g.Locals))
	entry := make([]*smt.Term, len(g.Locals)) // for old(...): the parameters on entry
	for i, use := range usedVars(g.Checked, len(g.Locals)) {
		if use == nil {
			continue
		}
		if addressTaken(f.fn, g.Locals[i]) {
			// Its value lives in memory, which DebugRefs do not follow.
			return unsupported(use.Pos(), "the address-taken variable %s in a vsynth:%s line", use.Name, c.Kind)
		}
		val, ok := f.localBefore(b, index, g.Locals[i])
		if !ok {
			return unsupported(use.Pos(), "cannot tell the value of %s at the vsynth:%s line", use.Name, c.Kind)
		}
		t, err := f.value(val)
		if err != nil {
			return err
		}
		locals[i] = t
		for _, p := range f.fn.Params {
			if p.Object() == g.Locals[i] {
				entry[i] = f.root.vals[p]
			}
		}
	}
	sl := &specLowering{l: f.l, prog: f.l.prog, spec: f.l.instanceLoopSpec(g.Checked, f.fn), params: locals, mem: f.mem, pre: f.entryMem, entry: entry}
	v, d, err := sl.clause(g.Checked.Func.Clauses[0].Expr)
	if err != nil {
		return err
	}
	holds := smt.And(d, v)
	switch c.Kind {
	case specs.Assert:
		f.l.obligations = append(f.l.obligations, &Obligation{
			Kind: Assert, Pos: c.Pos, Clause: c.Text, Of: "assert",
			Guard: f.guard, Goal: holds,
			Via: append([]token.Pos(nil), f.l.via...),
		})
	case specs.Assume:
		f.l.assumed(c)
	}
	// Past the line, executions where it is false are gone: an assert
	// that failed stopped the proof there, an assume excludes them.
	f.guard = smt.And(f.guard, holds)
	return nil
}

// assumed records that the proof rests on assume line c.
func (l *lowering) assumed(c *specs.Clause) {
	for _, a := range l.assumptions {
		if a.Pos == c.Pos {
			return // lowered again (a loop's copies, a second call)
		}
	}
	l.assumptions = append(l.assumptions, Assumption{Pos: c.Pos, Clause: c.Text})
}

// localBefore returns the value variable v holds just before
// b.Instrs[index].
func (f *frame) localBefore(b *gossa.BasicBlock, index int, v *types.Var) (gossa.Value, bool) {
	for i := index - 1; i >= 0; i-- {
		if ref, ok := b.Instrs[i].(*gossa.DebugRef); ok && !ref.IsAddr && ref.Object() == v {
			return ref.X, true
		}
	}
	return f.localAt(b, v)
}

// addressTaken reports whether fn takes the address of v (go/ssa keeps
// it in an Alloc: reads see the cell, not a register).
func addressTaken(fn *gossa.Function, v *types.Var) bool {
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			if ref, ok := in.(*gossa.DebugRef); ok && ref.IsAddr && ref.Object() == v {
				return true
			}
			if a, ok := in.(*gossa.Alloc); ok && a.Comment == v.Name() {
				return true
			}
		}
	}
	return false
}

// usedVars returns, per parameter of checked (of n), an identifier of its
// clauses that uses it, or nil.
func usedVars(checked *specs.Checked, n int) []*ast.Ident {
	used := make([]*ast.Ident, n)
	for _, c := range checked.Func.Clauses {
		ast.Inspect(c.Expr, func(node ast.Node) bool {
			id, ok := node.(*ast.Ident)
			if !ok {
				return true
			}
			if v, ok := checked.Info.Uses[id].(*types.Var); ok {
				if i, ok := checked.ParamIndex(v); ok && i < n && used[i] == nil {
					used[i] = id
				}
			}
			return true
		})
	}
	return used
}

// placeGhost finds the point of fn where ghost line g applies: before
// b.Instrs[index]. The point must be passed exactly when control passes
// the line: just before the first instruction of the statement after it,
// or, at the end of a statement list, just before the jump that leaves
// the simple statement before it.
func placeGhost(fn *gossa.Function, lf *loopForest, g *specs.Ghost) (*gossa.BasicBlock, int, error) {
	at := g.Comment.Pos()
	kind := g.Clause.Kind.String()
	cannot := func(why string) (*gossa.BasicBlock, int, error) {
		return nil, 0, unsupported(g.Clause.Pos, "vsynth:%s %s (move it before a simple statement)", kind, why)
	}
	within := func(n ast.Node) [][2]int { // (block index, instruction index) of n's instructions
		var out [][2]int
		for _, b := range fn.Blocks {
			for i, in := range b.Instrs {
				if _, phi := in.(*gossa.Phi); phi {
					continue
				}
				if p := in.Pos(); p.IsValid() && n.Pos() <= p && p < n.End() {
					out = append(out, [2]int{b.Index, i})
				}
			}
		}
		return out
	}
	// before reports whether every positioned instruction of
	// b.Instrs[:index] lies before the line.
	before := func(b *gossa.BasicBlock, index int) bool {
		for _, in := range b.Instrs[:index] {
			if p := in.Pos(); p.IsValid() && p >= at {
				return false
			}
		}
		return true
	}
	var b *gossa.BasicBlock
	var index int
	switch {
	case g.Next != nil:
		if _, labeled := g.Next.(*ast.LabeledStmt); labeled {
			return cannot("before a labeled statement, which a jump may reach without passing the line")
		}
		ins := within(g.Next)
		if len(ins) == 0 {
			return cannot("before a statement without instructions")
		}
		// The block of the statement's first instruction dominates the
		// others.
		for _, x := range ins {
			cand := fn.Blocks[x[0]]
			dominates := true
			for _, y := range ins {
				if !cand.Dominates(fn.Blocks[y[0]]) {
					dominates = false
					break
				}
			}
			if dominates {
				b, index = cand, x[1]
				break
			}
		}
		if b == nil {
			return cannot("before a statement whose code has no single entry")
		}
	case g.Prev == nil:
		return cannot("in an empty block")
	default:
		switch p := g.Prev.(type) {
		case *ast.AssignStmt, *ast.IncDecStmt, *ast.DeclStmt:
		case *ast.ExprStmt:
			if call, ok := p.X.(*ast.CallExpr); ok {
				if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok && id.Name == "panic" {
					return cannot("after a panic")
				}
			}
		default:
			return cannot("at the end of a block after a compound or branch statement")
		}
		ins := within(g.Prev)
		inPrev := map[*gossa.BasicBlock]bool{}
		for _, x := range ins {
			inPrev[fn.Blocks[x[0]]] = true
		}
		for blk := range inPrev {
			last := blk.Instrs[len(blk.Instrs)-1]
			switch last.(type) {
			case *gossa.Jump:
				if inPrev[blk.Succs[0]] {
					continue // inside the statement (a && b)
				}
			case *gossa.Return:
			default:
				continue
			}
			if b != nil {
				return cannot("after a statement that leaves its block in several places")
			}
			b, index = blk, len(blk.Instrs)-1
		}
		if b == nil {
			return cannot("after a statement whose end cannot be found")
		}
	}
	if !before(b, index) {
		return cannot("where the instructions of the statements around it interleave")
	}
	// A loop around the point that does not hold the line would repeat
	// it: the line stands before the loop. It then applies on the loop's
	// single entry edge, at the end of a block that only jumps there.
	var outer *loop
	for lp := lf.innermost[b]; lp != nil; lp = lp.parent {
		if lp.stmt == nil {
			return cannot("in a loop vsynth cannot match to its statement")
		}
		if at < lp.stmt.Pos() || at >= lp.stmt.End() {
			outer = lp
		}
	}
	if outer != nil {
		var entry *gossa.BasicBlock
		for _, p := range outer.header.Preds {
			if outer.blocks[p] {
				continue
			}
			if entry != nil {
				return cannot("before a loop entered from several places")
			}
			entry = p
		}
		if entry == nil || len(entry.Succs) != 1 || lf.innermost[entry] != outer.parent {
			return cannot("before a loop whose entry cannot be found")
		}
		b, index = entry, len(entry.Instrs)-1
		if !before(b, index) {
			return cannot("before a loop whose entry holds later code")
		}
	}
	return b, index, nil
}

// collectGhosts finds the ghost lines and loop measures of file of pkg.
func (p *Program) collectGhosts(pkg *packages.Package, file *ast.File, imp types.Importer, add func(error)) {
	if p.ghosts == nil {
		p.ghosts = map[ast.Node][]*specs.Ghost{}
		p.measures = map[ast.Node]*specs.LoopMeasure{}
	}
	ghosts, err := specs.GhostDirectives(p.Fset, file)
	if err != nil {
		add(err)
	}
	for _, g := range ghosts {
		if err := specs.CheckGhost(p.Fset, pkg.Types, pkg.TypesInfo, g, imp); err != nil {
			add(err)
			continue
		}
		p.ghosts[g.Func] = append(p.ghosts[g.Func], g)
	}
	measures, err := specs.LoopMeasures(p.Fset, file)
	if err != nil {
		add(err)
	}
	for _, m := range measures {
		if err := specs.CheckLoopMeasure(p.Fset, pkg.Types, pkg.TypesInfo, m, imp); err != nil {
			add(err)
			continue
		}
		p.measures[m.Stmt] = m
	}
}

// assumptions returns the assume lines the lowering of vc went through.
func (vc *VC) assumptions() []Assumption {
	var out []Assumption
	for _, a := range vc.lowering.assumptions {
		a.In = vc.Target.Short
		out = append(out, a)
	}
	return out
}
