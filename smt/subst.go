package smt

import "fmt"

// Substitute replaces the free occurrences of the variables from[i] by
// to[i] in t, rebuilding (and folding) the terms above them. Variables
// bound by a quantifier inside t are not replaced under it.
func Substitute(t *Term, from, to []*Term) *Term {
	if len(from) != len(to) {
		panic("smt: substitute: lists of different lengths")
	}
	m := make(map[string]*Term, len(from))
	for i, v := range from {
		if v.op != OpVar || v.sort != to[i].sort {
			panic(fmt.Sprintf("smt: substitute %s of sort %s by a term of sort %s", v, v.sort, to[i].sort))
		}
		m[v.name] = to[i]
	}
	s := &substituter{by: m, memo: make(map[*Term]*Term)}
	return s.term(t)
}

type substituter struct {
	by   map[string]*Term
	memo map[*Term]*Term
}

func (s *substituter) term(t *Term) *Term {
	if r, ok := s.memo[t]; ok {
		return r
	}
	var r *Term
	switch t.op {
	case OpVar:
		r = t
		if u, ok := s.by[t.name]; ok {
			r = u
		}
	case OpConst:
		r = t
	case OpForall, OpExists, OpLambda:
		// Bound names shadow: substitute under the binder without them.
		inner := s
		for _, v := range t.bound {
			if _, ok := s.by[v.name]; ok {
				by := make(map[string]*Term, len(s.by))
				for k, x := range s.by {
					by[k] = x
				}
				for _, w := range t.bound {
					delete(by, w.name)
				}
				inner = &substituter{by: by, memo: make(map[*Term]*Term)}
				break
			}
		}
		if body := inner.term(t.args[0]); t.op == OpLambda {
			r = t
			if body != t.args[0] {
				r = Lambda(t.bound[0], body)
			}
		} else {
			r = quantifier(t.op, t.bound, body)
		}
	default:
		r = mapArgs(t, s.term)
	}
	s.memo[t] = r
	return r
}

// mapArgs applies f to t's arguments, and t's operator to the results
// when one of them changed.
func mapArgs(t *Term, f func(*Term) *Term) *Term {
	var args []*Term
	for i, a := range t.args {
		b := f(a)
		if b != a && args == nil {
			args = append(make([]*Term, 0, len(t.args)), t.args[:i]...)
		}
		if args != nil {
			args = append(args, b)
		}
	}
	if args == nil {
		return t
	}
	return rebuild(t, args)
}

// rebuild applies t's operator to new arguments.
func rebuild(t *Term, a []*Term) *Term {
	switch t.op {
	case OpNot:
		return Not(a[0])
	case OpAnd:
		return And(a...)
	case OpOr:
		return Or(a...)
	case OpImplies:
		return Implies(a[0], a[1])
	case OpXor:
		return Xor(a[0], a[1])
	case OpEq:
		return Eq(a[0], a[1])
	case OpIte:
		return Ite(a[0], a[1], a[2])
	case OpBVNeg:
		return BVNeg(a[0])
	case OpBVNot:
		return BVNot(a[0])
	case OpBVAdd, OpBVSub, OpBVMul, OpBVUDiv, OpBVSDiv, OpBVURem, OpBVSRem,
		OpBVAnd, OpBVOr, OpBVXor, OpBVShl, OpBVLShr, OpBVAShr:
		return bvBinary(t.op, a[0], a[1])
	case OpBVUlt:
		return BVUlt(a[0], a[1])
	case OpBVUle:
		return BVUle(a[0], a[1])
	case OpBVSlt:
		return BVSlt(a[0], a[1])
	case OpBVSle:
		return BVSle(a[0], a[1])
	case OpExtract:
		return Extract(t.hi, t.lo, a[0])
	case OpZeroExt:
		return ZeroExt(t.hi, a[0])
	case OpSignExt:
		return SignExt(t.hi, a[0])
	case OpConcat:
		return Concat(a[0], a[1])
	case OpSelect:
		return Select(a[0], a[1])
	case OpStore:
		return Store(a[0], a[1], a[2])
	case OpConstArray:
		return ConstArray(t.sort, a[0])
	case OpIntAdd, OpIntSub, OpIntMul, OpIntNeg, OpIntDiv, OpIntMod, OpIntLe, OpIntLt, OpBV2Nat:
		return rebuildInt(t.op, a)
	}
	panic(fmt.Sprintf("smt: rebuild of operator %s", t.op))
}
