package ssa

import (
	"go/ast"
	"go/constant"
	"go/token"

	"github.com/vsynth/vsynth/smt"
)

// Strings in specs: constants, len(s), s[i] (defined when i is in range),
// s[i:j], and the comparisons, which read the bytes in the memory the
// clause is evaluated in. An ordering inside a quantifier is unsupported
// (its lemma would be about the bound variable); + in a clause is
// unsupported (it allocates).

// stringSpecConst lowers a string constant in a spec.
func (s *specLowering) stringSpecConst(v constant.Value) *smt.Term {
	return s.l.stringConst(constant.StringVal(v))
}

// stringBinary lowers x op y on strings in a spec.
func (s *specLowering) stringBinary(e *ast.BinaryExpr, x, y *smt.Term) (*smt.Term, error) {
	if e.Op == token.ADD {
		return nil, unsupported(e.OpPos, "string concatenation in a spec")
	}
	v, err := s.l.compareStrings(e.Op, s.mem, x, y, s.quantified == 0)
	if err != nil {
		return nil, unsupported(e.OpPos, "%v", err)
	}
	return v, nil
}

// stringIndex lowers x[i] on a string in a spec.
func (s *specLowering) stringIndex(x, i *smt.Term) (val, inRangeCond *smt.Term) {
	_, length := strParts(x)
	return s.l.byteAt(s.mem, x, i), inRange(i, length)
}

// sliceString lowers x[lo:hi] on a string in a spec.
func (s *specLowering) sliceString(e *ast.SliceExpr) (*smt.Term, *smt.Term, error) {
	if e.Slice3 {
		return nil, nil, unsupported(e.Pos(), "3-index slice of a string")
	}
	x, d, err := s.expr(e.X)
	if err != nil {
		return nil, nil, err
	}
	ptr, length := strParts(x)
	lo, hi := smt.BVUint(addrWidth, 0), length
	bound := func(b ast.Expr, def *smt.Term) (*smt.Term, error) {
		if b == nil {
			return def, nil
		}
		i, db, err := s.index64(b)
		if err != nil {
			return nil, err
		}
		d = smt.And(d, db)
		if it, _ := intTypeOf(specType(s.info().Types[b].Type)); it.signed {
			d = smt.And(d, smt.BVSle(smt.BVUint(addrWidth, 0), i))
		}
		return i, nil
	}
	if lo, err = bound(e.Low, lo); err != nil {
		return nil, nil, err
	}
	if hi, err = bound(e.High, hi); err != nil {
		return nil, nil, err
	}
	d = smt.And(d, smt.BVUle(hi, length), smt.BVUle(lo, hi))
	return makeStr(smt.BVAdd(ptr, lo), smt.BVSub(hi, lo)), d, nil
}
