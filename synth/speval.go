package synth

import (
	"fmt"

	"github.com/vsynth/vsynth/smt"
)

// compiled is an SMT term compiled to a closure over variable values.
type compiled func(env []uint64) uint64

// compileSMT compiles a quantifier-free term whose bit vectors are at
// most 64 bits wide, with vars naming the environment's slots. It is the
// screen's evaluator for specs lowered by package ssa.
func compileSMT(t *smt.Term, vars map[string]int) (compiled, error) {
	memo := map[*smt.Term]compiled{}
	var comp func(t *smt.Term) (compiled, error)
	comp = func(t *smt.Term) (compiled, error) {
		if c, ok := memo[t]; ok {
			return c, nil
		}
		c, err := compileNode(t, vars, comp)
		if err != nil {
			return nil, err
		}
		memo[t] = c
		return c, nil
	}
	return comp(t)
}

func bvType(s smt.Sort) (Type, error) {
	if s.IsBool() {
		return BoolType, nil
	}
	w := s.Width()
	if w < 1 || w > 64 {
		return Type{}, fmt.Errorf("bit-vector width %d", w)
	}
	return Type{Width: w}, nil
}

var smtToOp = map[smt.Op]Op{
	smt.OpBVNeg: OpNeg, smt.OpBVNot: OpCom, smt.OpBVAdd: OpAdd, smt.OpBVSub: OpSub, smt.OpBVMul: OpMul,
	smt.OpBVUDiv: OpUDiv, smt.OpBVSDiv: OpSDiv, smt.OpBVURem: OpURem, smt.OpBVSRem: OpSRem,
	smt.OpBVAnd: OpAnd, smt.OpBVOr: OpOr, smt.OpBVXor: OpXor, smt.OpBVShl: OpShl, smt.OpBVLShr: OpShr,
	smt.OpBVAShr: OpAShr, smt.OpBVUlt: OpLt, smt.OpBVUle: OpLe, smt.OpBVSlt: OpSLt, smt.OpBVSle: OpSLe,
}

func compileNode(t *smt.Term, vars map[string]int, comp func(*smt.Term) (compiled, error)) (compiled, error) {
	typ, err := bvType(t.Sort())
	if err != nil {
		return nil, err
	}
	var args []compiled
	for _, a := range t.Args() {
		c, err := comp(a)
		if err != nil {
			return nil, err
		}
		args = append(args, c)
	}
	switch t.Op() {
	case smt.OpVar:
		i, ok := vars[t.Name()]
		if !ok {
			return nil, fmt.Errorf("free variable %s", t.Name())
		}
		return func(env []uint64) uint64 { return env[i] }, nil
	case smt.OpConst:
		var v uint64
		if t.Sort().IsBool() {
			v = b2u(t.BoolValue())
		} else {
			v = t.Value().Uint64()
		}
		return func([]uint64) uint64 { return v }, nil
	case smt.OpNot:
		a := args[0]
		return func(env []uint64) uint64 { return a(env) ^ 1 }, nil
	case smt.OpAnd:
		return func(env []uint64) uint64 {
			for _, a := range args {
				if a(env) == 0 {
					return 0
				}
			}
			return 1
		}, nil
	case smt.OpOr:
		return func(env []uint64) uint64 {
			for _, a := range args {
				if a(env) == 1 {
					return 1
				}
			}
			return 0
		}, nil
	case smt.OpImplies:
		a, b := args[0], args[1]
		return func(env []uint64) uint64 {
			if a(env) == 0 {
				return 1
			}
			return b(env)
		}, nil
	case smt.OpXor:
		a, b := args[0], args[1]
		return func(env []uint64) uint64 { return a(env) ^ b(env) }, nil
	case smt.OpEq:
		a, b := args[0], args[1]
		return func(env []uint64) uint64 { return b2u(a(env) == b(env)) }, nil
	case smt.OpIte:
		c, a, b := args[0], args[1], args[2]
		return func(env []uint64) uint64 {
			if c(env) == 1 {
				return a(env)
			}
			return b(env)
		}, nil
	case smt.OpExtract:
		hi, lo := t.ExtractBits()
		a := args[0]
		m := Type{Width: hi - lo + 1}.mask()
		return func(env []uint64) uint64 { return (a(env) >> uint(lo)) & m }, nil
	case smt.OpZeroExt:
		return args[0], nil
	case smt.OpSignExt:
		from, err := bvType(t.Args()[0].Sort())
		if err != nil {
			return nil, err
		}
		a := args[0]
		return func(env []uint64) uint64 { return uint64(from.sext(a(env))) & typ.mask() }, nil
	case smt.OpConcat:
		lo, err := bvType(t.Args()[1].Sort())
		if err != nil {
			return nil, err
		}
		a, b := args[0], args[1]
		return func(env []uint64) uint64 { return (a(env)<<uint(lo.Width) | b(env)) & typ.mask() }, nil
	}
	op, ok := smtToOp[t.Op()]
	if !ok {
		return nil, fmt.Errorf("operator %s", t.Op())
	}
	opType := typ
	if ops[op].compare {
		opType, _ = bvType(t.Args()[0].Sort())
	}
	if len(args) == 1 {
		a := args[0]
		return func(env []uint64) uint64 { v, _ := Eval(op, opType, a(env), 0, 0); return v }, nil
	}
	a, b := args[0], args[1]
	return func(env []uint64) uint64 { v, _ := Eval(op, opType, a(env), b(env), 0); return v }, nil
}
