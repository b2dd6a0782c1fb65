package ssa

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"sort"

	"golang.org/x/tools/go/packages"
	gossa "golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/ssa/ssautil"

	"github.com/vsynth/vsynth/specs"
)

// Generic functions are verified per instance: go/ssa (built with
// InstantiateGenerics) makes one function per type-argument list the
// loaded code uses, and each instance with a contract is a target of its
// own, named with its type arguments (p.Max[int8]). The contract is
// type-checked once against the generic signature (package specs); for an
// instance its types are substituted: every type parameter, found by the
// position of its declaration, becomes the instance's type argument. A
// generic body is never lowered with its type parameters. A generic
// function that no loaded code instantiates has nothing to verify and is
// unsupported, with that reason (generics_union.go adds instances for
// constraints that are finite unions of integer types).

// genericTargets adds a target for each instance of the generic function
// g whose contract is checked.
func (p *Program) genericTargets(pkg *packages.Package, fn *types.Func, g *gossa.Function, f *specs.Func, checked *specs.Checked) {
	insts := p.instances(g)
	if len(insts) == 0 {
		p.Targets = append(p.Targets, &Target{
			Name:        pkg.PkgPath + "." + funcName(fn),
			Short:       pkg.Name + "." + funcName(fn),
			Pos:         f.Decl.Pos(),
			Package:     pkg,
			Unsupported: &UnsupportedError{Pos: f.Decl.Pos(), What: "generic function that no loaded code instantiates (vsynth verifies each instance the program uses)"},
		})
		return
	}
	for _, inst := range insts {
		args := typeArgsText(inst.TypeArgs(), pkg.Types)
		t := &Target{
			Name:    pkg.PkgPath + "." + funcName(fn) + args,
			Short:   pkg.Name + "." + funcName(fn) + args,
			Pos:     f.Decl.Pos(),
			Func:    inst,
			Spec:    instanceSpec(checked, f.Decl, inst.TypeArgs()),
			Package: pkg,
		}
		p.Targets = append(p.Targets, t)
		if len(f.Clauses) > 0 || !f.NoOverflow {
			p.contracts[inst] = t
		}
	}
}

// instances lists the instances of g that go/ssa built, by name. An
// instance at type arguments that mention type parameters (FirstIs[T],
// which go/ssa makes for a call in another generic body) is left out: no
// program runs it, and the instances at the types that body is
// instantiated with are listed themselves.
func (p *Program) instances(g *gossa.Function) []*gossa.Function {
	if p.instancesOf == nil {
		p.instancesOf = map[*gossa.Function][]*gossa.Function{}
		for fn := range ssautil.AllFunctions(p.SSA) {
			if o := fn.Origin(); o != nil && len(fn.TypeArgs()) > 0 && !slices.ContainsFunc(fn.TypeArgs(), parameterized) {
				p.instancesOf[o] = append(p.instancesOf[o], fn)
			}
		}
		for _, list := range p.instancesOf {
			sort.Slice(list, func(i, j int) bool { return list[i].Name() < list[j].Name() })
		}
	}
	return p.instancesOf[g]
}

// typeArgsText writes type arguments as the instance's name shows them:
// [int8], [MyInt, uint].
func typeArgsText(args []types.Type, pkg *types.Package) string {
	s := "["
	for i, a := range args {
		if i > 0 {
			s += ", "
		}
		s += types.TypeString(a, types.RelativeTo(pkg))
	}
	return s + "]"
}

// instanceSpec is the contract checked against a generic signature with
// the type parameters declared in decl replaced by args: a copy whose
// type information has the instance's types.
func instanceSpec(c *specs.Checked, decl *ast.FuncDecl, args []types.Type) *specs.Checked {
	byPos := map[token.Pos]types.Type{}
	i := 0
	for _, field := range decl.Type.TypeParams.List {
		for _, name := range field.Names {
			if i < len(args) {
				byPos[name.Pos()] = args[i]
			}
			i++
		}
	}
	return substituted(c, &substituter{byPos: byPos})
}

// instanceLoopSpec is the clauses of a loop (invariants, a decreases
// measure) or a ghost line of fn, an instance of a generic function, with
// its type parameters (declared by package specs with the function's
// names) replaced by fn's type arguments.
func (l *lowering) instanceLoopSpec(c *specs.Checked, fn *gossa.Function) *specs.Checked {
	o := fn.Origin()
	if o == nil || len(fn.TypeArgs()) == 0 {
		return c
	}
	key := loopInstance{c, fn}
	if s, ok := l.loopInstances[key]; ok {
		return s
	}
	byName := map[string]types.Type{}
	for i := 0; i < o.TypeParams().Len() && i < len(fn.TypeArgs()); i++ {
		byName[o.TypeParams().At(i).Obj().Name()] = fn.TypeArgs()[i]
	}
	s := substituted(c, &substituter{byName: byName})
	if l.loopInstances == nil {
		l.loopInstances = map[loopInstance]*specs.Checked{}
	}
	l.loopInstances[key] = s
	return s
}

// loopInstance identifies a loop's invariants in one instance.
type loopInstance struct {
	c  *specs.Checked
	fn *gossa.Function
}

// substituted is c with its type information's types substituted.
func substituted(c *specs.Checked, sub *substituter) *specs.Checked {
	info := *c.Info
	info.Types = make(map[ast.Expr]types.TypeAndValue, len(c.Info.Types))
	for e, tv := range c.Info.Types {
		tv.Type = sub.typ(tv.Type)
		info.Types[e] = tv
	}
	info.Instances = make(map[*ast.Ident]types.Instance, len(c.Info.Instances))
	for id, in := range c.Info.Instances {
		var targs []types.Type
		for k := 0; k < in.TypeArgs.Len(); k++ {
			targs = append(targs, sub.typ(in.TypeArgs.At(k)))
		}
		info.Instances[id] = types.Instance{TypeArgs: newTypeList(targs), Type: sub.typ(in.Type)}
	}
	out := *c
	out.Info = &info
	return &out
}

// substituter replaces type parameters, identified by the position of
// their declaration or, when they have none (declared by package specs
// for a loop's invariants), by name, by types.
type substituter struct {
	byPos  map[token.Pos]types.Type
	byName map[string]types.Type
}

func (s *substituter) typ(t types.Type) types.Type {
	switch t := t.(type) {
	case *types.TypeParam:
		if a, ok := s.byPos[t.Obj().Pos()]; ok {
			return a
		}
		if a, ok := s.byName[t.Obj().Name()]; ok && !t.Obj().Pos().IsValid() {
			return a
		}
	case *types.Pointer:
		return types.NewPointer(s.typ(t.Elem()))
	case *types.Slice:
		return types.NewSlice(s.typ(t.Elem()))
	case *types.Array:
		return types.NewArray(s.typ(t.Elem()), t.Len())
	case *types.Map:
		return types.NewMap(s.typ(t.Key()), s.typ(t.Elem()))
	case *types.Tuple:
		if t == nil {
			return t
		}
		vars := make([]*types.Var, t.Len())
		for i := range vars {
			v := t.At(i)
			vars[i] = types.NewVar(v.Pos(), v.Pkg(), v.Name(), s.typ(v.Type()))
		}
		return types.NewTuple(vars...)
	case *types.Signature:
		if t.TypeParams().Len() > 0 {
			return t // a generic function value: instantiated where it is called
		}
		return types.NewSignatureType(nil, nil, nil, s.typ(t.Params()).(*types.Tuple), s.typ(t.Results()).(*types.Tuple), t.Variadic())
	case *types.Named:
		if t.TypeArgs().Len() == 0 {
			return t
		}
		var targs []types.Type
		for k := 0; k < t.TypeArgs().Len(); k++ {
			targs = append(targs, s.typ(t.TypeArgs().At(k)))
		}
		inst, err := types.Instantiate(nil, t.Origin(), targs, false)
		if err != nil {
			return t
		}
		return inst
	}
	return t
}

// newTypeList makes a *types.TypeList, which go/types builds only
// through an instantiation: of a generic type made for the purpose.
func newTypeList(args []types.Type) *types.TypeList {
	if len(args) == 0 {
		return nil
	}
	var tps []*types.TypeParam
	for i := range args {
		tn := types.NewTypeName(token.NoPos, nil, fmt.Sprintf("T%d", i), nil)
		tps = append(tps, types.NewTypeParam(tn, types.NewInterfaceType(nil, nil)))
	}
	named := types.NewNamed(types.NewTypeName(token.NoPos, nil, "typeList", nil), types.NewStruct(nil, nil), nil)
	named.SetTypeParams(tps)
	inst, err := types.Instantiate(nil, named, args, false)
	if err != nil {
		return nil
	}
	return inst.(*types.Named).TypeArgs()
}

// callName is how Go code calls fn: an instance with its type arguments
// written with qual (Max[int8]).
func callName(fn *gossa.Function, qual types.Qualifier) string {
	if o := fn.Origin(); o != nil && len(fn.TypeArgs()) > 0 {
		s := o.Name() + "["
		for i, a := range fn.TypeArgs() {
			if i > 0 {
				s += ", "
			}
			s += types.TypeString(a, qual)
		}
		return s + "]"
	}
	return fn.Name()
}

// clauseNamesTypeParam reports whether a clause of tg's contract names a
// type parameter (T(0)): the replay, outside the generic function,
// cannot.
func clauseNamesTypeParam(tg *Target) bool {
	if tg.Spec == nil {
		return false
	}
	found := false
	for _, c := range tg.Spec.Func.Clauses {
		if c.Expr == nil { // modifies nothing
			continue
		}
		ast.Inspect(c.Expr, func(n ast.Node) bool {
			id, ok := n.(*ast.Ident)
			if !ok {
				return !found
			}
			if tn, ok := tg.Spec.Info.Uses[id].(*types.TypeName); ok {
				if _, isTP := tn.Type().(*types.TypeParam); isTP {
					found = true
				}
			}
			return !found
		})
	}
	return found
}

// parameterized reports whether t mentions a type parameter.
func parameterized(t types.Type) bool {
	switch t := t.(type) {
	case *types.TypeParam:
		return true
	case *types.Pointer:
		return parameterized(t.Elem())
	case *types.Slice:
		return parameterized(t.Elem())
	case *types.Array:
		return parameterized(t.Elem())
	case *types.Chan:
		return parameterized(t.Elem())
	case *types.Map:
		return parameterized(t.Key()) || parameterized(t.Elem())
	case *types.Named:
		for i := 0; i < t.TypeArgs().Len(); i++ {
			if parameterized(t.TypeArgs().At(i)) {
				return true
			}
		}
		return false
	case *types.Struct:
		for i := 0; i < t.NumFields(); i++ {
			if parameterized(t.Field(i).Type()) {
				return true
			}
		}
		return false
	case *types.Tuple:
		for i := 0; i < t.Len(); i++ {
			if parameterized(t.At(i).Type()) {
				return true
			}
		}
		return false
	case *types.Signature:
		return parameterized(t.Params()) || parameterized(t.Results())
	case *types.Interface:
		for i := 0; i < t.NumMethods(); i++ {
			if parameterized(t.Method(i).Type()) {
				return true
			}
		}
		return false
	}
	return false
}
