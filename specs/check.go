package specs

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
)

// Names of the synthetic functions whose bodies hold the clauses while they
// are type-checked.
const (
	preName  = "__vsynth_pre"
	postName = "__vsynth_post"
	loopName = "__vsynth_loop"
)

// Checked is a spec whose clauses type-checked against the Go function.
type Checked struct {
	Func    *Func
	Info    *types.Info  // Types, Defs, Uses, Selections, ... for every clause expression
	Params  []*types.Var // the receiver (if any) then the parameters, as seen by ensures clauses
	Results []*types.Var // the named results, or "result", or "result0", "result1", ...

	preParams []*types.Var // the same parameters as seen by requires clauses
	variadic  bool         // whether the spec's last parameter is ...T

	old, forall, exists types.Object // the spec language's functions (helpers.go); old is nil when the package's own wins
	mathint             types.Object // the spec language's unbounded integer type (mathint.go); nil when the package's own wins
	has                 types.Object // the spec language's key presence test (has.go); nil when the package's own wins
	spkg                *types.Package
	mset, multiset      types.Object // the spec language's multisets (mset.go); nil when the package's own win
}

// ParamIndex returns the index in Params of a receiver or parameter
// variable used in any clause.
func (c *Checked) ParamIndex(v *types.Var) (int, bool) {
	if i, ok := indexOf(c.Params, v); ok {
		return i, true
	}
	return indexOf(c.preParams, v)
}

// ResultIndex returns the index in Results of a result variable used in an
// ensures clause.
func (c *Checked) ResultIndex(v *types.Var) (int, bool) {
	return indexOf(c.Results, v)
}

func indexOf(vars []*types.Var, v *types.Var) (int, bool) {
	for i, w := range vars {
		if w == v {
			return i, true
		}
	}
	return -1, false
}

// Check type-checks f's clauses against the Go function fn of package pkg.
// imp resolves the import paths named in f.Imports.
//
// The clauses are checked as the bodies of two synthetic functions,
// __vsynth_pre (with the parameters) and __vsynth_post (with the
// parameters and named results), declared in a shadow package that holds
// every object of pkg, so that package-level names resolve to pkg's own
// objects and unexported fields stay accessible. All errors are returned
// as an ErrorList.
func Check(fset *token.FileSet, pkg *types.Package, fn *types.Func, f *Func, imp types.Importer) (*Checked, error) {
	fnSig, err := checkable(fset, pkg, fn, f)
	if err != nil {
		return nil, err
	}
	errs := &errorCollector{fset: fset}
	if checkReserved(errs, pkg); errs.err() != nil {
		return nil, errs.err()
	}
	spkg := shadowPackage(pkg)
	file := synthFile(pkg, withImplicitImports(pkg, f), &synthBuilder{decl: f.Decl})
	info, err := typeCheck(fset, spkg, file, imp, f.Pos)
	if err != nil {
		return nil, err
	}
	pre, post := synthSignature(spkg, preName), synthSignature(spkg, postName)
	if pre == nil || post == nil {
		errs.add(f.Pos, "internal error: synthetic clause functions are missing")
		return nil, errs.err()
	}
	checked := &Checked{
		Func:      f,
		Info:      info,
		Params:    tupleVars(post.Params()),
		Results:   tupleVars(post.Results()),
		preParams: tupleVars(pre.Params()),
		variadic:  post.Variadic(),
		spkg:      spkg,
	}
	checked.helpers(pkg, spkg)
	checkClauseTypes(errs, spkg, info, f, checked.isParam)
	checkSignature(errs, pkg, fn, fnSig, f, checked)
	if err := errs.err(); err != nil {
		return nil, err
	}
	return checked, nil
}

// checkable rejects specs that Check cannot handle and returns fn's
// signature otherwise.
func checkable(fset *token.FileSet, pkg *types.Package, fn *types.Func, f *Func) (*types.Signature, error) {
	if pkg == nil || fn == nil || f == nil || f.Decl == nil || f.Decl.Type == nil {
		return nil, ErrorList{{Msg: "check needs a package, a function and a spec with its declaration"}}
	}
	errs := &errorCollector{fset: fset}
	fnSig, ok := fn.Type().(*types.Signature)
	if !ok {
		errs.add(f.Pos, fn.Name()+" is not a function")
		return nil, errs.err()
	}
	if fnSig.RecvTypeParams().Len() > 0 {
		errs.add(f.Pos, "method "+f.FullName()+" of a generic type is not supported in specs")
	}
	for _, c := range f.Clauses {
		if c.Kind != Requires && c.Kind != Ensures && c.Kind != Decreases && c.Kind != Panics && c.Kind != Modifies {
			errs.add(c.Pos, c.Kind.String()+" clause in a function spec: only requires, ensures, decreases, panics and modifies are checked here")
		}
	}
	b := &synthBuilder{decl: f.Decl}
	if name, clash := b.resultNameClash(); clash {
		errs.add(f.Pos, fmt.Sprintf("parameter %s hides the unnamed result of the same name; name the results", name))
	}
	return fnSig, errs.err()
}

// typeCheck runs go/types on the synthetic file in the shadow package and
// returns the hard errors; soft ones, such as unused imports, are dropped.
// Errors without a position are placed at fallback.
func typeCheck(fset *token.FileSet, spkg *types.Package, file *ast.File, imp types.Importer, fallback token.Pos) (*types.Info, error) {
	info := &types.Info{
		Types:      make(map[ast.Expr]types.TypeAndValue),
		Instances:  make(map[*ast.Ident]types.Instance),
		Defs:       make(map[*ast.Ident]types.Object),
		Uses:       make(map[*ast.Ident]types.Object),
		Implicits:  make(map[ast.Node]types.Object),
		Selections: make(map[*ast.SelectorExpr]*types.Selection),
		Scopes:     make(map[ast.Node]*types.Scope),
	}
	errs := &errorCollector{fset: fset}
	seen := make(map[string]bool)
	report := func(pos token.Pos, msg string) {
		if !pos.IsValid() {
			pos = fallback
		}
		// The parameter types are checked once per synthetic function;
		// report their errors once.
		key := fmt.Sprint(pos, msg)
		if !seen[key] {
			seen[key] = true
			errs.add(pos, msg)
		}
	}
	conf := &types.Config{
		Importer:                 imp,
		DisableUnusedImportCheck: true,
		Error: func(err error) {
			terr, ok := err.(types.Error)
			switch {
			case !ok:
				report(fallback, err.Error())
			case !terr.Soft:
				report(terr.Pos, terr.Msg)
			}
		},
	}
	// Errors arrive through conf.Error; the returned one repeats the first.
	_ = types.NewChecker(conf, fset, spkg, info).Files([]*ast.File{file})
	return info, errs.err()
}

// shadowPackage returns a package with pkg's path and name whose scope
// holds pkg's own objects.
func shadowPackage(pkg *types.Package) *types.Package {
	spkg := types.NewPackage(pkg.Path(), pkg.Name())
	scope := pkg.Scope()
	for _, name := range scope.Names() {
		spkg.Scope().Insert(scope.Lookup(name))
	}
	return spkg
}

func synthSignature(spkg *types.Package, name string) *types.Signature {
	fn, ok := spkg.Scope().Lookup(name).(*types.Func)
	if !ok {
		return nil
	}
	sig, _ := fn.Type().(*types.Signature)
	return sig
}

func tupleVars(t *types.Tuple) []*types.Var {
	vars := make([]*types.Var, t.Len())
	for i := range vars {
		vars[i] = t.At(i)
	}
	return vars
}

// synthBuilder makes the parameter and result lists of the synthetic
// functions from the spec's declaration. It makes fresh identifiers for
// every list, so that each is defined once, but shares the type
// expressions.
type synthBuilder struct {
	decl *ast.FuncDecl
}

// paramFields returns the receiver, if any, then the parameters. Unnamed
// ones are blank: a made-up name could be another parameter's (an unnamed
// receiver beside named parameters), and no clause can name them anyway.
func (b *synthBuilder) paramFields() []*ast.Field {
	var fields []*ast.Field
	add := func(list *ast.FieldList) {
		if list == nil {
			return
		}
		for _, field := range list.List {
			var names []*ast.Ident
			if len(field.Names) == 0 {
				names = []*ast.Ident{{NamePos: field.Type.Pos(), Name: "_"}}
			}
			for _, name := range field.Names {
				names = append(names, &ast.Ident{NamePos: name.NamePos, Name: name.Name})
			}
			fields = append(fields, &ast.Field{Names: names, Type: field.Type})
		}
	}
	add(b.decl.Recv)
	add(b.decl.Type.Params)
	return fields
}

// typeParamFields returns the function's type parameters, if any, with
// fresh identifiers.
func (b *synthBuilder) typeParamFields() *ast.FieldList {
	tps := b.decl.Type.TypeParams
	if tps == nil {
		return nil
	}
	out := &ast.FieldList{Opening: tps.Opening, Closing: tps.Closing}
	for _, field := range tps.List {
		var names []*ast.Ident
		for _, name := range field.Names {
			names = append(names, &ast.Ident{NamePos: name.NamePos, Name: name.Name})
		}
		out.List = append(out.List, &ast.Field{Names: names, Type: field.Type})
	}
	return out
}

// resultFields returns the results, named as written, or "result" for a
// single unnamed result, or "result0", "result1", ... for several.
func (b *synthBuilder) resultFields() []*ast.Field {
	results := b.decl.Type.Results
	if results == nil {
		return nil
	}
	unnamed := results.NumFields() > 0 && len(results.List[0].Names) == 0
	var fields []*ast.Field
	for i, field := range results.List {
		var names []*ast.Ident
		switch {
		case unnamed && results.NumFields() == 1:
			names = []*ast.Ident{{NamePos: field.Type.Pos(), Name: "result"}}
		case unnamed:
			names = []*ast.Ident{{NamePos: field.Type.Pos(), Name: "result" + strconv.Itoa(i)}}
		}
		for _, name := range field.Names {
			names = append(names, &ast.Ident{NamePos: name.NamePos, Name: name.Name})
		}
		fields = append(fields, &ast.Field{Names: names, Type: field.Type})
	}
	return fields
}

// resultNameClash reports a parameter whose name is taken by the made-up
// name of an unnamed result.
func (b *synthBuilder) resultNameClash() (string, bool) {
	taken := make(map[string]bool)
	results := b.decl.Type.Results
	if results == nil || results.NumFields() == 0 || len(results.List[0].Names) > 0 {
		return "", false
	}
	for _, field := range b.resultFields() {
		for _, name := range field.Names {
			taken[name.Name] = true
		}
	}
	for _, field := range b.paramFields() {
		for _, name := range field.Names {
			if taken[name.Name] {
				return name.Name, true
			}
		}
	}
	return "", false
}

// synthFile builds the file that go/types checks:
//
//	package NAME
//	import ... // the spec's imports
//	func __vsynth_forall[T any](f func(T) bool) bool { for {} }
//	func __vsynth_exists[T any](f func(T) bool) bool { for {} }
//	func __vsynth_pre(PARAMS) { _ = REQUIRES... }
//	func __vsynth_post(PARAMS) (RESULTS) { _ = ENSURES...; return }
//
// The results are named results of __vsynth_post rather than extra
// parameters, so that a variadic last parameter stays last.
func synthFile(pkg *types.Package, f *Func, b *synthBuilder) *ast.File {
	pkgName := pkg.Name()
	var imports []*ast.ImportSpec
	var specs []ast.Spec
	for _, spec := range f.Imports {
		if (spec.Name != nil && spec.Name.Name == "_") || spec.Path == nil || spec.Path.Value == `"C"` {
			continue
		}
		imports = append(imports, spec)
		specs = append(specs, spec)
	}
	var decls []ast.Decl
	if len(specs) > 0 {
		decls = append(decls, &ast.GenDecl{Tok: token.IMPORT, Specs: specs})
	}
	var requires, ensures []ast.Stmt
	for _, c := range f.Clauses {
		switch c.Kind {
		case Requires, Panics: // panics sees the parameters on entry, as requires does
			requires = append(requires, clauseStmt(c))
		case Decreases, Modifies: // a measure and a frame see the parameters, as requires does
			for _, m := range append([]*Clause{c}, c.Rest...) {
				if m.Expr != nil { // modifies nothing
					requires = append(requires, clauseStmt(m))
				}
			}
		case Ensures:
			ensures = append(ensures, clauseStmt(c))
		}
	}
	pre, post := clauseFunc(preName, b.paramFields(), nil, requires), clauseFunc(postName, b.paramFields(), b.resultFields(), ensures)
	// A generic function's clauses see its type parameters: the clause
	// functions declare them too, with fresh identifiers at the same
	// positions (ssa maps them to an instance's type arguments by
	// position).
	pre.Type.TypeParams, post.Type.TypeParams = b.typeParamFields(), b.typeParamFields()
	decls = append(decls,
		quantifierDecl(ForallName),
		quantifierDecl(ExistsName),
		pre,
		post,
	)
	if declaresOld(pkg, f) { // a package's own old wins (helpers.go)
		decls = append(decls, oldDecl())
	}
	if declaresName(pkg, f, MathIntName) { // so does a package's own mathint
		decls = append(decls, mathIntDecl())
	}
	if declaresName(pkg, f, HasName) { // and its own has
		decls = append(decls, hasDecl())
	}
	if declaresMset(pkg, f) { // and its own mset or multiset
		decls = append(decls, msetDecls()...)
	}
	return &ast.File{Name: ast.NewIdent(pkgName), Decls: decls, Imports: imports}
}

// clauseStmt is "_ = EXPR", placed at the clause so that errors about the
// assignment point at it.
func clauseStmt(c *Clause) ast.Stmt {
	return &ast.AssignStmt{
		Lhs:    []ast.Expr{&ast.Ident{NamePos: c.Pos, Name: "_"}},
		TokPos: c.Pos,
		Tok:    token.ASSIGN,
		Rhs:    []ast.Expr{c.Expr},
	}
}

// clauseFunc declares a function holding clause statements. Results are
// named results, in scope in the body, which ends in a bare return.
func clauseFunc(name string, params, results []*ast.Field, body []ast.Stmt) *ast.FuncDecl {
	fn := &ast.FuncDecl{
		Name: ast.NewIdent(name),
		Type: &ast.FuncType{Params: &ast.FieldList{List: params}},
		Body: &ast.BlockStmt{List: body},
	}
	if len(results) > 0 {
		fn.Type.Results = &ast.FieldList{List: results}
		fn.Body.List = append(fn.Body.List, &ast.ReturnStmt{})
	}
	return fn
}

// OldName is the function that evaluates its argument in the state on
// entry: old(EXPR) in an ensures clause.
const OldName = "old"

// oldDecl builds func old[T any](x T) T { return x }.
func oldDecl() *ast.FuncDecl {
	return &ast.FuncDecl{
		Name: ast.NewIdent(OldName),
		Type: &ast.FuncType{
			TypeParams: &ast.FieldList{List: []*ast.Field{{
				Names: []*ast.Ident{ast.NewIdent("T")},
				Type:  &ast.InterfaceType{Methods: &ast.FieldList{}},
			}}},
			Params:  &ast.FieldList{List: []*ast.Field{{Names: []*ast.Ident{ast.NewIdent("x")}, Type: ast.NewIdent("T")}}},
			Results: &ast.FieldList{List: []*ast.Field{{Type: ast.NewIdent("T")}}},
		},
		Body: &ast.BlockStmt{List: []ast.Stmt{&ast.ReturnStmt{Results: []ast.Expr{ast.NewIdent("x")}}}},
	}
}

// quantifierDecl builds func NAME[T interface{}](f func(T) bool) bool { for {} }:
// its body names nothing a package could redeclare (true).
func quantifierDecl(name string) *ast.FuncDecl {
	boolResult := func() *ast.FieldList {
		return &ast.FieldList{List: []*ast.Field{{Type: ast.NewIdent("bool")}}}
	}
	predicate := &ast.FuncType{
		Params:  &ast.FieldList{List: []*ast.Field{{Type: ast.NewIdent("T")}}},
		Results: boolResult(),
	}
	return &ast.FuncDecl{
		Name: ast.NewIdent(name),
		Type: &ast.FuncType{
			TypeParams: &ast.FieldList{List: []*ast.Field{{
				Names: []*ast.Ident{ast.NewIdent("T")},
				Type:  &ast.InterfaceType{Methods: &ast.FieldList{}},
			}}},
			Params:  &ast.FieldList{List: []*ast.Field{{Names: []*ast.Ident{ast.NewIdent("f")}, Type: predicate}}},
			Results: boolResult(),
		},
		Body: &ast.BlockStmt{List: []ast.Stmt{&ast.ForStmt{Body: &ast.BlockStmt{}}}},
	}
}

// checkClauseTypes requires boolean clauses and integer quantified
// variables.
func checkClauseTypes(errs *errorCollector, spkg *types.Package, info *types.Info, f *Func, isParam func(*types.Var) bool) {
	forall := spkg.Scope().Lookup(ForallName)
	exists := spkg.Scope().Lookup(ExistsName)
	for _, c := range f.Clauses {
		if c.Kind == Decreases {
			checkMeasureTypes(errs, info, c)
			continue
		}
		if c.Kind == Modifies {
			checkFrameTypes(errs, info, isParam, c)
			continue
		}
		if tv, ok := info.Types[c.Expr]; ok && !isBoolean(tv.Type) {
			errs.add(c.Pos, fmt.Sprintf("clause is not boolean: %s (type %s)", c.Text, tv.Type))
		}
		ast.Inspect(c.Expr, func(n ast.Node) bool {
			e, ok := n.(ast.Expr)
			if !ok {
				return true
			}
			q, ok := QuantifierOf(e)
			if !ok {
				return true
			}
			if obj := info.Uses[q.Call.Fun.(*ast.Ident)]; obj != forall && obj != exists {
				return true
			}
			if t := info.TypeOf(q.Type); t != nil && !isInteger(t) {
				errs.add(q.Type.Pos(), fmt.Sprintf("quantified variable %s has type %s; quantifiers range over integer types only", q.Var.Name, t))
			}
			return true
		})
	}
}

func isBoolean(t types.Type) bool {
	basic, ok := t.Underlying().(*types.Basic)
	return ok && basic.Info()&types.IsBoolean != 0
}

func isInteger(t types.Type) bool {
	basic, ok := t.Underlying().(*types.Basic)
	return ok && basic.Info()&types.IsInteger != 0
}

// checkSignature compares the spec's declaration with the Go function.
func checkSignature(errs *errorCollector, pkg *types.Package, fn *types.Func, fnSig *types.Signature, f *Func, checked *Checked) {
	params := checked.Params
	var recv *types.Var
	if f.Decl.Recv != nil && len(params) > 0 {
		recv, params = params[0], params[1:]
	}
	variadic := checked.variadic
	if fnSig.TypeParams().Len() > 0 {
		// Generic: the clause function's signature, type parameters and
		// all, must be the function's (go/types compares type parameters
		// by position).
		post := synthSignature(checked.spkg, postName)
		if post != nil && recv == nil && types.Identical(post, fnSig) {
			return
		}
	} else if signaturesMatch(recv, params, checked.Results, variadic, fnSig) {
		return
	}
	qf := types.RelativeTo(pkg)
	spec := describeSignature(f.Name, recv, params, checked.Results, variadic, f.Decl, qf)
	goFunc := describeGoSignature(fn, fnSig, qf)
	errs.add(f.Pos, "spec signature "+spec+" does not match "+goFunc)
}

func signaturesMatch(recv *types.Var, params, results []*types.Var, variadic bool, fnSig *types.Signature) bool {
	if (recv == nil) != (fnSig.Recv() == nil) {
		return false
	}
	if recv != nil && !types.Identical(recv.Type(), fnSig.Recv().Type()) {
		return false
	}
	if variadic != fnSig.Variadic() {
		return false
	}
	return identicalTypes(params, fnSig.Params()) && identicalTypes(results, fnSig.Results())
}

func identicalTypes(vars []*types.Var, tuple *types.Tuple) bool {
	if len(vars) != tuple.Len() {
		return false
	}
	for i, v := range vars {
		if !types.Identical(v.Type(), tuple.At(i).Type()) {
			return false
		}
	}
	return true
}

// describeSignature prints the spec's signature with the names as written
// in the declaration.
func describeSignature(name string, recv *types.Var, params, results []*types.Var, variadic bool, decl *ast.FuncDecl, qf types.Qualifier) string {
	written := func(vars []*types.Var, list *ast.FieldList) *types.Tuple {
		named := list != nil && list.NumFields() > 0 && len(list.List[0].Names) > 0
		out := make([]*types.Var, len(vars))
		for i, v := range vars {
			varName := ""
			if named {
				varName = v.Name()
			}
			out[i] = types.NewParam(token.NoPos, nil, varName, v.Type())
		}
		return types.NewTuple(out...)
	}
	var recvVar *types.Var
	if recv != nil {
		recvVar = written([]*types.Var{recv}, decl.Recv).At(0)
	}
	return formatSignature(name, recvVar, written(params, decl.Type.Params), written(results, decl.Type.Results), variadic, qf)
}

func describeGoSignature(fn *types.Func, sig *types.Signature, qf types.Qualifier) string {
	return formatSignature(fn.Name(), sig.Recv(), sig.Params(), sig.Results(), sig.Variadic(), qf)
}

// formatSignature prints "func (r T) Name(params) results".
func formatSignature(name string, recv *types.Var, params, results *types.Tuple, variadic bool, qf types.Qualifier) string {
	var b bytes.Buffer
	b.WriteString("func ")
	if recv != nil {
		b.WriteByte('(')
		if recv.Name() != "" {
			b.WriteString(recv.Name() + " ")
		}
		b.WriteString(types.TypeString(recv.Type(), qf) + ") ")
	}
	b.WriteString(name)
	if variadic && (params.Len() == 0 || !isSliceOrString(params.At(params.Len()-1).Type())) {
		variadic = false // NewSignatureType would reject it; not expected here
	}
	types.WriteSignature(&b, types.NewSignatureType(nil, nil, nil, params, results, variadic), qf)
	return b.String()
}

func isSliceOrString(t types.Type) bool {
	switch u := t.Underlying().(type) {
	case *types.Slice:
		return true
	case *types.Basic:
		return u.Kind() == types.String
	}
	return false
}

// Lookup finds the Go function or method of pkg that f specifies: a
// package-level function, or a method (T).M or (*T).M named by the
// receiver of f's declaration.
func Lookup(fset *token.FileSet, pkg *types.Package, f *Func) (*types.Func, error) {
	errs := &errorCollector{fset: fset}
	if f.Decl == nil || f.Decl.Recv == nil || len(f.Decl.Recv.List) == 0 {
		if fn, ok := pkg.Scope().Lookup(f.Name).(*types.Func); ok {
			return fn, nil
		}
		errs.add(f.Pos, fmt.Sprintf("no function %s in package %s", f.Name, pkg.Name()))
		return nil, errs.err()
	}
	base, _ := receiverBase(f.Decl.Recv.List[0].Type)
	if base == nil {
		errs.add(f.Decl.Recv.List[0].Type.Pos(), "unsupported receiver type in a spec")
		return nil, errs.err()
	}
	tn, ok := pkg.Scope().Lookup(base.Name).(*types.TypeName)
	if !ok {
		errs.add(base.Pos(), fmt.Sprintf("no type %s in package %s", base.Name, pkg.Name()))
		return nil, errs.err()
	}
	if named, ok := types.Unalias(tn.Type()).(*types.Named); ok {
		for i := 0; i < named.NumMethods(); i++ {
			if m := named.Method(i); m.Name() == f.Name {
				return m, nil
			}
		}
	}
	errs.add(f.Pos, fmt.Sprintf("no method %s in package %s", f.FullName(), pkg.Name()))
	return nil, errs.err()
}
