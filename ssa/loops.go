package ssa

import (
	"go/ast"
	"go/token"
	"sort"

	gossa "golang.org/x/tools/go/ssa"
)

// loop is a natural loop of a function's control-flow graph: the blocks
// from which a back edge to the header can be reached without passing
// through the header.
type loop struct {
	header *gossa.BasicBlock
	blocks map[*gossa.BasicBlock]bool // the header included
	parent *loop                      // the innermost loop around this one
	stmt   ast.Node                   // the for or range statement, when found
	pos    token.Pos                  // where the loop is reported
}

// contains reports whether b belongs to the loop (or a loop inside it).
func (lp *loop) contains(b *gossa.BasicBlock) bool { return lp != nil && lp.blocks[b] }

// loopForest is the loop nest of one function and its blocks in reverse
// postorder.
type loopForest struct {
	order     []*gossa.BasicBlock // reachable blocks in reverse postorder
	loops     []*loop
	innermost map[*gossa.BasicBlock]*loop
}

// findLoops computes the loop nest of fn. A cycle whose target does not
// dominate its source (made with goto) is irreducible and unsupported.
func findLoops(fn *gossa.Function) (*loopForest, error) {
	if len(fn.Blocks) == 0 {
		return nil, unsupported(fn.Pos(), "function %s without body", fn.Name())
	}
	const (
		unseen = iota
		active
		done
	)
	state := make([]int, len(fn.Blocks))
	var post []*gossa.BasicBlock
	type backEdge struct{ from, to *gossa.BasicBlock }
	var backs []backEdge
	var visit func(b *gossa.BasicBlock)
	visit = func(b *gossa.BasicBlock) {
		state[b.Index] = active
		for _, s := range b.Succs {
			switch state[s.Index] {
			case active:
				backs = append(backs, backEdge{b, s})
			case unseen:
				visit(s)
			}
		}
		state[b.Index] = done
		post = append(post, b)
	}
	visit(fn.Blocks[0])
	lf := &loopForest{innermost: make(map[*gossa.BasicBlock]*loop)}
	for i := len(post) - 1; i >= 0; i-- {
		lf.order = append(lf.order, post[i])
	}
	byHeader := make(map[*gossa.BasicBlock]*loop)
	for _, e := range backs {
		if !e.to.Dominates(e.from) {
			return nil, unsupported(loopPos(fn, e.to), "irreducible loop (goto into a loop)")
		}
		lp := byHeader[e.to]
		if lp == nil {
			lp = &loop{header: e.to, blocks: map[*gossa.BasicBlock]bool{e.to: true}}
			byHeader[e.to] = lp
			lf.loops = append(lf.loops, lp)
		}
		// Everything that reaches the back edge's source without passing
		// through the header belongs to the loop.
		work := []*gossa.BasicBlock{e.from}
		for len(work) > 0 {
			b := work[len(work)-1]
			work = work[:len(work)-1]
			if lp.blocks[b] || state[b.Index] == unseen {
				continue
			}
			lp.blocks[b] = true
			work = append(work, b.Preds...)
		}
	}
	// Nesting: a loop's parent is the smallest other loop containing its
	// header. Natural loops with distinct headers are nested or disjoint.
	sort.Slice(lf.loops, func(i, j int) bool { return len(lf.loops[i].blocks) < len(lf.loops[j].blocks) })
	for i, lp := range lf.loops {
		for _, outer := range lf.loops[i+1:] {
			if outer.blocks[lp.header] {
				lp.parent = outer
				break
			}
		}
		lp.stmt, lp.pos = loopStmt(fn, lp.header)
	}
	for _, lp := range lf.loops { // smallest first: the first loop found is the innermost
		for b := range lp.blocks {
			if lf.innermost[b] == nil {
				lf.innermost[b] = lp
			}
		}
	}
	return lf, nil
}

// child returns the loop directly inside outer (nil: the function body)
// that contains b, or nil when b's innermost loop is outer itself.
func (lf *loopForest) child(outer *loop, b *gossa.BasicBlock) *loop {
	lp := lf.innermost[b]
	if lp == outer {
		return nil
	}
	for lp != nil && lp.parent != outer {
		lp = lp.parent
	}
	return lp
}

// blocksOf returns the blocks of lp in reverse postorder (the header first).
func (lf *loopForest) blocksOf(lp *loop) []*gossa.BasicBlock {
	var bs []*gossa.BasicBlock
	for _, b := range lf.order {
		if lp.blocks[b] {
			bs = append(bs, b)
		}
	}
	return bs
}

// loopPos finds the for statement of the loop whose head is head.
func loopPos(fn *gossa.Function, head *gossa.BasicBlock) token.Pos {
	_, pos := loopStmt(fn, head)
	return pos
}

// loopStmt finds the for or range statement of the loop whose head is
// head: the innermost one around the head's first positioned instruction.
func loopStmt(fn *gossa.Function, head *gossa.BasicBlock) (ast.Node, token.Pos) {
	var at token.Pos
	for _, b := range []*gossa.BasicBlock{head} {
		for _, in := range b.Instrs {
			if _, isPhi := in.(*gossa.Phi); !isPhi && in.Pos().IsValid() {
				at = in.Pos()
				break
			}
		}
	}
	if !at.IsValid() {
		// The head of a range loop over an integer or of for {} may have
		// no positioned instruction: use the body's first one.
		for _, s := range head.Succs {
			for _, in := range s.Instrs {
				if _, isPhi := in.(*gossa.Phi); !isPhi && in.Pos().IsValid() {
					at = in.Pos()
					break
				}
			}
			if at.IsValid() {
				break
			}
		}
	}
	var best ast.Node
	if syntax := fn.Syntax(); syntax != nil && at.IsValid() {
		ast.Inspect(syntax, func(n ast.Node) bool {
			switch n.(type) {
			case *ast.ForStmt, *ast.RangeStmt:
				if n.Pos() <= at && at < n.End() {
					best = n // the innermost one wins: Inspect goes outside in
				}
			case *ast.FuncLit:
				return false
			}
			return true
		})
	}
	switch {
	case best != nil:
		return best, best.Pos()
	case at.IsValid():
		return nil, at
	}
	return nil, fn.Pos()
}
