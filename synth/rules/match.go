package rules

import (
	"fmt"
	"strings"
)

// Engine applies a rule set to terms of one type: the synthesizer's
// equivalence reduction (Reducible) and normalization (Normalize).
type Engine struct {
	t     Type
	rules []*Rule
	byTop map[string][]*Rule // rules by the operator at the top of their left side
}

// NewEngine keeps the rules whose domain includes t.
func NewEngine(rules []*Rule, t Type) *Engine {
	e := &Engine{t: t, byTop: map[string][]*Rule{}}
	for _, r := range rules {
		for _, rt := range r.Types {
			if rt.Name == t.Name {
				e.rules = append(e.rules, r)
				e.byTop[topKey(r.LHS)] = append(e.byTop[topKey(r.LHS)], r)
				break
			}
		}
	}
	return e
}

// Rules are the rules of the engine.
func (e *Engine) Rules() []*Rule { return e.rules }

func topKey(x *Expr) string {
	switch x.Kind {
	case Unary:
		return "u" + x.Op
	case Binary:
		return "b" + x.Op
	}
	return ""
}

// binding is what matching a left side bound.
type binding struct {
	holes  map[string]*Expr
	consts Env
}

// match matches pattern p against term x, extending b.
func (e *Engine) match(p, x *Expr, b *binding, r *Rule) bool {
	switch {
	case p.Kind == Var:
		if r.boolHoles[p.Name] != x.isBool() {
			return false
		}
		if prev, ok := b.holes[p.Name]; ok {
			return e.equal(prev, x)
		}
		b.holes[p.Name] = x
		return true
	case p.Kind == Const:
		if x.Kind != Lit {
			return false
		}
		v := e.t.norm(x.Val)
		if prev, ok := b.consts[p.Name]; ok {
			return prev == v
		}
		b.consts[p.Name] = v
		return true
	case p.Kind == Bool:
		return x.Kind == Bool && x.Val == p.Val
	case p.closed() && x.Kind == Lit:
		// W - 1 matches the literal 7 at int8; a closed pattern matches
		// a term of the same shape below.
		v, err := Eval(p, e.t, nil)
		return err == nil && v == e.t.norm(x.Val)
	}
	if p.Kind != x.Kind || p.Op != x.Op || len(p.Args) != len(x.Args) {
		return false
	}
	for i := range p.Args {
		if !e.match(p.Args[i], x.Args[i], b, r) {
			return false
		}
	}
	return true
}

// equal compares terms with literals modulo the width.
func (e *Engine) equal(a, b *Expr) bool {
	if a.Kind == Lit && b.Kind == Lit {
		return e.t.norm(a.Val) == e.t.norm(b.Val)
	}
	if a.Kind != b.Kind || a.Op != b.Op || a.Name != b.Name || len(a.Args) != len(b.Args) || a.Kind == Bool && a.Val != b.Val {
		return false
	}
	for i := range a.Args {
		if !e.equal(a.Args[i], b.Args[i]) {
			return false
		}
	}
	return true
}

// Apply rewrites term x at its top with rule r: the instance of r's
// right side, or nil when r's left side does not match, its condition
// does not hold, or a constant computation of the right side panics.
func (e *Engine) Apply(r *Rule, x *Expr) *Expr {
	b := &binding{holes: map[string]*Expr{}, consts: Env{}}
	if !e.match(r.LHS, x, b, r) {
		return nil
	}
	if r.Cond != nil {
		v, err := Eval(r.Cond, e.t, b.consts)
		if err != nil || v == 0 {
			return nil
		}
	}
	out, ok := e.instantiate(r.RHS, b)
	if !ok {
		return nil
	}
	return out
}

// instantiate builds the right side under b, computing its constant
// parts at the engine's type.
func (e *Engine) instantiate(p *Expr, b *binding) (*Expr, bool) {
	if p.Kind == Var {
		return b.holes[p.Name], true
	}
	if p.ground() && p.Kind != Bool && computed(p) {
		v, err := Eval(p, e.t, b.consts)
		if err != nil {
			return nil, false
		}
		if p.isBool() {
			return &Expr{Kind: Bool, Val: v}, true
		}
		return &Expr{Kind: Lit, Val: v}, true
	}
	if len(p.Args) == 0 {
		return &Expr{Kind: p.Kind, Val: p.Val, Name: p.Name}, true
	}
	out := &Expr{Kind: p.Kind, Op: p.Op, Name: p.Name}
	for _, a := range p.Args {
		x, ok := e.instantiate(a, b)
		if !ok {
			return nil, false
		}
		out.Args = append(out.Args, x)
	}
	return out, true
}

// computed reports whether p mentions a constant, builtin or helper: its
// value is computed when the right side is instantiated (C1 + C2 becomes
// a literal), while an operation on literals alone (^1) is kept as
// written.
func computed(p *Expr) bool {
	if p.Kind == Const || p.Kind == Builtin || p.Kind == Call {
		return true
	}
	for _, a := range p.Args {
		if computed(a) {
			return true
		}
	}
	return false
}

// Rewrite is one rewriting step: the whole term after rewriting with Rule.
type Rewrite struct {
	Rule   *Rule
	Result *Expr
}

// Rewrites lists every one-step rewrite of x, at every position.
func (e *Engine) Rewrites(x *Expr) []Rewrite {
	var out []Rewrite
	e.rewrites(x, func(r *Rule, y *Expr) bool {
		out = append(out, Rewrite{r, y})
		return true
	})
	return out
}

// rewrites calls f with every one-step rewrite of x until f returns false;
// it returns false when f did.
func (e *Engine) rewrites(x *Expr, f func(*Rule, *Expr) bool) bool {
	for i, a := range x.Args {
		ok := e.rewrites(a, func(r *Rule, y *Expr) bool {
			c := *x
			c.Args = append([]*Expr(nil), x.Args...)
			c.Args[i] = y
			return f(r, &c)
		})
		if !ok {
			return false
		}
	}
	for _, r := range e.byTop[topKey(x)] {
		if y := e.Apply(r, x); y != nil {
			if !f(r, y) {
				return false
			}
		}
	}
	return true
}

// Less is the order rewriting follows: smaller terms first, then, for
// terms of one size, the first node that differs in preorder (kind,
// operator, name, value). It is total and well-founded, and monotone:
// replacing a subterm by a Less one makes the whole term Less. So the
// least term of an equivalence class contains no redex whose rewrite is
// Less, nor do its subterms: a bottom-up enumeration that skips every
// reducible term still builds it, and skipping loses nothing.
func Less(a, b *Expr) bool {
	sa, sb := a.Size(), b.Size()
	if sa != sb {
		return sa < sb
	}
	return comparePreorder(a, b) < 0
}

// comparePreorder compares the preorder sequences of node labels of a
// and b lexicographically (a preorder sequence with arities is
// prefix-free, so this recursion is that comparison).
func comparePreorder(a, b *Expr) int {
	switch {
	case a.Kind != b.Kind:
		return cmpInt(kindRank[a.Kind], kindRank[b.Kind])
	case a.Op != b.Op:
		return strings.Compare(a.Op, b.Op)
	case a.Name != b.Name:
		return strings.Compare(a.Name, b.Name)
	case a.Val != b.Val:
		return cmpInt(a.Val, b.Val)
	case len(a.Args) != len(b.Args):
		return cmpInt(int64(len(a.Args)), int64(len(b.Args)))
	}
	for i := range a.Args {
		if c := comparePreorder(a.Args[i], b.Args[i]); c != 0 {
			return c
		}
	}
	return 0
}

// kindRank orders node kinds for Less: binary operations before unary
// ones, so that x + 1 is preferred to -(^x).
var kindRank = map[Kind]int64{Var: 0, Const: 1, Lit: 2, Bool: 3, Builtin: 4, Binary: 5, Unary: 6, Call: 7}

func cmpInt(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// Reducible reports whether some rule rewrites x in one step to a term
// that is Less: the synthesizer's equivalence reduction skips such a
// candidate, because the smaller equivalent term is enumerated anyway.
// It returns the rule, or nil.
func (e *Engine) Reducible(x *Expr) *Rule {
	var found *Rule
	e.rewrites(x, func(r *Rule, y *Expr) bool {
		if Less(y, x) {
			found = r
			return false
		}
		return true
	})
	return found
}

// maxSteps bounds Normalize, as a guard: Less is well-founded, so the
// bound is never reached by a correct rule set.
const maxSteps = 10000

// Normalize rewrites x with Less-decreasing steps until none applies,
// and returns the result.
func (e *Engine) Normalize(x *Expr) *Expr {
	for range maxSteps {
		var next *Expr
		e.rewrites(x, func(r *Rule, y *Expr) bool {
			if Less(y, x) {
				next = y
				return false
			}
			return true
		})
		if next == nil {
			return x
		}
		x = next
	}
	return x
}

// maxReach bounds the terms Joinable explores from each side.
const maxReach = 256

// Joinable reports whether some sequences of Less-decreasing rewrites
// take a and b to the same term: the rule set derives a = b. Rewriting is
// not confluent, so every decreasing rewrite is followed, breadth first,
// up to maxReach terms from each side.
func (e *Engine) Joinable(a, b *Expr) bool {
	ra := e.reach(a)
	for _, t := range e.reachList(b) {
		if ra[key(t)] {
			return true
		}
	}
	return false
}

func key(x *Expr) string { return x.String() + "#" + fmt.Sprint(x.Size()) }

func (e *Engine) reach(x *Expr) map[string]bool {
	m := map[string]bool{}
	for _, t := range e.reachList(x) {
		m[key(t)] = true
	}
	return m
}

func (e *Engine) reachList(x *Expr) []*Expr {
	x = e.canon(x)
	seen := map[string]bool{key(x): true}
	queue := []*Expr{x}
	for i := 0; i < len(queue) && len(queue) < maxReach; i++ {
		cur := queue[i]
		e.rewrites(cur, func(r *Rule, y *Expr) bool {
			if !Less(y, cur) {
				return true
			}
			y = e.canon(y)
			if k := key(y); !seen[k] {
				seen[k] = true
				queue = append(queue, y)
			}
			return len(queue) < maxReach
		})
	}
	return queue
}

// canon writes literals normalized for the engine's type, so that -1 and
// 255 are one uint8 term.
func (e *Engine) canon(x *Expr) *Expr {
	if x.Kind == Lit {
		return &Expr{Kind: Lit, Val: e.t.norm(x.Val)}
	}
	if len(x.Args) == 0 {
		return x
	}
	c := *x
	c.Args = nil
	for _, a := range x.Args {
		c.Args = append(c.Args, e.canon(a))
	}
	return &c
}
