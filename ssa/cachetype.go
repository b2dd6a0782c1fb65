package ssa

import (
	"fmt"
	"go/types"
	"io"
)

// The cache key covers the rendered counterexample, not only the query:
// two programs with the same query can differ in how its model is written
// in Go (swapped struct fields of the same type, a named type's
// signedness when only == is used on it, a renamed field or type). So the
// key describes each written type in full, down to the basic types:
// names, field order, blank and unexported fields (with their package),
// widths and signedness, array lengths.

// renderFormat is the version of how counterexamples are written
// (cexvalue.go): a change to the renderer changes it, so that no entry
// written by an older renderer is read back.
const renderFormat = 3

// writeTypeStructure writes the full structure of t to w.
func writeTypeStructure(w io.Writer, t types.Type) {
	writeType(w, t, map[*types.TypeName]bool{})
}

func writeType(w io.Writer, t types.Type, seen map[*types.TypeName]bool) {
	switch u := t.(type) {
	case *types.Alias:
		writeType(w, types.Unalias(u), seen)
	case *types.Named:
		obj := u.Obj()
		path := ""
		if obj.Pkg() != nil {
			path = obj.Pkg().Path()
		}
		fmt.Fprintf(w, "named(%q.%q", path, obj.Name())
		if args := u.TypeArgs(); args != nil {
			for i := 0; i < args.Len(); i++ {
				io.WriteString(w, " arg ")
				writeType(w, args.At(i), seen)
			}
		}
		if !seen[obj] { // a recursive type is written once
			seen[obj] = true
			io.WriteString(w, " = ")
			writeType(w, u.Underlying(), seen)
		}
		io.WriteString(w, ")")
	case *types.Basic:
		fmt.Fprintf(w, "basic(%d %s)", u.Kind(), u.Name())
	case *types.Pointer:
		io.WriteString(w, "*")
		writeType(w, u.Elem(), seen)
	case *types.Slice:
		io.WriteString(w, "[]")
		writeType(w, u.Elem(), seen)
	case *types.Array:
		fmt.Fprintf(w, "[%d]", u.Len())
		writeType(w, u.Elem(), seen)
	case *types.Struct:
		io.WriteString(w, "struct{")
		for i := 0; i < u.NumFields(); i++ {
			f := u.Field(i)
			path := ""
			if f.Pkg() != nil && !f.Exported() {
				path = f.Pkg().Path()
			}
			fmt.Fprintf(w, "field(%q %q embedded=%t) ", path, f.Name(), f.Embedded())
			writeType(w, f.Type(), seen)
			io.WriteString(w, "; ")
		}
		io.WriteString(w, "}")
	default:
		// Types no counterexample writes (the lowering rejects them):
		// their printed form, fully qualified.
		fmt.Fprintf(w, "other(%q)", types.TypeString(t, nil))
	}
}
