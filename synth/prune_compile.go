package synth

import "github.com/vsynth/vsynth/synth/rules"

// compiledRule is one direction of a rule, compiled for a grammar: the left
// side is matched against combinations of kept entries, the right side
// resolved against the grammar and the kept entries.
type compiledRule struct {
	lhs, rhs   *pat
	cond       *rules.Expr // over the constants; nil: always
	constNames []string    // the constants, by slot
	// rhsOps and rhsHoles give the right side's size without resolving
	// it: its operators, plus the sizes of the entries bound to the
	// hole slots it mentions (once per occurrence).
	rhsOps   int
	rhsHoles []int
}

// patKind says what a compiled pattern node is.
type patKind uint8

const (
	pHole     patKind = iota // a hole: binds a kept entry
	pConst                   // a pattern constant: binds the value of a constant entry
	pValue                   // a closed subpattern (a literal, operations on literals): its value
	pOp                      // a Go operator of the grammar on subpatterns
	pComputed                // right side only: a value computed from the constants (C1 + C2, log2(C))
)

// pat is a compiled pattern node.
type pat struct {
	kind    patKind
	slot    int // pHole, pConst
	op      Op  // pOp
	prod    int // pOp on a right side: the grammar's production of op
	commute bool
	val     uint64      // pValue
	expr    *rules.Expr // pComputed
	args    []*pat
}

// ruleBinaryOps and ruleUnaryOps map the rules' Go operators on integers (as
// rules.Expr spells them; from_go.go has the go/token ones) to the
// term language's.
var (
	ruleBinaryOps = map[string]Op{"+": OpAdd, "-": OpSub, "*": OpMul, "/": OpQuo, "%": OpRem, "&": OpAnd, "|": OpOr, "^": OpXor, "&^": OpAndNot, "<<": OpShl, ">>": OpShr}
	ruleUnaryOps  = map[string]Op{"-": OpNeg, "^": OpCom}
)

// compile compiles rule r for the pruner's grammar: the rule as written,
// and, when both sides are plain (holes, literals and operators, the
// same holes, no condition), the rule read right to left. It returns
// nothing for a rule whose left side cannot match a combination of the
// grammar.
func (pr *RulePruner) compile(r *rules.Rule) []*compiledRule {
	var out []*compiledRule
	if c := pr.compileDir(r, r.LHS, r.RHS, r.Cond); c != nil {
		out = append(out, c)
	}
	if r.Cond == nil && plain(r.LHS) && plain(r.RHS) && sameHoles(r.LHS, r.RHS) {
		if c := pr.compileDir(r, r.RHS, r.LHS, nil); c != nil {
			out = append(out, c)
		}
	}
	return out
}

func (pr *RulePruner) compileDir(r *rules.Rule, lhs, rhs, cond *rules.Expr) *compiledRule {
	c := &compiledRule{cond: cond}
	holes := map[string]int{}
	consts := map[string]int{}
	ok := true
	c.lhs = pr.compileLHS(lhs, holes, consts, &ok)
	if !ok || c.lhs.kind != pOp || len(holes) > maxSlots || len(consts) > maxSlots {
		return nil
	}
	if _, offered := pr.opProd[c.lhs.op]; !offered {
		return nil
	}
	c.rhs = pr.compileRHS(rhs, holes, &ok)
	if !ok || commutation(c.lhs, c.rhs) {
		return nil
	}
	c.rhsOps, c.rhsHoles = rhsSize(c.rhs, nil)
	c.constNames = make([]string, len(consts))
	for name, i := range consts {
		c.constNames[i] = name
	}
	return c
}

func (pr *RulePruner) compileLHS(e *rules.Expr, holes, consts map[string]int, ok *bool) *pat {
	switch {
	case e.Kind == rules.Var:
		if _, seen := holes[e.Name]; !seen {
			holes[e.Name] = len(holes)
		}
		return &pat{kind: pHole, slot: holes[e.Name]}
	case e.Kind == rules.Const:
		if _, seen := consts[e.Name]; !seen {
			consts[e.Name] = len(consts)
		}
		return &pat{kind: pConst, slot: consts[e.Name]}
	case closed(e) && !isBoolExpr(e):
		v, err := rules.Eval(e, pr.rt, nil)
		if err != nil {
			*ok = false
			return &pat{}
		}
		return &pat{kind: pValue, val: uint64(v) & pr.t.mask()}
	}
	return pr.compileOp(e, ok, func(a *rules.Expr) *pat { return pr.compileLHS(a, holes, consts, ok) })
}

func (pr *RulePruner) compileRHS(e *rules.Expr, holes map[string]int, ok *bool) *pat {
	switch {
	case e.Kind == rules.Var:
		slot, seen := holes[e.Name]
		if !seen {
			*ok = false
		}
		return &pat{kind: pHole, slot: slot}
	case isBoolExpr(e):
		*ok = false
		return &pat{}
	case e.Kind == rules.Lit:
		v := uint64(e.Val) & pr.t.mask()
		if _, offered := pr.leaf[v]; !offered {
			*ok = false // the grammar cannot build the right side
		}
		return &pat{kind: pValue, val: v}
	case !hasVar(e) && computedExpr(e):
		return &pat{kind: pComputed, expr: e}
	}
	p := pr.compileOp(e, ok, func(a *rules.Expr) *pat { return pr.compileRHS(a, holes, ok) })
	if *ok {
		prod, offered := pr.opProd[p.op]
		if !offered {
			*ok = false // the grammar cannot build the right side
		}
		p.prod = prod
	}
	return p
}

// rhsSize counts the operators of a right side and lists the hole
// slots it mentions: its size under a binding is the operators plus the
// sizes of the entries bound to those slots (literals and computed
// values are leaves, of size 0).
func rhsSize(p *pat, holes []int) (int, []int) {
	switch p.kind {
	case pHole:
		return 0, append(holes, p.slot)
	case pOp:
		n := 1
		for _, a := range p.args {
			var m int
			m, holes = rhsSize(a, holes)
			n += m
		}
		return n, holes
	}
	return 0, holes
}

// compileOp compiles an operator node whose operands compile with sub.
func (pr *RulePruner) compileOp(e *rules.Expr, ok *bool, sub func(*rules.Expr) *pat) *pat {
	var op Op
	var found bool
	switch e.Kind {
	case rules.Binary:
		op, found = ruleBinaryOps[e.Op]
	case rules.Unary:
		op, found = ruleUnaryOps[e.Op]
	}
	if !found {
		*ok = false
		return &pat{}
	}
	p := &pat{kind: pOp, op: op, commute: ops[op].commute}
	for _, a := range e.Args {
		p.args = append(p.args, sub(a))
	}
	return p
}

// commutation reports whether lhs => rhs swaps the operands of a
// commutative operator: the enumerator builds one order already, so the
// rule never skips anything.
func commutation(lhs, rhs *pat) bool {
	return lhs.kind == pOp && rhs.kind == pOp && lhs.op == rhs.op && lhs.commute && len(lhs.args) == 2 &&
		samePat(lhs.args[0], rhs.args[1]) && samePat(lhs.args[1], rhs.args[0])
}

func samePat(a, b *pat) bool {
	if a.kind != b.kind || a.slot != b.slot || a.op != b.op || a.val != b.val || a.expr != b.expr || len(a.args) != len(b.args) {
		return false
	}
	for i := range a.args {
		if !samePat(a.args[i], b.args[i]) {
			return false
		}
	}
	return true
}

// closed reports whether e mentions no hole and no pattern constant.
func closed(e *rules.Expr) bool {
	if e.Kind == rules.Var || e.Kind == rules.Const {
		return false
	}
	for _, a := range e.Args {
		if !closed(a) {
			return false
		}
	}
	return true
}

func hasVar(e *rules.Expr) bool {
	if e.Kind == rules.Var {
		return true
	}
	for _, a := range e.Args {
		if hasVar(a) {
			return true
		}
	}
	return false
}

// computedExpr reports whether e mentions a constant, builtin or helper:
// the rules engine computes such a part of a right side (C1 + C2 becomes
// a literal) and keeps an operation on literals alone (^1) as written.
func computedExpr(e *rules.Expr) bool {
	if e.Kind == rules.Const || e.Kind == rules.Builtin || e.Kind == rules.Call {
		return true
	}
	for _, a := range e.Args {
		if computedExpr(a) {
			return true
		}
	}
	return false
}

func isBoolExpr(e *rules.Expr) bool {
	switch e.Kind {
	case rules.Bool:
		return true
	case rules.Unary, rules.Binary:
		switch e.Op {
		case "==", "!=", "<", "<=", ">", ">=", "&&", "||", "!":
			return true
		}
	case rules.Call:
		return e.Name == "isPow2"
	}
	return false
}

// plain reports whether e has only holes, literals and operators.
func plain(e *rules.Expr) bool {
	switch e.Kind {
	case rules.Var, rules.Lit:
		return true
	case rules.Unary, rules.Binary:
		for _, a := range e.Args {
			if !plain(a) {
				return false
			}
		}
		return true
	}
	return false
}

func sameHoles(a, b *rules.Expr) bool {
	ha, hb := map[string]bool{}, map[string]bool{}
	collectHoles(a, ha)
	collectHoles(b, hb)
	if len(ha) != len(hb) {
		return false
	}
	for h := range ha {
		if !hb[h] {
			return false
		}
	}
	return true
}

func collectHoles(e *rules.Expr, into map[string]bool) {
	if e.Kind == rules.Var {
		into[e.Name] = true
	}
	for _, a := range e.Args {
		collectHoles(a, into)
	}
}
