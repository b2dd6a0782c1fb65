package ssa

import (
	"go/types"
	"sort"
	"sync"

	gossa "golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/ssa/ssautil"
	"golang.org/x/tools/go/types/typeutil"
)

// world is the closed world of a program's dynamic types: what an
// interface value may hold (ifaces.go).
type world struct {
	types  []types.Type // sorted by name
	opaque []string     // opaqueErrorsNew, opaqueErrorf when the program calls them
}

var worlds sync.Map // *gossa.Program -> *world

// worldOf computes, once per program, the dynamic types of its loaded
// packages: the types a built function converts to an interface, and the
// types declared in a built package with their pointers.
func worldOf(prog *gossa.Program) *world {
	if w, ok := worlds.Load(prog); ok {
		return w.(*world)
	}
	var seen typeutil.Map
	w := &world{}
	add := func(t types.Type) {
		if isInterface(t) || seen.At(t) != nil {
			return
		}
		seen.Set(t, true)
		w.types = append(w.types, t)
	}
	calls := map[string]bool{}
	built := map[*gossa.Package]bool{}
	for fn := range ssautil.AllFunctions(prog) {
		if len(fn.Blocks) == 0 {
			continue
		}
		if fn.Pkg != nil && fn.Synthetic == "" {
			built[fn.Pkg] = true
		}
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				switch in := instr.(type) {
				case *gossa.MakeInterface:
					add(in.X.Type())
				case *gossa.Call:
					if c := in.Common().StaticCallee(); c != nil && c.Pkg != nil && c.Signature.Recv() == nil {
						calls[c.Pkg.Pkg.Path()+"."+c.Name()] = true
					}
				}
			}
		}
	}
	for pkg := range built {
		for _, m := range pkg.Members {
			t, ok := m.(*gossa.Type)
			if !ok {
				continue
			}
			named, ok := t.Type().(*types.Named)
			if !ok || named.TypeParams().Len() > 0 {
				continue
			}
			add(named)
			if !isInterface(named) {
				add(types.NewPointer(named))
			}
		}
	}
	sort.Slice(w.types, func(i, j int) bool {
		return types.TypeString(w.types[i], nil) < types.TypeString(w.types[j], nil)
	})
	if calls["errors.New"] {
		w.opaque = append(w.opaque, opaqueErrorsNew)
	}
	if calls["fmt.Errorf"] {
		w.opaque = append(w.opaque, opaqueErrorf)
	}
	actual, _ := worlds.LoadOrStore(prog, w)
	return actual.(*world)
}
