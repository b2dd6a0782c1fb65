package mutationtest

import (
	"fmt"
	"go/types"
	"maps"
	"math/big"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// The values the mutant driver (mutation_driver_test.go) passes to
// functions with slices, arrays, structs and pointers: edge values as Go
// literals, written when the driver is generated, and random ones drawn
// by the driver at run time. Composite values are built afresh for every
// call (a mutant may write into a slice or through a pointer).

// mutValueKind is the shape of a parameter's type.
type mutValueKind int

const (
	mutKindScalar  mutValueKind = iota // an integer or boolean
	mutKindSlice                       // []E, E a scalar
	mutKindArray                       // [N]E, E a scalar, N <= mutMaxArray
	mutKindStruct                      // a struct of scalars
	mutKindPointer                     // *S, S a struct of scalars or a scalar
)

const (
	mutMaxArray     = 8  // longest array parameter the driver fills
	mutMaxSlice     = 7  // longest random slice
	mutRandomValues = 24 // random composite literals added to each edge pool
)

// mutType is a parameter's type as the driver builds its values.
type mutType struct {
	kind    mutValueKind
	spelled string    // the type as Go writes it in the package
	scalar  mutScalar // the scalar, or the element of a slice or array
	n       int       // an array's length
	fields  []mutField
	elem    *mutType // a pointer's target
}

// mutField is a field of a struct parameter.
type mutField struct {
	name string
	typ  *mutType
}

// mutTypeOf describes t, spelled with qual, or says that the driver
// cannot build its values.
func mutTypeOf(t types.Type, qual types.Qualifier) (*mutType, bool) {
	spelled := types.TypeString(t, qual)
	if s, ok := scalarOf(t); ok {
		return &mutType{kind: mutKindScalar, spelled: spelled, scalar: s}, true
	}
	switch u := t.Underlying().(type) {
	case *types.Slice:
		if s, ok := scalarOf(u.Elem()); ok {
			return &mutType{kind: mutKindSlice, spelled: spelled, scalar: s, elem: &mutType{kind: mutKindScalar, spelled: types.TypeString(u.Elem(), qual), scalar: s}}, true
		}
	case *types.Array:
		if s, ok := scalarOf(u.Elem()); ok && u.Len() > 0 && u.Len() <= mutMaxArray {
			return &mutType{kind: mutKindArray, spelled: spelled, scalar: s, n: int(u.Len()), elem: &mutType{kind: mutKindScalar, spelled: types.TypeString(u.Elem(), qual), scalar: s}}, true
		}
	case *types.Struct:
		if _, named := t.(*types.Named); !named || u.NumFields() == 0 {
			return nil, false
		}
		m := &mutType{kind: mutKindStruct, spelled: spelled}
		for i := range u.NumFields() {
			// Scalar fields only (a field *S of S would recurse).
			f := u.Field(i)
			s, ok := scalarOf(f.Type())
			if !ok || f.Name() == "_" {
				return nil, false
			}
			m.fields = append(m.fields, mutField{f.Name(), &mutType{kind: mutKindScalar, spelled: types.TypeString(f.Type(), qual), scalar: s}})
		}
		return m, true
	case *types.Pointer:
		if et, ok := mutTypeOf(u.Elem(), qual); ok && (et.kind == mutKindStruct || et.kind == mutKindScalar) {
			return &mutType{kind: mutKindPointer, spelled: spelled, elem: et}, true
		}
	}
	return nil, false
}

// fresh reports whether values of the type must be built for every call.
func (m *mutType) fresh() bool { return m.kind == mutKindSlice || m.kind == mutKindPointer }

// edgeLiterals lists Go expressions of the type that meet corners:
// scalars as mutScalar.edgeLiterals; composites built from the first edge
// values of their elements (empty, nil, sorted and unsorted, repeated
// and extreme elements), and mutRandomValues random ones drawn with r.
func (m *mutType) edgeLiterals(consts []*big.Int, r *rand.Rand) []string {
	if m.kind == mutKindScalar {
		return m.scalar.edgeLiterals(consts)
	}
	var out []string
	seen := map[string]bool{}
	add := func(lit string) {
		if !seen[lit] {
			seen[lit] = true
			out = append(out, lit)
		}
	}
	switch m.kind {
	case mutKindSlice:
		e := m.scalar.edgeLiterals(consts)
		add("nil")
		add(m.spelled + "{}")
		for _, v := range firstN(e, 12) {
			add(m.lit(v))
		}
		few := firstN(e, 6)
		for _, v := range few {
			for _, w := range few {
				add(m.lit(v, w))
			}
		}
		if m.scalar.width > 0 {
			for _, vs := range [][]string{
				{"0", "1", "2"}, {"2", "1", "0"}, {"1", "0", "2"}, {"1", "1", "1"}, {"0", "1", "2", "3", "4", "5"},
				{"5", "4", "3", "2", "1", "0"}, {"0", "0", "1", "1", "2", "2"}, {"3", "1", "4", "1", "5", "9", "2"},
			} {
				add(m.lit(vs...))
			}
			add(m.lit(firstN(e, 5)...))
		}
		for range mutRandomValues {
			n := r.IntN(mutMaxSlice + 1)
			vs := make([]string, n)
			for i := range vs {
				vs[i] = m.scalar.randomLiteral(r)
			}
			add(m.lit(vs...))
		}
	case mutKindArray:
		e := m.scalar.edgeLiterals(consts)
		for _, v := range firstN(e, 10) {
			add(m.lit(repeat(v, m.n)...))
		}
		few := firstN(e, 4)
		for _, v := range few {
			for _, w := range few {
				vs := repeat(v, m.n)
				vs[m.n-1] = w
				add(m.lit(vs...))
				vs = repeat(w, m.n)
				vs[0] = v
				add(m.lit(vs...))
			}
		}
		if m.scalar.width > 0 {
			// Every order of 0, 1, 2, ... and of 0, 0, 1, ...
			for _, base := range [][]int{counting(m.n), pairs(m.n)} {
				permute(base, func(p []int) {
					var vs []string
					for _, x := range p {
						vs = append(vs, fmt.Sprint(x))
					}
					add(m.lit(vs...))
				})
			}
		}
		for range mutRandomValues {
			vs := make([]string, m.n)
			for i := range vs {
				vs[i] = m.scalar.randomLiteral(r)
			}
			add(m.lit(vs...))
		}
	case mutKindStruct:
		few := make([][]string, len(m.fields))
		for i, f := range m.fields {
			few[i] = firstN(f.typ.scalar.edgeLiterals(consts), 8)
		}
		for i := range few[0] {
			for j := range few[0] {
				var vs []string
				for k := range m.fields {
					idx := i
					if k > 0 {
						idx = j
					}
					vs = append(vs, few[k][min(idx, len(few[k])-1)])
				}
				add(m.lit(vs...))
			}
		}
		for range mutRandomValues {
			var vs []string
			for _, f := range m.fields {
				vs = append(vs, f.typ.scalar.randomLiteral(r))
			}
			add(m.lit(vs...))
		}
	case mutKindPointer:
		add("nil")
		for _, lit := range m.elem.edgeLiterals(consts, r) {
			if m.elem.kind == mutKindScalar {
				add(fmt.Sprintf("func() %s { v := %s(%s); return &v }()", m.spelled, m.elem.spelled, lit))
			} else {
				add("&" + lit)
			}
		}
	}
	return out
}

// lit writes a composite literal of the slice, array or struct type.
func (m *mutType) lit(vs ...string) string {
	switch m.kind {
	case mutKindStruct:
		var kv []string
		for i, f := range m.fields {
			kv = append(kv, f.name+": "+vs[i])
		}
		return m.spelled + "{" + strings.Join(kv, ", ") + "}"
	}
	return m.spelled + "{" + strings.Join(vs, ", ") + "}"
}

// randomExpr draws a value of the type at run time with zzvR.
func (m *mutType) randomExpr() string {
	switch m.kind {
	case mutKindSlice:
		return fmt.Sprintf("zzvSlice(zzvR, func() %s { return %s })", m.elem.spelled, m.scalar.elemRandomExpr(m.elem.spelled))
	case mutKindArray:
		vs := make([]string, m.n)
		for i := range vs {
			vs[i] = m.scalar.elemRandomExpr(m.elem.spelled)
		}
		return m.lit(vs...)
	case mutKindStruct:
		var vs []string
		for _, f := range m.fields {
			vs = append(vs, f.typ.scalar.elemRandomExpr(f.typ.spelled))
		}
		return m.lit(vs...)
	case mutKindPointer:
		return fmt.Sprintf("zzvPointer(zzvR, func() %s { return %s })", m.elem.spelled, m.elem.randomExpr())
	}
	return m.scalar.randomExpr(m.spelled)
}

// elemRandomExpr draws an element of a composite value at run time: half
// the time a small value (so that elements repeat and match other
// parameters), else as randomExpr.
func (s mutScalar) elemRandomExpr(typ string) string {
	if s.width == 0 {
		return s.randomExpr(typ)
	}
	return fmt.Sprintf("%s(zzvElem(zzvR, %d))", typ, s.width)
}

// randomLiteral draws an element value now, as a literal: small values
// mostly, so that elements repeat.
func (s mutScalar) randomLiteral(r *rand.Rand) string {
	if s.width == 0 {
		return fmt.Sprint(r.IntN(2) == 1)
	}
	lo, _ := s.bounds()
	var v *big.Int
	switch r.IntN(4) {
	case 0:
		v = s.fromBits(new(big.Int).SetUint64(r.Uint64() >> (64 - s.width)))
	default:
		v = big.NewInt(int64(r.IntN(7)) - 3)
	}
	if v.Cmp(lo) < 0 {
		v = big.NewInt(0)
	}
	return v.String()
}

func firstN(vs []string, n int) []string { return vs[:min(n, len(vs))] }

func repeat(v string, n int) []string {
	vs := make([]string, n)
	for i := range vs {
		vs[i] = v
	}
	return vs
}

func counting(n int) []int {
	vs := make([]int, n)
	for i := range vs {
		vs[i] = i
	}
	return vs
}

func pairs(n int) []int {
	vs := make([]int, n)
	for i := range vs {
		vs[i] = i / 2
	}
	return vs
}

// permute calls f with every permutation of vs (up to 4 elements; more
// would flood the pool), duplicates included.
func permute(vs []int, f func([]int)) {
	if len(vs) > 4 {
		f(vs)
		return
	}
	var rec func(k int)
	rec = func(k int) {
		if k == len(vs) {
			f(append([]int(nil), vs...))
			return
		}
		for i := k; i < len(vs); i++ {
			vs[k], vs[i] = vs[i], vs[k]
			rec(k + 1)
			vs[k], vs[i] = vs[i], vs[k]
		}
	}
	rec(0)
}

// driverValueHelpers build composite values at run time.
const driverValueHelpers = `// zzvElem draws an element: a small value half the time.
func zzvElem(r *zzvrand.Rand, width int) uint64 {
	if r.IntN(2) == 0 {
		return uint64(r.Int64N(7) - 3)
	}
	return zzvRandom(r, width)
}

// zzvSlice draws a slice of up to 7 elements; nil sometimes.
func zzvSlice[T any](r *zzvrand.Rand, elem func() T) []T {
	n := r.IntN(9) - 1
	if n < 0 {
		return nil
	}
	s := make([]T, n)
	for i := range s {
		s[i] = elem()
	}
	return s
}

// zzvPointer draws a pointer: nil one time in eight.
func zzvPointer[T any](r *zzvrand.Rand, elem func() T) *T {
	if r.IntN(8) == 0 {
		return nil
	}
	v := elem()
	return &v
}

// zzvQuantRange bounds the values a quantified variable takes in Go
// (quantifierHelpers): the driver's slices are short, so every index and
// its neighbours are in it.
const zzvQuantRange = 64

// zzvFuelLeft bounds the loop iterations of one call: every loop body of
// the Go copies of the mutants starts with zzvFuel().
var zzvFuelLeft int

const zzvFuelPerCall = 1 << 13

// zzvOutOfFuel is what a call that ran out of fuel panics with.
type zzvOutOfFuel struct{}

func zzvFuel() {
	zzvFuelLeft--
	if zzvFuelLeft < 0 {
		panic(zzvOutOfFuel{})
	}
}

`

// TestWithoutOld checks the rewriting of old(E) over the copies of the
// inputs: parameters inside old are renamed, field names and parameters
// outside old are not.
func TestWithoutOld(t *testing.T) {
	params := []mutVar{{name: "p"}, {name: "a"}, {name: "X"}}
	for _, c := range []struct{ in, want, olds string }{
		{"p.X == old(p.X)+X", "p.X == (zzvPre_p.X)+X", "p"},
		{"a[0] == old(a[X]) && len(a) == old(len(a))", "a[0] == (zzvPre_a[zzvPre_X]) && len(a) == (len(zzvPre_a))", "X,a"},
		{"result == X", "result == X", ""},
	} {
		got, olds, err := withoutOld(c.in, params)
		if err != nil {
			t.Fatal(err)
		}
		names := slices.Sorted(maps.Keys(olds))
		if got != c.want || strings.Join(names, ",") != c.olds {
			t.Errorf("withoutOld(%q) = %q, %v; want %q, %s", c.in, got, names, c.want, c.olds)
		}
	}
}
