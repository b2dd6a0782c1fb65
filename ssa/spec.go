package ssa

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	gossa "golang.org/x/tools/go/ssa"

	"github.com/vsynth/vsynth/smt"
	"github.com/vsynth/vsynth/specs"
)

// specLowering lowers the clauses of a checked spec to terms. A clause
// means what the same Go expression means: its operators go through the
// same semantics as function bodies, and calls to functions of the module
// are inlined through the same lowering.
type specLowering struct {
	l       *lowering
	prog    *gossa.Program
	spec    *specs.Checked
	params  []*smt.Term
	results []*smt.Term
	bound   map[types.Object]*smt.Term
	mem     memory // the memory the clause reads
	pre     memory // the memory on entry, which old(...) reads
	// entry, for a ghost line (ghost.go), holds per parameter of spec the
	// value on entry of the function's parameter it names, nil for other
	// locals: old(...) reads them.
	entry []*smt.Term
	// old, in a loop invariant, gives per parameter of the clause the
	// value it denotes inside old(...): a parameter of the function its
	// value on entry, another variable its current value (marked in
	// oldLocal); nil outside invariants (invariant_old.go).
	old      []*smt.Term
	oldLocal []bool
	inOld    bool
	// quantified counts the quantifiers around the expression being
	// lowered: lemmas about terms over bound variables cannot be stated
	// outside them.
	quantified int
	// cond is the condition under which Go evaluates the expression being
	// lowered (the operands of && and || short-circuit); nil is true.
	cond *smt.Term
	// wrote counts the calls whose writes (to memory they allocated) the
	// clause's memory carries on.
	wrote int
}

// evaluated is the condition under which the expression being lowered is
// evaluated.
func (s *specLowering) evaluated() *smt.Term {
	if s.cond == nil {
		return smt.True()
	}
	return s.cond
}

// under lowers e as evaluated only when c holds (and the enclosing
// expression is evaluated).
func (s *specLowering) under(c *smt.Term, e ast.Expr) (*smt.Term, *smt.Term, error) {
	saved := s.cond
	s.cond = smt.And(s.evaluated(), c)
	defer func() { s.cond = saved }()
	return s.expr(e)
}

// clause returns the value of e and the condition under which evaluating
// it does not panic.
func (s *specLowering) clause(e ast.Expr) (val, defined *smt.Term, err error) {
	return s.expr(e)
}

func (s *specLowering) info() *types.Info { return s.spec.Info }

func (s *specLowering) expr(e ast.Expr) (*smt.Term, *smt.Term, error) {
	tv, ok := s.info().Types[e]
	if !ok {
		return nil, nil, unsupported(e.Pos(), "untyped spec expression")
	}
	if tv.Value != nil && tv.Value.Kind() == constant.String {
		return s.stringSpecConst(tv.Value), smt.True(), nil
	}
	if s.spec.IsMathInt(tv.Type) {
		// Only arithmetic and comparisons take a mathint (spec_mathint.go).
		return nil, nil, unsupported(e.Pos(), "mathint value where a Go value is needed")
	}
	if tv.Value != nil {
		t, err := constTerm(tv.Value, specType(tv.Type), e.Pos())
		return t, smt.True(), err
	}
	if v, d, ok, err := s.heapExpr(e); ok {
		return v, d, err
	}
	switch e := e.(type) {
	case *ast.ParenExpr:
		return s.expr(e.X)
	case *ast.Ident:
		t, err := s.ident(e)
		return t, smt.True(), err
	case *ast.UnaryExpr:
		x, d, err := s.expr(e.X)
		if err != nil {
			return nil, nil, err
		}
		if _, ok := sortOf(tv.Type); !ok {
			return nil, nil, unsupported(e.Pos(), "operator %s on %s", e.Op, tv.Type)
		}
		t, err := unary(e.Op, x)
		if err != nil {
			return nil, nil, unsupported(e.Pos(), "%v", err)
		}
		return t, d, nil
	case *ast.BinaryExpr:
		return s.binary(e)
	case *ast.CallExpr:
		return s.call(e)
	case *ast.SliceExpr:
		if isString(tv.Type) {
			return s.sliceString(e)
		}
	}
	return nil, nil, unsupported(e.Pos(), "spec expression %T", e)
}

// specType maps an untyped constant's default type; typed types pass.
func specType(t types.Type) types.Type {
	if b, ok := t.(*types.Basic); ok && b.Info()&types.IsUntyped != 0 {
		switch {
		case b.Info()&types.IsBoolean != 0:
			return types.Typ[types.Bool]
		case b.Kind() == types.UntypedRune:
			return types.Typ[types.Int32]
		case b.Info()&types.IsInteger != 0:
			return types.Typ[types.Int]
		}
	}
	return t
}

func isUntyped(t types.Type) bool {
	b, ok := t.(*types.Basic)
	return ok && b.Info()&types.IsUntyped != 0
}

func (s *specLowering) ident(id *ast.Ident) (*smt.Term, error) {
	obj := s.info().Uses[id]
	v, ok := obj.(*types.Var)
	if !ok {
		return nil, unsupported(id.Pos(), "identifier %s in a spec", id.Name)
	}
	if t, ok := s.bound[v]; ok {
		return t, nil
	}
	if i, ok := s.spec.ParamIndex(v); ok {
		if err := s.oldLocalUse(id, v, i); err != nil {
			return nil, err
		}
		if s.params[i] == nil {
			return nil, unsupported(id.Pos(), "variable %s has no value here (old(...) of a local that is not a parameter)", id.Name)
		}
		return s.params[i], nil
	}
	if i, ok := s.spec.ResultIndex(v); ok {
		if s.results == nil {
			return nil, unsupported(id.Pos(), "result %s in a requires clause", id.Name)
		}
		return s.results[i], nil
	}
	if t, ok, err := s.specGlobal(v, id.Pos()); ok { // globals.go
		return t, err
	}
	return nil, unsupported(id.Pos(), "variable %s in a spec", id.Name)
}

func (s *specLowering) binary(e *ast.BinaryExpr) (*smt.Term, *smt.Term, error) {
	if s.info().Types[e.Y].IsNil() || s.info().Types[e.X].IsNil() {
		return s.nilCompare(e)
	}
	if s.isMathInt(e.X) || s.isMathInt(e.Y) {
		return s.mathCompare(e)
	}
	if s.isMultiset(e.X) {
		return s.msetCompare(e)
	}
	x, dx, err := s.expr(e.X)
	if err != nil {
		return nil, nil, err
	}
	switch e.Op {
	case token.LAND: // y is evaluated only when x holds
		y, dy, err := s.under(x, e.Y)
		if err != nil {
			return nil, nil, err
		}
		return smt.And(x, y), smt.And(dx, smt.Implies(x, dy)), nil
	case token.LOR:
		y, dy, err := s.under(smt.Not(x), e.Y)
		if err != nil {
			return nil, nil, err
		}
		return smt.Or(x, y), smt.And(dx, smt.Implies(smt.Not(x), dy)), nil
	}
	y, dy, err := s.expr(e.Y)
	if err != nil {
		return nil, nil, err
	}
	xt := specType(s.info().Types[e.X].Type)
	yt := specType(s.info().Types[e.Y].Type)
	if isUntyped(s.info().Types[e.Y].Type) && (e.Op == token.SHL || e.Op == token.SHR) {
		// An untyped constant shift count must be representable as a uint.
		yt = types.Typ[types.Uint]
	}
	if isString(xt) {
		t, err := s.stringBinary(e, x, y)
		return t, smt.And(dx, dy), err
	}
	if isInterface(xt) || isInterface(yt) {
		return s.ifaceBinary(e, x, y, xt, yt, smt.And(dx, dy))
	}
	t, hz, err := binary(e.Op, x, y, xt, yt)
	if err != nil {
		return nil, nil, unsupported(e.OpPos, "%v", err)
	}
	if (e.Op == token.QUO || e.Op == token.REM) && s.quantified == 0 {
		it, _ := intTypeOf(xt)
		s.l.divided(x, y, it.signed)
	}
	d := smt.And(dx, dy)
	for _, h := range hz {
		d = smt.And(d, smt.Not(h.when))
	}
	return t, d, nil
}

func (s *specLowering) call(e *ast.CallExpr) (*smt.Term, *smt.Term, error) {
	info := s.info()
	if tv := info.Types[e.Fun]; tv.IsType() {
		return s.conversion(e, tv.Type)
	}
	if id, ok := ast.Unparen(e.Fun).(*ast.Ident); ok {
		if forall, ok := s.spec.Quantifier(info.Uses[id]); ok {
			return s.quantifier(forall, e)
		}
		if b, ok := info.Uses[id].(*types.Builtin); ok {
			if v, d, ok, err := s.sliceLenCap(b.Name(), e); ok {
				return v, d, err
			}
			return s.builtin(b.Name(), e)
		}
	}
	if v, d, ok, err := s.ifaceMethodCall(e); ok { // ifaces_spec_call.go
		return v, d, err
	}
	fn, recv, err := s.calledMethod(e)
	if err != nil {
		return nil, nil, err
	}
	if fn == nil {
		fn = calledFunc(info, e.Fun)
	}
	if fn == nil {
		return nil, nil, unsupported(e.Pos(), "call in a spec")
	}
	if s.spec.IsOld(fn) {
		return s.oldCall(e)
	}
	if s.spec.IsHas(fn) {
		return s.hasCall(e)
	}
	if v, d, ok, err := s.seqCall(fn, recv, e); ok {
		return v, d, err
	}
	operands := e.Args
	if recv != nil {
		operands = append([]ast.Expr{recv}, e.Args...)
	}
	args, d, err := s.exprs(operands)
	if err != nil {
		return nil, nil, err
	}
	if fn.Pkg() != nil && fn.Pkg().Path() == "math/bits" {
		rs, hz, err := bitsCall(fn.Name(), args)
		if err != nil {
			return nil, nil, unsupported(e.Pos(), "%v", err)
		}
		if len(rs) != 1 {
			return nil, nil, unsupported(e.Pos(), "multi-valued call in a spec")
		}
		for _, h := range hz {
			d = smt.And(d, smt.Not(h.when))
		}
		return rs[0], d, nil
	}
	callee, err := s.specCallee(fn, e)
	if err != nil {
		return nil, nil, err
	}
	if v, d2, ok, err := s.stdlibClauseCall(fn, args, e); ok { // stdlib_contracts.go
		return v, smt.And(d, d2), err
	}
	if callee == nil || !s.l.inlinable(callee) {
		return nil, nil, unsupported(e.Pos(), "call to %s in a spec", fn.FullName())
	}
	if t := s.l.pureContract(callee); t != nil && s.quantified == 0 {
		// A pure function with ensures clauses is known by them (pure.go).
		v, dc, err := s.byPureContract(t, args, e)
		if err != nil {
			return nil, nil, err
		}
		return v, smt.And(d, dc), nil
	}
	// The body is inlined (a contract, which says nothing of memory, would
	// not do), entered when Go evaluates the call.
	s.l.inClause++
	rs, normal, mem, err := s.l.call(callee, args, s.evaluated(), s.mem, false)
	s.l.inClause--
	if err != nil {
		return nil, nil, err
	}
	if err := s.l.clauseCallWrites(callee, e.Pos()); err != nil {
		return nil, nil, err
	}
	if s.l.effectsOf(callee).any {
		// It wrote only memory it allocated, which what it returns may
		// lead to: the rest of the clause reads it (clausecalls.go).
		s.mem = mem
		s.wrote++
	}
	if len(rs) != 1 {
		return nil, nil, unsupported(e.Pos(), "multi-valued call in a spec")
	}
	return rs[0], smt.And(d, normal), nil
}

func (s *specLowering) exprs(es []ast.Expr) ([]*smt.Term, *smt.Term, error) {
	var ts []*smt.Term
	d := smt.True()
	for _, a := range es {
		t, da, err := s.expr(a)
		if err != nil {
			return nil, nil, err
		}
		ts = append(ts, t)
		d = smt.And(d, da)
	}
	return ts, d, nil
}

// calledFunc is the function a call expression names statically.
func calledFunc(info *types.Info, fun ast.Expr) *types.Func {
	switch f := ast.Unparen(fun).(type) {
	case *ast.Ident:
		fn, _ := info.Uses[f].(*types.Func)
		return fn
	case *ast.SelectorExpr:
		fn, _ := info.Uses[f.Sel].(*types.Func)
		if sel, ok := info.Selections[f]; ok && sel.Kind() != types.MethodExpr {
			return nil // method values need a receiver: not modelled in specs yet
		}
		return fn
	}
	return nil
}

func (s *specLowering) conversion(e *ast.CallExpr, to types.Type) (*smt.Term, *smt.Term, error) {
	if len(e.Args) != 1 {
		return nil, nil, unsupported(e.Pos(), "conversion")
	}
	x, d, err := s.expr(e.Args[0])
	if err != nil {
		return nil, nil, err
	}
	from := specType(s.info().Types[e.Args[0]].Type)
	if isBool(from) && isBool(to) {
		return x, d, nil
	}
	fi, ok1 := intTypeOf(from)
	ti, ok2 := intTypeOf(to)
	if !ok1 || !ok2 {
		return nil, nil, unsupported(e.Pos(), "conversion from %s to %s", from, to)
	}
	return convert(x, fi, ti), d, nil
}

func (s *specLowering) builtin(name string, e *ast.CallExpr) (*smt.Term, *smt.Term, error) {
	switch name {
	case "min", "max":
		it, ok := intTypeOf(specType(s.info().Types[e].Type))
		if !ok {
			return nil, nil, unsupported(e.Pos(), "builtin %s on %s", name, s.info().Types[e].Type)
		}
		args, d, err := s.exprs(e.Args)
		if err != nil {
			return nil, nil, err
		}
		return minMax(name, args, it), d, nil
	}
	return nil, nil, unsupported(e.Pos(), "builtin %s in a spec", name)
}

// quantifier lowers the desugared forall/exists: a call of the marker
// function on a literal func(x T) bool { return body }.
func (s *specLowering) quantifier(forall bool, e *ast.CallExpr) (*smt.Term, *smt.Term, error) {
	lit, ok := e.Args[0].(*ast.FuncLit)
	if !ok || len(lit.Type.Params.List) != 1 || len(lit.Type.Params.List[0].Names) != 1 || len(lit.Body.List) != 1 {
		return nil, nil, unsupported(e.Pos(), "malformed quantifier")
	}
	ret, ok := lit.Body.List[0].(*ast.ReturnStmt)
	if !ok || len(ret.Results) != 1 {
		return nil, nil, unsupported(e.Pos(), "malformed quantifier")
	}
	name := lit.Type.Params.List[0].Names[0]
	obj := s.info().Defs[name]
	if s.spec.IsMathInt(obj.Type()) {
		return nil, nil, unsupported(name.Pos(), "quantifier over mathint")
	}
	sort, ok := sortOf(obj.Type())
	if !ok {
		return nil, nil, unsupported(name.Pos(), "quantifier over %s", obj.Type())
	}
	v := s.l.freshVar(name.Name, sort)
	if s.bound == nil {
		s.bound = make(map[types.Object]*smt.Term)
	}
	s.bound[obj] = v
	s.quantified++
	lemmas, slices, beyond := len(s.l.lemmas), len(s.l.loadedSlices), len(s.l.beyond)
	// What calls in the body allocate and write is per instance, and
	// unreachable once the body's boolean is computed: none of it, which
	// may mention v, outlives the binder.
	mem, allocOff := s.mem, s.l.allocOff
	body, d, err := s.expr(ret.Results[0])
	s.quantified--
	s.mem, s.l.allocOff = mem, allocOff
	if err != nil {
		return nil, nil, err
	}
	for _, b := range s.l.beyond[beyond:] {
		if mentions(b.when, v) {
			// Some instance may run the loop past the bound: which one
			// cannot be said outside the binder.
			b.when = smt.True()
		}
	}
	// What loads under the quantifier state of the entry memory
	// (loadValue) mentions v: true for every v, it becomes a hypothesis
	// under the binder, where the solver can use it for the skolem
	// constant, not a lemma about a free variable.
	var wf []*smt.Term
	kept := s.l.lemmas[:lemmas]
	for _, f := range s.l.lemmas[lemmas:] {
		if mentions(f, v) {
			wf = append(wf, f)
		} else {
			kept = append(kept, f)
		}
	}
	s.l.lemmas = kept
	short := s.l.loadedSlices[:slices]
	for _, x := range s.l.loadedSlices[slices:] {
		if !mentions(x, v) {
			short = append(short, x)
		}
	}
	s.l.loadedSlices = short
	if s.l.maps != nil { // no lemma about the entry of a bound key (maps.go)
		kept := s.l.maps.accesses[:0]
		for _, a := range s.l.maps.accesses {
			if !mentions(a.addr, v) && !mentions(a.key, v) {
				kept = append(kept, a)
			}
		}
		s.l.maps.accesses = kept
	}
	hyp := smt.And(wf...)
	vars := []*smt.Term{v}
	if forall {
		return smt.Forall(vars, smt.Implies(hyp, body)), smt.Forall(vars, smt.Implies(hyp, d)), nil
	}
	return smt.Exists(vars, smt.And(hyp, body)), smt.Forall(vars, smt.Implies(hyp, d)), nil
}
