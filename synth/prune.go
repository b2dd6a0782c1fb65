package synth

import (
	"fmt"

	"github.com/vsynth/vsynth/synth/rules"
)

// RulePruner is the enumerator's equivalence reduction by rewrite rules
// (Enumerator.Skip). The rules are compiled, once per grammar, into
// patterns over the enumerator's kept entries: a left side matches a new
// combination (a production applied to kept entries) by looking at the
// productions, kids and constant values of those entries, without
// building a term. A proved rule rewrites the combination T to an
// equivalent term T' (the rules are equalities, so both directions are
// used), and T is skipped when T' is, in this order:
//
//  1. an entry kept at a smaller size: its behaviour is already in the
//     bank (entries of the level being enumerated are not looked up, so
//     that the workers computing a level in parallel all read the same
//     index and every run prunes the same combinations);
//  2. a term of the grammar with fewer operators than T: every behaviour
//     of the smaller terms of the grammar is in the bank already (the
//     enumerator goes by size);
//  3. a combination of the same size — a production of the same
//     nonterminal applied to kept entries, in the operand order the
//     enumerator uses — that comes before T in a fixed total order on
//     combinations (production, then kids). The enumerator evaluates
//     that combination at this size, unless it is skipped in turn for a
//     reason that again keeps its behaviour: the order is well-founded,
//     so a chain of skips ends at an evaluated combination or at 1 or 2.
//
// So no behaviour of the grammar's terms is lost, and the smallest
// programs are found at the same size as without rules. Pruning only
// removes candidates: acceptance is still by proof.
//
// The pruner handles grammars with one integer nonterminal (and at most
// one bool one): it prunes combinations of that nonterminal's
// productions that are Go operators applied to the nonterminal itself.
// Other productions (SMT-LIB operators such as bvudiv, macros, nested
// templates) are never pruned, and their entries match only the rules'
// holes (and constants, when they have no parameter).
type RulePruner struct {
	t       Type
	rt      rules.Type
	nt      int                         // the integer nonterminal
	consts0 bool                        // subterms without parameters are allowed
	prodOp  []Op                        // production of nt → its Go operator (OpInvalid: none)
	leafVal []uint64                    // production of nt → its constant (when isLeaf)
	isLeaf  []bool                      // production of nt is a constant
	opProd  map[Op]int                  // Go operator → its production of nt
	leaf    map[uint64]int              // constant (masked) → its production of nt
	index   map[ruleKey][]*compiledRule // rules by the shape of their left side's top
}

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
// set. It returns nil (no pruning) when the set is empty, the grammar
// is outside what the pruner handles (more than one nonterminal per
// type, no integer nonterminal, a width Go lacks), or no rule applies to
// its operators.
func NewRulePruner(set []*rules.Rule, p *Problem) *RulePruner {
	if len(set) == 0 || p.Grammar == nil {
		return nil
	}
	pr := &RulePruner{nt: -1, consts0: p.ConstExprs, opProd: map[Op]int{}, leaf: map[uint64]int{}, index: map[ruleKey][]*compiledRule{}}
	seen := map[Type]bool{}
	for i, nt := range p.Grammar.NTs {
		if seen[nt.Type] {
			return nil
		}
		seen[nt.Type] = true
		if !nt.Type.Bool {
			if !nt.Type.Native() {
				return nil
			}
			pr.nt, pr.t = i, nt.Type
		}
	}
	if pr.nt < 0 {
		return nil
	}
	sym := p.Grammar.NTs[pr.nt]
	pr.prodOp = make([]Op, len(sym.Prods))
	pr.leafVal = make([]uint64, len(sym.Prods))
	pr.isLeaf = make([]bool, len(sym.Prods))
	for pi, prod := range sym.Prods {
		tm := prod.Tmpl
		switch {
		case tm.Macro != "" || tm.Hole >= 0:
		case tm.Op == OpConst:
			v := tm.Value & pr.t.mask()
			pr.isLeaf[pi], pr.leafVal[pi] = true, v
			if _, dup := pr.leaf[v]; !dup {
				pr.leaf[v] = pi
			}
		case prod.simple() && intOp(tm.Op) && allHoles(prod, pr.nt):
			pr.prodOp[pi] = tm.Op
			if _, dup := pr.opProd[tm.Op]; !dup {
				pr.opProd[tm.Op] = pi
			}
		}
	}
	rt, ok := rules.TypeNamed(fmt.Sprintf("%s%d", map[bool]string{true: "int", false: "uint"}[pr.t.Signed], pr.t.Width))
	if !ok {
		return nil
	}
	pr.rt = rt
	n := 0
	for _, r := range rules.NewEngine(set, rt).Rules() {
		for _, c := range pr.compile(r) {
			k := c.key()
			pr.index[k] = append(pr.index[k], c)
			n++
		}
	}
	if n == 0 {
		return nil
	}
	return pr
}

// intOp reports whether op is a Go operator from integers to integers.
func intOp(op Op) bool {
	switch op {
	case OpAdd, OpSub, OpMul, OpQuo, OpRem, OpAnd, OpOr, OpXor, OpAndNot, OpShl, OpShr, OpNeg, OpCom:
		return true
	}
	return false
}

func allHoles(p *Prod, nt int) bool {
	for _, h := range p.Holes {
		if h != nt {
			return false
		}
	}
	return len(p.Holes) == len(p.Tmpl.Args)
}

// Skip reports whether production prod of nonterminal nt applied to the
// kept entries kids is to be skipped (Enumerator.Skip). It is safe for
// concurrent use.
func (pr *RulePruner) Skip(s *Search, nt, prod int, kids []int32) bool {
	if nt != pr.nt {
		return false
	}
	op := pr.prodOp[prod]
	if op == OpInvalid {
		return false
	}
	size := 1
	for _, k := range kids {
		size += s.Size(k)
	}
	self := pr.canon(s, prod, kids)
	var shapes [2][3]shape
	var counts [2]int
	for i, k := range kids {
		shapes[i][0], counts[i] = anyShape, 1
		nt, kp, _ := s.Entry(k)
		if nt == pr.nt && pr.prodOp[kp] != OpInvalid {
			shapes[i][counts[i]] = opShape(pr.prodOp[kp])
			counts[i]++
		}
		if _, ok := pr.constant(s, k); ok {
			shapes[i][counts[i]] = constShape
			counts[i]++
		}
	}
	var keys [9]ruleKey
	nkeys := 0
	if len(kids) == 1 {
		for _, a := range shapes[0][:counts[0]] {
			keys[nkeys] = ruleKey{op, a, anyShape}
			nkeys++
		}
	} else {
		for _, a := range shapes[0][:counts[0]] {
			for _, b := range shapes[1][:counts[1]] {
				keys[nkeys] = newRuleKey(op, a, b)
				nkeys++
			}
		}
	}
	for ki, key := range keys[:nkeys] {
		if dupKey(keys[:ki], key) {
			continue
		}
		if pr.skipBy(s, pr.index[key], kids, size, self) {
			return true
		}
	}
	return false
}

// skipBy tries the rules cs on the combination.
func (pr *RulePruner) skipBy(s *Search, cs []*compiledRule, kids []int32, size int, self order) bool {
	for _, c := range cs {
		var b binding
		if !pr.matchArgs(s, c.lhs, kids, &b) {
			continue
		}
		if c.cond != nil {
			v, err := rules.Eval(c.cond, pr.rt, pr.env(c, &b))
			if err != nil || v == 0 {
				continue
			}
		}
		if pr.smaller(s, c, &b, size, self) {
			return true
		}
	}
	return false
}

// shape is what a pattern requires of an operand: anything, a
// constant, or an operator (opShape).
type shape uint8

const (
	anyShape shape = iota
	constShape
	firstOpShape
)

func opShape(op Op) shape { return firstOpShape + shape(op) }

// ruleKey indexes compiled rules by their left side's operator and the
// shapes of its operands (ordered, for a commutative operator).
type ruleKey struct {
	op   Op
	a, b shape
}

func newRuleKey(op Op, a, b shape) ruleKey {
	if ops[op].commute && a > b {
		a, b = b, a
	}
	return ruleKey{op, a, b}
}

func dupKey(keys []ruleKey, k ruleKey) bool {
	for _, x := range keys {
		if x == k {
			return true
		}
	}
	return false
}

// key is the index key of a compiled rule.
func (c *compiledRule) key() ruleKey {
	sh := func(p *pat) shape {
		switch p.kind {
		case pConst, pValue:
			return constShape
		case pOp:
			return opShape(p.op)
		}
		return anyShape
	}
	if len(c.lhs.args) == 1 {
		return ruleKey{c.lhs.op, sh(c.lhs.args[0]), anyShape}
	}
	return newRuleKey(c.lhs.op, sh(c.lhs.args[0]), sh(c.lhs.args[1]))
}

// maxSlots bounds the holes and constants of a compiled rule.
const maxSlots = 8

// binding is what matching a left side bound: holes to kept entries,
// constants to values.
type binding struct {
	holes  [maxSlots]int32
	consts [maxSlots]uint64
	hset   uint8
	cset   uint8
}

// env gives the rule's constants to rules.Eval, normalized for the type.
func (pr *RulePruner) env(c *compiledRule, b *binding) rules.Env {
	env := rules.Env{}
	for i, name := range c.constNames {
		v := b.consts[i]
		if pr.t.Signed {
			env[name] = pr.t.sext(v)
		} else {
			env[name] = int64(v)
		}
	}
	return env
}

// constant reports the value of entry idx when it has the same value on
// every input: a constant of the grammar, or (when constant subterms are
// allowed) an entry without parameters.
func (pr *RulePruner) constant(s *Search, idx int32) (uint64, bool) {
	_, prod, _ := s.Entry(idx)
	if pr.isLeaf[prod] {
		return pr.leafVal[prod], true
	}
	if pr.consts0 && !s.HasParam(idx) {
		v, ok := s.Value(idx)
		return v & pr.t.mask(), ok
	}
	return 0, false
}

// match matches pattern p against kept entry idx, extending b.
func (pr *RulePruner) match(s *Search, p *pat, idx int32, b *binding) bool {
	switch p.kind {
	case pHole:
		if b.hset&(1<<p.slot) != 0 {
			return b.holes[p.slot] == idx // distinct kept entries differ in behaviour
		}
		b.holes[p.slot], b.hset = idx, b.hset|1<<p.slot
		return true
	case pConst:
		v, ok := pr.constant(s, idx)
		if !ok {
			return false
		}
		if b.cset&(1<<p.slot) != 0 {
			return b.consts[p.slot] == v
		}
		b.consts[p.slot], b.cset = v, b.cset|1<<p.slot
		return true
	case pValue:
		v, ok := pr.constant(s, idx)
		return ok && v == p.val
	case pOp:
		nt, prod, kids := s.Entry(idx)
		if nt != pr.nt || pr.prodOp[prod] != p.op {
			return false
		}
		return pr.matchArgs(s, p, kids[:len(p.args)], b)
	}
	return false
}

// matchArgs matches p's operands against kids; a commutative operator
// is matched in both operand orders (the enumerator builds one).
func (pr *RulePruner) matchArgs(s *Search, p *pat, kids []int32, b *binding) bool {
	if len(kids) != len(p.args) {
		return false
	}
	save := *b
	ok := true
	for i, a := range p.args {
		if !pr.match(s, a, kids[i], b) {
			ok = false
			break
		}
	}
	if ok || !p.commute {
		return ok
	}
	*b = save
	if pr.match(s, p.args[0], kids[1], b) && pr.match(s, p.args[1], kids[0], b) {
		return true
	}
	*b = save
	return false
}

// resolved is a right side's subterm under a binding: its size, whether
// it mentions a parameter, and the kept entry that is that term (-1: none
// known).
type resolved struct {
	size     int
	hasParam bool
	entry    int32
	// For an operator: whether every operand is a kept entry, and which.
	known bool
	kids  [3]int32
}

// resolve builds nothing: it computes what the right side's subterm p is
// under b, and ok=false when the grammar cannot build it.
func (pr *RulePruner) resolve(s *Search, c *compiledRule, p *pat, b *binding, lookup bool) (resolved, bool) {
	switch p.kind {
	case pHole:
		idx := b.holes[p.slot]
		return resolved{size: s.Size(idx), hasParam: s.HasParam(idx), entry: idx}, true
	case pValue, pComputed:
		v := p.val
		if p.kind == pComputed {
			x, err := rules.Eval(p.expr, pr.rt, pr.env(c, b))
			if err != nil {
				return resolved{}, false
			}
			v = uint64(x) & pr.t.mask()
		}
		prod, ok := pr.leaf[v]
		if !ok {
			return resolved{}, false
		}
		r := resolved{entry: -1}
		if !lookup {
			return r, true
		}
		if idx, ok := s.Kept(pr.nt, prod, [3]int32{}); ok {
			r.entry = idx
		}
		return r, true
	case pOp:
		prod := p.prod
		r := resolved{size: 1, entry: -1, known: true}
		for i, a := range p.args {
			x, ok := pr.resolve(s, c, a, b, lookup)
			if !ok {
				return resolved{}, false
			}
			r.size += x.size
			r.hasParam = r.hasParam || x.hasParam
			r.kids[i] = x.entry
			r.known = r.known && x.entry >= 0
		}
		if !r.hasParam && !pr.consts0 {
			return resolved{}, false
		}
		if lookup && r.known {
			k := pr.canon(s, prod, r.kids[:len(p.args)])
			if idx, ok := s.Kept(pr.nt, prod, k.kids); ok {
				r.entry = idx
			}
		}
		return r, true
	}
	return resolved{}, false
}

// order is a combination in the enumerator's operand order, compared
// by production, then kids.
type order struct {
	prod int
	kids [3]int32
}

func (o order) less(p order) bool {
	if o.prod != p.prod {
		return o.prod < p.prod
	}
	for i := range o.kids {
		if o.kids[i] != p.kids[i] {
			return o.kids[i] < p.kids[i]
		}
	}
	return false
}

// canon puts the operands of a commutative production in the order the
// enumerator builds them: the smaller one first, then the older one.
func (pr *RulePruner) canon(s *Search, prod int, kids []int32) order {
	o := order{prod: prod}
	copy(o.kids[:], kids)
	if len(kids) == 2 && ops[pr.prodOp[prod]].commute {
		a, b := kids[0], kids[1]
		if sa, sb := s.Size(a), s.Size(b); sa > sb || sa == sb && a > b {
			o.kids[0], o.kids[1] = b, a
		}
	}
	return o
}

// smaller reports whether the right side under b is a term that lets the
// combination self, of the given size, be skipped (see RulePruner).
func (pr *RulePruner) smaller(s *Search, c *compiledRule, b *binding, size int, self order) bool {
	n := c.rhsOps
	for _, slot := range c.rhsHoles {
		n += s.Size(b.holes[slot])
	}
	if n > size { // the common case: no need to resolve
		return false
	}
	r, ok := pr.resolve(s, c, c.rhs, b, false)
	switch {
	case !ok || r.size > size:
		return false
	case r.size < size || c.rhs.kind == pHole:
		return true
	}
	r, _ = pr.resolve(s, c, c.rhs, b, true)
	switch {
	case r.entry >= 0:
		return true
	case c.rhs.kind != pOp:
		return false
	}
	// Same size: the right side must be a production of kept entries
	// that comes first.
	if !r.known || !r.hasParam && !pr.consts0 {
		return false
	}
	kids := r.kids
	return pr.canon(s, c.rhs.prod, kids[:len(c.rhs.args)]).less(self)
}
