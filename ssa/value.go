package ssa

import (
	"fmt"
	"go/constant"
	"go/token"
	"go/types"
	"math/big"

	gossa "golang.org/x/tools/go/ssa"

	"github.com/vsynth/vsynth/smt"
)

// value returns the term for an SSA value, lowering pure instructions on
// first use. Instructions that may panic are lowered by exec in program
// order, and their hazards become obligations there.
func (f *frame) value(v gossa.Value) (*smt.Term, error) {
	s, inner := f.owner(f.cur, v)
	if t, ok := s.vals[v]; ok {
		return t, nil
	}
	saved := f.cur
	f.cur = s
	defer func() { f.cur = saved }()
	var t *smt.Term
	var err error
	if inner != nil {
		t, err = f.escaping(s, inner, v)
	} else {
		t, err = f.lowerValue(v)
	}
	if err != nil {
		return nil, err
	}
	s.vals[v] = t
	return t, nil
}

// tuple returns the terms of a multi-valued call.
func (f *frame) tuple(v gossa.Value) ([]*smt.Term, bool) {
	s, inner := f.owner(f.cur, v)
	if inner != nil {
		return nil, false // only read through Extract, in the same region
	}
	ts, ok := s.tuples[v]
	return ts, ok
}

func (f *frame) lowerValue(v gossa.Value) (*smt.Term, error) {
	if t, ok, err := f.heapValue(v); ok {
		return t, err
	}
	if t, ok, err := f.stringValue(v); ok {
		return t, err
	}
	if t, ok, err := f.mapValue(v); ok {
		return t, err
	}
	if t, ok, err := f.funcValueOf(v); ok {
		return t, err
	}
	if t, ok, err := f.recoverValue(v); ok {
		return t, err
	}
	switch v := v.(type) {
	case *gossa.Const:
		return constTerm(v.Value, v.Type(), v.Pos())
	case *gossa.Phi:
		return f.phi(v)
	case *gossa.UnOp:
		if _, ok := sortOf(v.Type()); !ok {
			return nil, unsupported(v.Pos(), "operator %s on values of type %s", v.Op, v.X.Type())
		}
		x, err := f.value(v.X)
		if err != nil {
			return nil, err
		}
		t, err := unary(v.Op, x)
		if err != nil {
			return nil, unsupported(v.Pos(), "%v", err)
		}
		if v.Op == token.SUB && f.checkOverflow(v.Pos()) {
			f.require(v.Pos(), negOverflow(x, v.X.Type()))
		}
		return t, nil
	case *gossa.MakeInterface:
		return f.makeInterface(v)
	case *gossa.ChangeInterface:
		return f.value(v.X)
	case *gossa.BinOp:
		if isInterface(v.X.Type()) || isInterface(v.Y.Type()) {
			return f.ifaceBinOp(v)
		}
		x, err := f.value(v.X)
		if err != nil {
			return nil, err
		}
		y, err := f.value(v.Y)
		if err != nil {
			return nil, err
		}
		t, hz, err := binary(v.Op, x, y, v.X.Type(), v.Y.Type())
		if err != nil {
			return nil, unsupported(v.Pos(), "%v", err)
		}
		if v.Op == token.QUO || v.Op == token.REM {
			it, _ := intTypeOf(v.X.Type())
			f.l.divided(x, y, it.signed)
		}
		f.require(v.Pos(), hz)
		if f.checkOverflow(v.Pos()) {
			f.require(v.Pos(), binaryOverflow(v.Op, x, y, t, v.X.Type(), v.Y.Type()))
		}
		return t, nil
	case *gossa.Convert:
		t, err := f.convert(v.X, v.Type(), v.Pos())
		if err == nil && f.checkOverflow(v.Pos()) {
			x, _ := f.value(v.X)
			f.require(v.Pos(), convertOverflow(x, v.X.Type(), v.Type()))
		}
		return t, err
	case *gossa.ChangeType:
		return f.convert(v.X, v.Type(), v.Pos())
	case *gossa.Extract:
		if _, err := f.value(v.Tuple); err != nil {
			return nil, err
		}
		ts, ok := f.tuple(v.Tuple)
		if !ok || v.Index >= len(ts) {
			return nil, fmt.Errorf("internal error: extract #%d of %s", v.Index, v.Tuple.Name())
		}
		return ts[v.Index], nil
	case *gossa.Parameter:
		return nil, fmt.Errorf("internal error: unbound parameter %s", v.Name())
	case *gossa.Call:
		return nil, fmt.Errorf("internal error: call %s used before it was lowered", v.Name())
	case gossa.Instruction:
		return nil, unsupported(v.Pos(), "%s", describe(v))
	case *gossa.Global:
		return f.l.globalAddr(v, token.NoPos, f.l.homePkg) // globals.go
	case *gossa.Function:
		return nil, unsupported(v.Pos(), "function value %s", v.Name())
	}
	return nil, unsupported(v.Pos(), "value %s of type %s", v.Name(), v.Type())
}

// convert is a conversion or type change between integer or boolean types.
func (f *frame) convert(x gossa.Value, to types.Type, pos token.Pos) (*smt.Term, error) {
	from := x.Type()
	switch {
	case isBool(from) && isBool(to):
		return f.value(x)
	case types.Identical(from.Underlying(), to.Underlying()) && !isInteger(from):
		// A change between types of one underlying type (a named slice
		// and its []T, sort.IntSlice(a)): the value's layout follows the
		// underlying type, so the term is the same.
		fs, ok1 := sortOf(from)
		ts, ok2 := sortOf(to)
		if ok1 && ok2 && fs == ts {
			return f.value(x)
		}
	}
	fi, ok1 := intTypeOf(from)
	ti, ok2 := intTypeOf(to)
	if !ok1 || !ok2 {
		return nil, unsupported(pos, "conversion from %s to %s", from, to)
	}
	t, err := f.value(x)
	if err != nil {
		return nil, err
	}
	return convert(t, fi, ti), nil
}

// phi selects the value of the edge control arrived by. The phis of a
// loop header are set by the loop's lowering.
func (f *frame) phi(p *gossa.Phi) (*smt.Term, error) {
	if s := f.cur; s.loop != nil && p.Block() == s.loop.header {
		return nil, fmt.Errorf("internal error: phi %s of a loop header lowered on demand", p.Name())
	}
	v, err := f.merge(p, f.incomings(f.cur, p.Block(), nil))
	if err != nil {
		return nil, err
	}
	if v == nil {
		return nil, fmt.Errorf("internal error: phi %s without reachable edges", p.Name())
	}
	return v, nil
}

// merge is the value of phi p when control arrives along one of ins: nil
// when ins is empty.
func (f *frame) merge(p *gossa.Phi, ins []incoming) (*smt.Term, error) {
	b := p.Block()
	var v *smt.Term
	for i := len(ins) - 1; i >= 0; i-- {
		in := ins[i]
		x, err := f.valueIn(in.from, p.Edges[in.k])
		if err != nil {
			return nil, err
		}
		if v == nil {
			v = x
			continue
		}
		e, err := f.edge(in, b)
		if err != nil {
			return nil, err
		}
		v = smt.Ite(e, x, v)
	}
	return v, nil
}

// constTerm is the term of a Go constant of type t.
func constTerm(c constant.Value, t types.Type, pos token.Pos) (*smt.Term, error) {
	if c == nil && isInterface(t) {
		return nilIface(), nil
	}
	if c == nil { // nil, or the zero value of a struct or array
		lay, err := layoutOf(t)
		if err != nil {
			return nil, unsupported(pos, "constant of %v", err)
		}
		return zeroValue(lay), nil
	}
	if isBool(t) {
		return smt.Bool(constant.BoolVal(c)), nil
	}
	it, ok := intTypeOf(t)
	if !ok {
		return nil, unsupported(pos, "constant of type %s", t)
	}
	i := constant.ToInt(c)
	if i.Kind() != constant.Int {
		return nil, unsupported(pos, "constant %s of type %s", c, t)
	}
	var v *big.Int
	switch x := constant.Val(i).(type) {
	case int64:
		v = big.NewInt(x)
	case *big.Int:
		v = x
	default:
		return nil, unsupported(pos, "constant %s", c)
	}
	return smt.BVBig(it.width, v), nil
}

// callInstr lowers a call: math/bits is modelled, builtins min and max are
// lowered directly, and functions of the module are inlined.
func (f *frame) callInstr(c *gossa.Call) error {
	common := c.Common()
	if callee, ok := common.Value.(*gossa.Function); ok {
		if r, ok, err := f.stdlibError(callee, c); ok {
			if err != nil {
				return err
			}
			f.setResults(c, r)
			return nil
		}
	}
	if common.IsInvoke() {
		results, err := f.invoke(c)
		if err != nil {
			return err
		}
		f.setResults(c, results)
		return nil
	}
	args := make([]*smt.Term, len(common.Args))
	for i, a := range common.Args {
		t, err := f.value(a)
		if err != nil {
			return err
		}
		args[i] = t
	}
	var results []*smt.Term
	switch callee := common.Value.(type) {
	case *gossa.Builtin:
		if callee.Name() == "recover" { // defer.go
			if err := recoverUsesModelled(c); err != nil {
				return err
			}
			f.cur.vals[c] = f.recoverCall()
			return nil
		}
		if r, ok, err := f.sliceBuiltin(callee.Name(), common.Args, c.Pos()); ok {
			if err != nil {
				return err
			}
			f.cur.vals[c] = r
			return nil
		}
		r, err := builtinCall(callee.Name(), common.Args, args, c.Pos())
		if err != nil {
			return err
		}
		results = []*smt.Term{r}
	case *gossa.Function:
		if r, ok, err := f.stdlibGeneric(callee, c, args); ok {
			if err != nil {
				return err
			}
			results = r
			break
		}
		r, err := f.callFunction(callee, nil, args, c.Pos())
		if err != nil {
			return err
		}
		results = r
	default:
		fv, err := f.value(common.Value)
		if err != nil {
			return err
		}
		r, err := f.callValue(c.Pos(), fv, args, common.Signature().Results())
		if err != nil {
			return err
		}
		results = r
	}
	f.setResults(c, results)
	return nil
}

// setResults binds the results of call c.
func (f *frame) setResults(c *gossa.Call, results []*smt.Term) {
	switch len(results) {
	case 0:
	case 1:
		f.cur.vals[c] = results[0]
	default:
		f.cur.tuples[c] = results
		f.cur.vals[c] = smt.True() // placeholder: tuples are read through Extract
	}
}

// callFunction lowers a call of callee, whose free variables hold free:
// math/bits is modelled, a function with a contract is called by its
// contract, and the others of the module are inlined.
func (f *frame) callFunction(callee *gossa.Function, free, args []*smt.Term, pos token.Pos) ([]*smt.Term, error) {
	if len(free) == 0 && callee.Pkg != nil && callee.Pkg.Pkg.Path() == "math/bits" && callee.Signature.Recv() == nil {
		r, hz, err := bitsCall(callee.Name(), args)
		if err != nil {
			return nil, unsupported(pos, "%v", err)
		}
		f.require(pos, hz)
		return r, nil
	}
	if t := f.l.contract(callee); t != nil && len(free) == 0 && !f.l.unfolds(t) && !(f.l.passesKnownFunc(callee, args) && f.l.inlinable(callee)) {
		return f.callContract(t, args, pos)
	}
	if !f.l.inlinable(callee) {
		return nil, unsupported(pos, "call to %s", callee.String())
	}
	f.l.via = append(f.l.via, pos)
	r, normal, mem, err := f.l.callWith(callee, free, args, f.guard, f.mem, f.emit)
	f.l.via = f.l.via[:len(f.l.via)-1]
	if err != nil {
		return nil, err
	}
	f.guard, f.mem = normal, mem
	return r, nil
}

// builtinCall lowers the builtins vsynth models on integers.
func builtinCall(name string, vals []gossa.Value, args []*smt.Term, pos token.Pos) (*smt.Term, error) {
	switch name {
	case "len", "cap":
		if name == "len" && isString(vals[0].Type()) {
			return builtinLenString(args[0]), nil
		}
		if _, ok := vals[0].Type().Underlying().(*types.Slice); ok {
			_, length, capacity := sliceParts(args[0])
			if name == "len" {
				return length, nil
			}
			return capacity, nil
		}
	case "min", "max":
		it, ok := intTypeOf(vals[0].Type())
		if !ok {
			return nil, unsupported(pos, "builtin %s on %s", name, vals[0].Type())
		}
		return minMax(name, args, it), nil
	}
	return nil, unsupported(pos, "builtin %s", name)
}

// minMax is Go's min or max of integers.
func minMax(name string, args []*smt.Term, it intType) *smt.Term {
	r := args[0]
	for _, a := range args[1:] {
		less := compare(token.LSS, a, r, it.signed)
		if name == "max" {
			less = compare(token.GTR, a, r, it.signed)
		}
		r = smt.Ite(less, a, r)
	}
	return r
}
