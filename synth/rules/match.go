package rules

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
	case p.closed():
		if x.Kind != Lit {
			return false
		}
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
	if p.ground() && p.Kind != Bool {
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

// Less is the order rewriting follows: smaller terms first, then the
// string form. It is total and well-founded on terms, and a term that
// contains a redex whose rewrite is Less is never the least of its
// equivalence class, so skipping it loses nothing.
func Less(a, b *Expr) bool {
	sa, sb := a.Size(), b.Size()
	if sa != sb {
		return sa < sb
	}
	return a.String() < b.String()
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
