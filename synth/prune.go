package synth

import (
	"fmt"
	"strconv"
	"strings"
	"sync/atomic"

	"github.com/vsynth/vsynth/synth/rules"
)

// RulePruner is the enumerator's equivalence reduction by rewrite rules:
// it skips a term when a proved rule rewrites it, at its top, to a term
// that is smaller (rules.Less), has no more operators, and is itself a term of
// the grammar, so that the smaller equivalent is enumerated instead.
// Pruning only removes candidates: acceptance is still by proof.
type RulePruner struct {
	eng     *rules.Engine
	byTop   map[string][]*rules.Rule // the engine's rules by the operator at the top of their left side
	t       Type                     // the grammar's one integer type
	ops     map[string]bool          // Go operators the grammar offers, as rules spells them
	consts  map[uint64]bool          // integer constants of the grammar, masked
	bools   map[uint64]bool          // bool constants of the grammar
	params  map[int]bool             // parameters the grammar offers
	consts0 bool                     // subterms without parameters are allowed

	pruned atomic.Int64
}

// goOps maps the term language's Go operators to their Go spelling.
var goOps = map[Op]string{
	OpAdd: "+", OpSub: "-", OpMul: "*", OpQuo: "/", OpRem: "%",
	OpAnd: "&", OpOr: "|", OpXor: "^", OpAndNot: "&^", OpShl: "<<", OpShr: ">>",
	OpEq: "==", OpNe: "!=", OpLt: "<", OpLe: "<=", OpGt: ">", OpGe: ">=",
	OpLAnd: "&&", OpLOr: "||",
}

var goUnary = map[Op]string{OpNeg: "-", OpCom: "^", OpNot: "!"}

// RuleSet returns a named rule set: "none" (nil), "seed" (the
// hand-written rules) or "all" (seed and learned, the shipped set).
func RuleSet(name string) ([]*rules.Rule, error) {
	switch name {
	case "none":
		return nil, nil
	case "all":
		return rules.Shipped()
	case "seed":
		src, err := rules.ShippedSource("seed.rules")
		if err != nil {
			return nil, err
		}
		return rules.Parse("synth/rules/sets/seed.rules", src)
	}
	return nil, fmt.Errorf("unknown rule set %q (want none, seed or all)", name)
}

// NewRulePruner makes a pruner for problem p's grammar with the rule
// set. It returns nil (no pruning) when the set is empty or the grammar
// is outside what the adapter handles: more than one integer type or
// nonterminal per type, a width Go lacks, or productions that are not a
// single operator applied to holes (macros, nested templates).
func NewRulePruner(set []*rules.Rule, p *Problem) *RulePruner {
	if len(set) == 0 || p.Grammar == nil {
		return nil
	}
	pr := &RulePruner{ops: map[string]bool{}, consts: map[uint64]bool{}, bools: map[uint64]bool{}, params: map[int]bool{}, consts0: p.ConstExprs}
	seen := map[Type]bool{}
	intType := false
	for _, nt := range p.Grammar.NTs {
		if seen[nt.Type] {
			return nil
		}
		seen[nt.Type] = true
		if !nt.Type.Bool {
			if intType || !nt.Type.Native() {
				return nil
			}
			intType, pr.t = true, nt.Type
		}
		for _, prod := range nt.Prods {
			tm := prod.Tmpl
			if tm.Macro != "" {
				return nil
			}
			switch {
			case tm.Hole >= 0:
				continue
			case tm.Op == OpParam:
				pr.params[tm.Param] = true
			case tm.Op == OpConst && nt.Type.Bool:
				pr.bools[tm.Value] = true
			case tm.Op == OpConst:
				pr.consts[tm.Value&nt.Type.mask()] = true
			case !prod.simple():
				return nil
			case goOps[tm.Op] != "" && len(tm.Args) == 2:
				pr.ops["b"+goOps[tm.Op]] = true
			case goUnary[tm.Op] != "" && len(tm.Args) == 1:
				pr.ops["u"+goUnary[tm.Op]] = true
			}
		}
	}
	if !intType {
		return nil
	}
	rt, ok := rules.TypeNamed(fmt.Sprintf("%s%d", map[bool]string{true: "int", false: "uint"}[pr.t.Signed], pr.t.Width))
	if !ok {
		return nil
	}
	pr.eng = rules.NewEngine(set, rt)
	if len(pr.eng.Rules()) == 0 {
		return nil
	}
	pr.byTop = map[string][]*rules.Rule{}
	for _, r := range pr.eng.Rules() {
		pr.byTop[topKey(r.LHS)] = append(pr.byTop[topKey(r.LHS)], r)
	}
	return pr
}

// Pruned is the number of terms skipped so far.
func (pr *RulePruner) Pruned() int64 { return pr.pruned.Load() }

// Prune reports whether t is to be skipped (Enumerator.Prune). It is safe
// for concurrent use.
func (pr *RulePruner) Prune(t *Term) bool {
	x, ok := pr.expr(t)
	if !ok {
		return false
	}
	// Only rewrites at the top are tried: the enumerator builds t from
	// terms it kept, which this pruner already let through, so a rewrite
	// inside one of them would have pruned it (Less is monotone).
	ops := -1
	for _, r := range pr.byTop[topKey(x)] {
		y := pr.eng.Apply(r, x)
		if y == nil || !rules.Less(y, x) {
			continue
		}
		if ops < 0 {
			ops = opCount(x)
		}
		if opCount(y) <= ops && pr.inGrammar(y) {
			pr.pruned.Add(1)
			return true
		}
	}
	return false
}

// topKey names the operator at the top of e: the only rules that can
// rewrite e at its top are those whose left side has the same one.
func topKey(e *rules.Expr) string {
	switch e.Kind {
	case rules.Unary:
		return "u" + e.Op
	case rules.Binary:
		return "b" + e.Op
	}
	return ""
}

// paramName is the variable name of parameter i in an Expr.
func paramName(i int) string { return "p" + strconv.Itoa(i) }

// expr adapts t; ok is false when t has an operator or type the rules
// do not cover.
func (pr *RulePruner) expr(t *Term) (*rules.Expr, bool) {
	if t.Macro != "" {
		return nil, false
	}
	if !t.Type.Bool && t.Type != pr.t {
		return nil, false
	}
	switch t.Op {
	case OpParam:
		return rules.NewVar(paramName(t.Param)), !t.Type.Bool
	case OpConst:
		if t.Type.Bool {
			return &rules.Expr{Kind: rules.Bool, Val: int64(t.Value & 1)}, true
		}
		return rules.NewLit(int64(t.Value)), true
	}
	args := make([]*rules.Expr, len(t.Args))
	for i, a := range t.Args {
		// Comparisons take integer operands; everything else keeps
		// integers with integers and bools with bools.
		if ops[t.Op].compare && a.Type.Bool || !ops[t.Op].compare && a.Type.Bool != t.Type.Bool {
			return nil, false
		}
		e, ok := pr.expr(a)
		if !ok {
			return nil, false
		}
		args[i] = e
	}
	if op, ok := goUnary[t.Op]; ok && len(args) == 1 {
		return rules.NewUnary(op, args[0]), true
	}
	if op, ok := goOps[t.Op]; ok && len(args) == 2 {
		return rules.NewBinary(op, args[0], args[1]), true
	}
	return nil, false
}

// opCount counts the operator nodes of e: the enumerator's size.
func opCount(e *rules.Expr) int {
	n := 0
	if e.Kind == rules.Unary || e.Kind == rules.Binary || e.Kind == rules.Call {
		n = 1
	}
	for _, a := range e.Args {
		n += opCount(a)
	}
	return n
}

// inGrammar reports whether the grammar can build e (its operators,
// parameters and constants are offered, and, unless constant
// subexpressions are allowed, every operation mentions a parameter).
func (pr *RulePruner) inGrammar(e *rules.Expr) bool {
	ok, _ := pr.walk(e)
	return ok
}

func (pr *RulePruner) walk(e *rules.Expr) (ok, hasVar bool) {
	switch e.Kind {
	case rules.Var:
		i, err := strconv.Atoi(strings.TrimPrefix(e.Name, "p"))
		return err == nil && pr.params[i], true
	case rules.Lit:
		return pr.consts[uint64(e.Val)&pr.t.mask()], false
	case rules.Bool:
		return pr.bools[uint64(e.Val)], false
	case rules.Unary, rules.Binary:
		key := "b" + e.Op
		if e.Kind == rules.Unary {
			key = "u" + e.Op
		}
		if !pr.ops[key] {
			return false, false
		}
		for _, a := range e.Args {
			ok, v := pr.walk(a)
			if !ok {
				return false, false
			}
			hasVar = hasVar || v
		}
		return hasVar || pr.consts0, hasVar
	}
	return false, false
}
