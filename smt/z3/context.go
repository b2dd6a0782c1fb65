package z3

// #cgo pkg-config: z3
// #include <stdlib.h>
// #include "glue.h"
import "C"

import (
	"errors"
	"fmt"
	"math/big"
	"strconv"
	"strings"
	"sync"
	"unsafe"

	"github.com/vsynth/vsynth/smt"
)

// Version is the version of the Z3 library in use, e.g. "4.8.12".
func Version() string {
	versionOnce.Do(func() {
		var major, minor, build, rev C.uint
		C.Z3_get_version(&major, &minor, &build, &rev)
		version = fmt.Sprintf("%d.%d.%d", major, minor, build)
	})
	return version
}

var (
	versionOnce sync.Once
	version     string
)

// MinVersion is the oldest Z3 this package is tested with (Debian 12's
// libz3-dev); NewContext refuses an older library.
const MinVersion = "4.8.12"

// checkVersion reports an error when the linked libz3 is older than
// MinVersion.
func checkVersion() error {
	if versionLess(Version(), MinVersion) {
		return fmt.Errorf("z3: libz3 %s is older than %s, the oldest vsynth supports (install a newer libz3-dev)", Version(), MinVersion)
	}
	return nil
}

// versionLess compares dotted version numbers.
func versionLess(a, b string) bool {
	pa, pb := strings.Split(a, "."), strings.Split(b, ".")
	for i := 0; i < len(pa) || i < len(pb); i++ {
		var x, y int
		if i < len(pa) {
			x, _ = strconv.Atoi(pa[i])
		}
		if i < len(pb) {
			y, _ = strconv.Atoi(pb[i])
		}
		if x != y {
			return x < y
		}
	}
	return false
}

// z3Allocated is Z3's estimate of the memory it has allocated, in bytes,
// over all contexts (for tests).
func z3Allocated() uint64 { return uint64(C.Z3_get_estimated_alloc_size()) }

var errClosed = errors.New("z3: context closed")

// Context is a Z3 context: the owner of expressions, solvers and models.
// See the package documentation for its lifetime and concurrency rules.
type Context struct {
	c        C.Z3_context
	root     *Scope // the constructors' scope
	scratch  *Scope // translations inside solver calls, emptied after each
	boolSort C.Z3_ast
	intSort  C.Z3_ast // made on first use
	bvSorts  map[int]C.Z3_ast
	arrSorts map[smt.Sort]C.Z3_ast // array sorts, by their smt sort
	scopes   map[*Scope]struct{}   // open scopes other than root and scratch
	solvers  map[*Solver]struct{}  // open solvers
	closed   bool
}

// NewContext creates a context. Close releases it.
func NewContext() (*Context, error) {
	if err := checkVersion(); err != nil {
		return nil, err
	}
	cc := C.vs_new_context()
	if cc == nil {
		return nil, errors.New("z3: cannot create a context")
	}
	c := &Context{
		c:        cc,
		bvSorts:  make(map[int]C.Z3_ast),
		arrSorts: make(map[smt.Sort]C.Z3_ast),
		scopes:   make(map[*Scope]struct{}),
		solvers:  make(map[*Solver]struct{}),
	}
	c.root = &Scope{ctx: c}
	c.scratch = &Scope{ctx: c}
	c.boolSort = C.vs_bool_sort(cc)
	if c.boolSort == nil {
		err := c.failed("new context")
		C.Z3_del_context(cc)
		return nil, err
	}
	return c, nil
}

// Close closes the context's solvers and scopes and deletes it. Closing a
// closed context does nothing.
func (c *Context) Close() error {
	if c.closed {
		return nil
	}
	for s := range c.solvers {
		s.Close()
	}
	for s := range c.scopes {
		s.Close()
	}
	c.root.release()
	c.scratch.release()
	C.Z3_dec_ref(c.c, c.boolSort)
	if c.intSort != nil {
		C.Z3_dec_ref(c.c, c.intSort)
	}
	for _, s := range c.bvSorts {
		C.Z3_dec_ref(c.c, s)
	}
	c.bvSorts = nil
	for _, s := range c.arrSorts {
		C.Z3_dec_ref(c.c, s)
	}
	c.arrSorts = nil
	c.closed = true
	C.Z3_del_context(c.c)
	c.c = nil
	return nil
}

// Interrupt stops the solver call under way on the context, if any, which
// then answers unknown. It is the one method that may be called from
// another goroutine, and it must not race with Close.
func (c *Context) Interrupt() {
	if !c.closed {
		C.Z3_interrupt(c.c)
	}
}

// NewScope opens a scope for expressions that are released together by
// its Close.
func (c *Context) NewScope() *Scope {
	c.mustBeOpen()
	s := &Scope{ctx: c}
	c.scopes[s] = struct{}{}
	return s
}

func (c *Context) mustBeOpen() {
	if c.closed {
		panic("z3: use of a closed context")
	}
}

// bvSort returns the sort of w-bit vectors, owned by the context.
func (c *Context) bvSort(w int) C.Z3_ast {
	if s, ok := c.bvSorts[w]; ok {
		return s
	}
	s := C.vs_bv_sort(c.c, C.uint(w))
	if s == nil {
		panic(c.failed("bit-vector sort"))
	}
	c.bvSorts[w] = s
	return s
}

// sort returns the Z3 sort of s, owned by the context.
func (c *Context) sort(s smt.Sort) C.Z3_ast {
	switch s.Kind() {
	case smt.KindBool:
		return c.boolSort
	case smt.KindInt:
		if c.intSort == nil {
			if c.intSort = C.vs_int_sort(c.c); c.intSort == nil {
				panic(c.failed("int sort"))
			}
		}
		return c.intSort
	case smt.KindBitVec:
		return c.bvSort(s.Width())
	case smt.KindArray:
		if a, ok := c.arrSorts[s]; ok {
			return a
		}
		index, elem := c.sort(s.Index()), c.sort(s.Elem())
		a := C.vs_array_sort(c.c, index, elem)
		if a == nil {
			panic(c.failed("array sort"))
		}
		c.arrSorts[s] = a
		return a
	}
	panic(fmt.Sprintf("z3: unsupported sort %s", s))
}

// The constructors of the context make expressions in its root scope,
// which lives as long as the context.

// BoolConst is the Boolean constant (free variable) named name.
func (c *Context) BoolConst(name string) Bool { return c.root.BoolConst(name) }

// BoolVal is true or false.
func (c *Context) BoolVal(b bool) Bool { return c.root.BoolVal(b) }

// BitVecConst is the w-bit constant (free variable) named name.
func (c *Context) BitVecConst(name string, w int) BitVec { return c.root.BitVecConst(name, w) }

// ArrayConst is the array constant (free variable) named name from index
// (a bit-vector sort) to elem (Bool, bit-vector or array sort).
func (c *Context) ArrayConst(name string, index, elem smt.Sort) Array {
	return c.root.ArrayConst(name, index, elem)
}

// BitVecVal is the w-bit vector of value v modulo 2^w.
func (c *Context) BitVecVal(v *big.Int, w int) BitVec { return c.root.BitVecVal(v, w) }

// Scope owns a set of expressions: it holds one reference to each and
// releases them all when closed. Expressions built from an expression belong
// to that expression's scope.
type Scope struct {
	ctx    *Context
	owned  []C.Z3_ast
	closed bool
}

// Context is the scope's context.
func (s *Scope) Context() *Context { return s.ctx }

// Close releases the scope's expressions; using them afterwards panics.
// Expressions of other scopes that were built from them stay valid.
func (s *Scope) Close() error {
	if s.closed {
		return nil
	}
	if s == s.ctx.root || s == s.ctx.scratch {
		return errors.New("z3: the root scope closes with its context")
	}
	s.release()
	s.closed = true
	delete(s.ctx.scopes, s)
	return nil
}

// release drops the references the scope holds.
func (s *Scope) release() {
	if !s.ctx.closed {
		for _, a := range s.owned {
			C.Z3_dec_ref(s.ctx.c, a)
		}
	}
	clear(s.owned)
	s.owned = s.owned[:0]
}

func (s *Scope) mustBeOpen() {
	if s == nil {
		panic("z3: use of a zero expression")
	}
	if s.closed || s.ctx.closed {
		panic("z3: use of an expression whose scope or context is closed")
	}
}

// keep records a new reference returned by the glue; a nil AST reports a
// Z3 error.
func (s *Scope) keep(a C.Z3_ast, op string) (C.Z3_ast, error) {
	if a == nil {
		return nil, s.ctx.failed(op)
	}
	s.owned = append(s.owned, a)
	return a, nil
}

// own is keep for the typed layer, which checks operands beforehand: a Z3
// error there is a bug of this package and panics.
func (s *Scope) own(a C.Z3_ast, op string) C.Z3_ast { return must(s.keep(a, op)) }

// BoolConst is the Boolean constant (free variable) named name.
func (s *Scope) BoolConst(name string) Bool {
	s.mustBeOpen()
	return Bool{expr{s, must(s.mkConst(name, s.ctx.boolSort))}}
}

// BoolVal is true or false.
func (s *Scope) BoolVal(b bool) Bool {
	s.mustBeOpen()
	v := C.int(0)
	if b {
		v = 1
	}
	return Bool{expr{s, s.own(C.vs_bool_val(s.ctx.c, v), "bool value")}}
}

// BitVecConst is the w-bit constant (free variable) named name.
func (s *Scope) BitVecConst(name string, w int) BitVec {
	s.mustBeOpen()
	mustWidth(w)
	return BitVec{expr{s, must(s.mkConst(name, s.ctx.bvSort(w)))}, w}
}

// BitVecVal is the w-bit vector of value v modulo 2^w (two's complement
// for negative v).
func (s *Scope) BitVecVal(v *big.Int, w int) BitVec {
	s.mustBeOpen()
	mustWidth(w)
	return BitVec{expr{s, must(s.mkNumeral(v, w))}, w}
}

// ArrayConst is the array constant (free variable) named name from index
// (a bit-vector sort) to elem (Bool, bit-vector or array sort).
func (s *Scope) ArrayConst(name string, index, elem smt.Sort) Array {
	s.mustBeOpen()
	sort := smt.ArraySort(index, elem) // panics on a bad index sort
	mustSupported(sort)
	return Array{expr{s, must(s.mkConst(name, s.ctx.sort(sort)))}, sort}
}

// mustSupported panics on sorts with a bit-vector width Z3 rejects.
func mustSupported(sort smt.Sort) {
	switch sort.Kind() {
	case smt.KindBitVec:
		mustWidth(sort.Width())
	case smt.KindArray:
		mustSupported(sort.Index())
		mustSupported(sort.Elem())
	}
}

func mustWidth(w int) {
	if w < 1 || w > 1<<24 {
		panic(fmt.Sprintf("z3: bit-vector width %d", w))
	}
}

func must(a C.Z3_ast, err error) C.Z3_ast {
	if err != nil {
		panic(err)
	}
	return a
}

func (s *Scope) mkConst(name string, sort C.Z3_ast) (C.Z3_ast, error) {
	cs := C.CString(name)
	defer C.free(unsafe.Pointer(cs))
	return s.keep(C.vs_const(s.ctx.c, cs, sort), "constant "+name)
}

// mkNumeral makes the w-bit numeral v mod 2^w.
func (s *Scope) mkNumeral(v *big.Int, w int) (C.Z3_ast, error) {
	if v.Sign() < 0 || v.BitLen() > w {
		m := new(big.Int).Lsh(big.NewInt(1), uint(w))
		v = new(big.Int).Mod(v, m)
	}
	cs := C.CString(v.String())
	defer C.free(unsafe.Pointer(cs))
	return s.keep(C.vs_numeral(s.ctx.c, cs, s.ctx.bvSort(w)), "numeral")
}

// mkIntNumeral makes the integer numeral v.
func (s *Scope) mkIntNumeral(v *big.Int) (C.Z3_ast, error) {
	cs := C.CString(v.String())
	defer C.free(unsafe.Pointer(cs))
	return s.keep(C.vs_numeral(s.ctx.c, cs, s.ctx.sort(smt.IntSort())), "numeral")
}
