package synth

// Width reports whether op changes the width of its operands (extract,
// concat, zero_extend, sign_extend): such an operator is evaluated with
// its result type and its index (Term.Value), not with Eval.
func (op Op) Width() bool { return op >= OpExtract && op <= OpSExt }

// EvalWidth applies a width-changing operator: t is the result type and
// index the operator's Term.Value (see OpExtract).
func EvalWidth(op Op, t Type, index, a, b uint64) uint64 {
	m := t.mask()
	switch op {
	case OpExtract:
		if index >= 64 {
			return 0
		}
		return (a >> index) & m
	case OpConcat:
		if index >= 64 {
			return b & m
		}
		return (a<<index | b) & m
	case OpZExt:
		return a & m
	case OpSExt:
		return uint64(Type{Width: int(index)}.sext(a)) & m
	}
	panic("synth: EvalWidth of " + op.String())
}

// Extract is (_ extract hi lo) of x.
func Extract(x *Term, hi, lo int) *Term {
	return &Term{Op: OpExtract, Type: IntType(hi-lo+1, false), Value: uint64(lo), Args: []*Term{x}}
}

// Concat is (concat hi lo): hi's bits above lo's.
func Concat(hi, lo *Term) *Term {
	return &Term{Op: OpConcat, Type: IntType(hi.Type.Width+lo.Type.Width, false), Value: uint64(lo.Type.Width), Args: []*Term{hi, lo}}
}

// ZeroExtend is (_ zero_extend k) of x.
func ZeroExtend(x *Term, k int) *Term {
	return &Term{Op: OpZExt, Type: IntType(x.Type.Width+k, false), Args: []*Term{x}}
}

// SignExtend is (_ sign_extend k) of x.
func SignExtend(x *Term, k int) *Term {
	return &Term{Op: OpSExt, Type: IntType(x.Type.Width+k, false), Value: uint64(x.Type.Width), Args: []*Term{x}}
}
