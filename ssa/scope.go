package ssa

import (
	gossa "golang.org/x/tools/go/ssa"

	"github.com/vsynth/vsynth/smt"
)

// scope holds what one instance of a region was lowered to: the function
// body (the root scope), or one iteration of a loop. A loop lowered by
// unrolling has a scope per iteration; one lowered with invariants has a
// single scope, the arbitrary iteration.
type scope struct {
	parent *scope
	loop   *loop // nil for the function body
	vals   map[gossa.Value]*smt.Term
	tuples map[gossa.Value][]*smt.Term
	exits  map[*gossa.BasicBlock]*smt.Term // guard at the end of each block lowered here
	mems   map[*gossa.BasicBlock]memory    // memory at the end of each block lowered here
	copies map[*loop][]*scope              // the iterations of the loops nested directly in this region
}

func newScope(parent *scope, lp *loop) *scope {
	return &scope{
		parent: parent,
		loop:   lp,
		vals:   make(map[gossa.Value]*smt.Term),
		tuples: make(map[gossa.Value][]*smt.Term),
		exits:  make(map[*gossa.BasicBlock]*smt.Term),
		mems:   make(map[*gossa.BasicBlock]memory),
		copies: make(map[*loop][]*scope),
	}
}

// valueIn returns the term of v as lowered in scope s.
func (f *frame) valueIn(s *scope, v gossa.Value) (*smt.Term, error) {
	saved := f.cur
	f.cur = s
	defer func() { f.cur = saved }()
	return f.value(v)
}

// owner returns the scope that holds v's term, seen from s: the nearest
// enclosing scope whose region contains v's definition. When v is defined
// in a loop nested in that region, inner is that loop: v's term outside it
// merges its terms in the loop's iterations.
func (f *frame) owner(s *scope, v gossa.Value) (at *scope, inner *loop) {
	instr, ok := v.(gossa.Instruction)
	if !ok || instr.Block() == nil {
		return f.root, nil
	}
	b := instr.Block()
	for s.loop != nil && !s.loop.contains(b) {
		s = s.parent
	}
	return s, f.loops.child(s.loop, b)
}

// escaping is the term of v, defined in loop inner, after the loop: its
// term in the iteration the loop was left in.
func (f *frame) escaping(s *scope, inner *loop, v gossa.Value) (*smt.Term, error) {
	var val *smt.Term
	copies := s.copies[inner]
	for i := len(copies) - 1; i >= 0; i-- {
		c := copies[i]
		if !f.reached(c, v.(gossa.Instruction).Block()) {
			continue
		}
		x, err := f.valueIn(c, v)
		if err != nil {
			return nil, err
		}
		if val == nil {
			val = x
			continue
		}
		left, err := f.leaves(c, inner)
		if err != nil {
			return nil, err
		}
		val = smt.Ite(left, x, val)
	}
	if val == nil {
		// The loop is never reached (its entry folded to false), so
		// neither is any use after it: any value will do.
		s, ok := sortOf(v.Type())
		if !ok {
			return nil, unsupported(v.Pos(), "value of type %s", v.Type())
		}
		return f.l.freshVar("unreached", s), nil
	}
	return val, nil
}

// reached reports whether block b was lowered in scope c or in an
// iteration of a loop nested in c's region.
func (f *frame) reached(c *scope, b *gossa.BasicBlock) bool {
	return len(f.sources(c, b)) > 0
}

// leaves is the condition under which control leaves loop lp from
// iteration c.
func (f *frame) leaves(c *scope, lp *loop) (*smt.Term, error) {
	var conds []*smt.Term
	for _, b := range f.loops.blocksOf(lp) { // in order: the same term every run
		for _, succ := range b.Succs {
			if lp.contains(succ) {
				continue
			}
			for k, p := range succ.Preds {
				if p != b {
					continue
				}
				for _, src := range f.sources(c, b) {
					e, err := f.edge(incoming{src, b, k}, succ)
					if err != nil {
						return nil, err
					}
					conds = append(conds, e)
				}
			}
		}
	}
	return smt.Or(conds...), nil
}
