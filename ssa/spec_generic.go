package ssa

import (
	"go/ast"
	"go/types"

	gossa "golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/ssa/ssautil"
)

// specCallee is the SSA function a clause's call of fn denotes. For a
// generic fn it is the instance at the type arguments the clause infers,
// which go/ssa has built only when the Go code instantiates fn the same
// way; otherwise the call is unsupported (a generic body is never lowered
// with its type parameters).
func (s *specLowering) specCallee(fn *types.Func, call *ast.CallExpr) (*gossa.Function, error) {
	callee := s.prog.FuncValue(fn)
	if callee == nil || callee.TypeParams().Len() == 0 {
		return callee, nil
	}
	var id *ast.Ident
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		id = f
	case *ast.SelectorExpr:
		id = f.Sel
	case *ast.IndexExpr:
		id, _ = ast.Unparen(f.X).(*ast.Ident)
	case *ast.IndexListExpr:
		id, _ = ast.Unparen(f.X).(*ast.Ident)
	}
	inst, ok := s.info().Instances[id]
	if id == nil || !ok {
		return nil, unsupported(call.Pos(), "call to generic function %s in a spec", fn.FullName())
	}
	for _, g := range s.l.instancesOf(callee) {
		if identicalTypeLists(g.TypeArgs(), inst.TypeArgs) {
			return g, nil
		}
	}
	return nil, unsupported(call.Pos(), "call to generic function %s in a spec at type arguments the Go code never uses", fn.FullName())
}

// instancesOf lists the instances of the generic function g that go/ssa
// built.
func (l *lowering) instancesOf(g *gossa.Function) []*gossa.Function {
	if l.instances == nil {
		l.instances = make(map[*gossa.Function][]*gossa.Function)
		for fn := range ssautil.AllFunctions(l.prog) {
			if o := fn.Origin(); o != nil {
				l.instances[o] = append(l.instances[o], fn)
			}
		}
	}
	return l.instances[g]
}

func identicalTypeLists(a []types.Type, b *types.TypeList) bool {
	if b == nil || len(a) != b.Len() {
		return false
	}
	for i, t := range a {
		if !types.Identical(t, b.At(i)) {
			return false
		}
	}
	return true
}
