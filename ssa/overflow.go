package ssa

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"math/big"

	gossa "golang.org/x/tools/go/ssa"

	"github.com/vsynth/vsynth/smt"
	"github.com/vsynth/vsynth/specs"
)

// Overflow checking. With Program.Overflow (vsynth prove --overflow), or
// //vsynth:nooverflow in a function's doc comment, every integer
// operation of the checked functions whose mathematical result does not
// fit its type — where Go wraps silently — raises an overflow obligation
// at the operation:
//
//   - x + y, x - y, x * y, signed and unsigned (x += y, x++ and the other
//     assignment forms are the same operations);
//   - -x: of a signed MinInt, and of any unsigned x other than 0;
//   - x / y: signed MinInt / -1 (the only quotient that does not fit);
//   - x << s: when a bit that is shifted out, or the sign, changes the
//     value: x << s != x * 2^s;
//   - T(x) between integer types, when T cannot represent x's value
//     (int64 to int32 of 1<<40, int to uint of -1, uint8 to int8 of 200).
//
// Not checked, because they cannot wrap: % (MinInt % -1 is 0, its
// mathematical value), >>, the bitwise operators &, |, ^, &^ and unary ^
// (they are defined on bits, and every result is a value of the type),
// and comparisons. Constant expressions are evaluated exactly by the
// compiler, which rejects overflowing ones; operations the SSA builder
// makes up without a source position (a range loop's index) are not
// written by the user and cannot wrap. Only the functions lowered with
// emit set are checked: an operation of a function called from a clause
// wraps as Go says, and is no panic.
//
// The checked functions are the target and, with --overflow, every
// function of the loaded packages it inlines; with the directive alone,
// only the function that carries it. An overflow is treated like a
// panic: the obligation asks that it does not happen, and the lowering
// continues under the assumption that it did not. Confirmation
// (confirm_overflow.go) instruments the same operations in the compiled
// Go, so that a counterexample is confirmed only when Go wraps there.

// checksOverflow reports whether the operations of fn are checked for
// overflow.
func (p *Program) checksOverflow(fn *gossa.Function) bool {
	if p.Overflow {
		return true
	}
	if o := fn.Origin(); o != nil {
		fn = o
	}
	decl, ok := fn.Syntax().(*ast.FuncDecl)
	return ok && specs.HasNoOverflow(decl)
}

// checkOverflow reports whether the frame's operation at pos gets an
// overflow obligation.
func (f *frame) checkOverflow(pos token.Pos) bool {
	return f.emit && pos.IsValid() && f.l.overflow != nil && f.l.overflow(f.fn)
}

// overflowOp reports whether exec must lower instr in program order for
// its overflow obligation.
func (f *frame) overflowOp(instr gossa.Instruction) bool {
	if !f.checkOverflow(instr.Pos()) {
		return false
	}
	switch in := instr.(type) {
	case *gossa.BinOp:
		switch in.Op {
		case token.ADD, token.SUB, token.MUL, token.QUO, token.SHL:
			_, ok := intTypeOf(in.X.Type())
			return ok
		}
	case *gossa.UnOp:
		_, ok := intTypeOf(in.X.Type())
		return in.Op == token.SUB && ok
	case *gossa.Convert:
		_, ok1 := intTypeOf(in.X.Type())
		_, ok2 := intTypeOf(in.Type())
		return ok1 && ok2
	}
	return false
}

// overflowHazard is the hazard that a wraps: when is the condition under
// which the operation's mathematical result differs from Go's.
func overflowHazard(what string, when *smt.Term) []hazard {
	if when.IsFalse() {
		return nil
	}
	return []hazard{{kind: Overflow, when: when, msg: what}}
}

// widen widens x of type it by n bits, keeping its value.
func widen(x *smt.Term, it intType, n int) *smt.Term {
	if it.signed {
		return smt.SignExt(n, x)
	}
	return smt.ZeroExt(n, x)
}

// binaryOverflow is the overflow hazard of x op y of type xt (for <<, y
// has type yt), whose Go value is v.
func binaryOverflow(op token.Token, x, y, v *smt.Term, xt, yt types.Type) []hazard {
	it, ok := intTypeOf(xt)
	if !ok {
		return nil
	}
	what := fmt.Sprintf("%s on %s", op, basicName(xt))
	switch op {
	case token.ADD, token.SUB:
		// Computed one bit wider, the result does not wrap.
		wide := smt.BVAdd(widen(x, it, 1), widen(y, it, 1))
		if op == token.SUB {
			wide = smt.BVSub(widen(x, it, 1), widen(y, it, 1))
		}
		return overflowHazard(what, smt.Not(smt.Eq(wide, widen(v, it, 1))))
	case token.MUL:
		wide := smt.BVMul(widen(x, it, it.width), widen(y, it, it.width))
		return overflowHazard(what, smt.Not(smt.Eq(wide, widen(v, it, it.width))))
	case token.QUO:
		if !it.signed {
			return nil
		}
		minInt := smt.BVBig(it.width, minValue(it))
		return overflowHazard(what, smt.And(smt.Eq(x, minInt), smt.Eq(y, smt.BVInt(it.width, -1))))
	case token.SHL:
		ct, ok := intTypeOf(yt)
		if !ok {
			return nil
		}
		// Shifting back recovers x exactly when no bit that counts was
		// lost; a count at or past the width gives 0, which recovers
		// only x == 0.
		back, _ := shift(token.SHR, v, y, it, ct)
		return overflowHazard(what, smt.Not(smt.Eq(back, x)))
	}
	return nil
}

// negOverflow is the overflow hazard of -x of type t.
func negOverflow(x *smt.Term, t types.Type) []hazard {
	it, ok := intTypeOf(t)
	if !ok {
		return nil
	}
	what := "- (negation) on " + basicName(t)
	if it.signed {
		return overflowHazard(what, smt.Eq(x, smt.BVBig(it.width, minValue(it))))
	}
	return overflowHazard(what, smt.Not(smt.Eq(x, smt.BVInt(it.width, 0))))
}

// convertOverflow is the overflow hazard of converting x from one integer
// type to another: the result, converted back, is not x, or the sign
// changed.
func convertOverflow(x *smt.Term, ft, tt types.Type) []hazard {
	from, ok1 := intTypeOf(ft)
	to, ok2 := intTypeOf(tt)
	if !ok1 || !ok2 {
		return nil
	}
	if from == to || (to.width > from.width && (to.signed || !from.signed)) {
		return nil // every value fits
	}
	r := convert(x, from, to)
	when := smt.Not(smt.Eq(convert(r, to, from), x))
	switch {
	case from.signed && !to.signed:
		when = smt.Or(when, smt.BVSlt(x, smt.BVInt(from.width, 0)))
	case !from.signed && to.signed:
		when = smt.Or(when, smt.BVSlt(r, smt.BVInt(to.width, 0)))
	}
	return overflowHazard(fmt.Sprintf("conversion from %s to %s", basicName(ft), basicName(tt)), when)
}

// minValue is the least value of a signed type, as an unsigned pattern.
func minValue(it intType) *big.Int {
	return new(big.Int).Lsh(big.NewInt(1), uint(it.width-1))
}

// basicName is the name of t's underlying basic type: int32 for a
// type MyInt int32.
func basicName(t types.Type) string {
	if b, ok := t.Underlying().(*types.Basic); ok {
		return b.Name()
	}
	return t.String()
}
