package ssa

import (
	"fmt"
	"go/constant"
	"go/token"
	"go/types"

	gossa "golang.org/x/tools/go/ssa"

	"github.com/vsynth/vsynth/smt"
)

// Strings. A string value is one 128-bit term: the slot address of its
// first byte (low 64 bits) and its length (high 64 bits). Its bytes are
// one per slot in the memory region "str", which nothing but the
// creation of a string writes, and only at the window its allocation
// reserved: strings are immutable, and two strings may share bytes
// (a substring points into its string), which no Go program can observe.
// The bytes of the strings that exist on entry lie below alloc0 (the
// entry memory !mem0.str); a string made by +, string(b) or string(r) is
// written at a fresh window; the bytes of constants lie at addresses
// from strConstBase on, above every allocation (memory.go), in one array
// per lowering whose contents are lemmas, so that no loop or call havocs
// them. Nothing compares the addresses: == and the orderings read bytes,
// and the zero value (address 0, length 0) is "" like every other empty
// string.
//
// Strings are values only: a string in a struct, array, slice, map or
// behind a pointer has no layout and stays unsupported. Calls into the
// strings, bytes, strconv and unicode/utf8 packages use the shipped
// contracts (stdlib_contracts.go). for range over a string is strings_range.go;
// []rune(s) and string(runes) are strings_runes.go.

// strRegion is the memory region of string bytes.
const strRegion = "str"

// strConstBase is the address of the first constant's bytes: above
// alloc0 + maxFreshSlots <= 2^62 + 2^63, where allocations end.
const strConstBase = 3 << 62

// maxStringBytes bounds a string's length: its bytes are one object of
// at most maxAlloc bytes (a string made by + or a conversion is
// allocated by mallocgc, which throws beyond).
const maxStringBytes = maxSliceBytes

// stringSort is the sort of string values.
var stringSort = smt.BitVecSort(2 * addrWidth)

// isString reports whether t's underlying type is string.
func isString(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// strParts splits a string value into the address of its bytes and its
// length.
func strParts(v *smt.Term) (ptr, length *smt.Term) {
	return extract(v, 0, addrWidth), extract(v, addrWidth, addrWidth)
}

// makeStr builds a string value.
func makeStr(ptr, length *smt.Term) *smt.Term { return concat([]*smt.Term{ptr, length}) }

// namedEq is an equality of strings named by a variable, and the memory
// it was read in.
type namedEq struct {
	v   *smt.Term
	mem regionState
}

// stringState is what a lowering knows of its string constants.
type stringState struct {
	pool   *smt.Term            // the bytes of the constants
	consts map[string]*smt.Term // constant -> its value
	bytes  map[uint64]string    // address -> the constant there
	entry  map[string]bool      // the variables of strings that existed on entry
	eqs    map[string]namedEq   // equalities already named (stringsEqual)
	next   uint64               // the next constant's offset from strConstBase
}

func (l *lowering) strings() *stringState {
	if l.strs == nil {
		l.strs = &stringState{
			pool:   l.freshVar("strconst", regionSort(strRegion)),
			consts: map[string]*smt.Term{},
			bytes:  map[uint64]string{},
			entry:  map[string]bool{},
			eqs:    map[string]namedEq{},
		}
	}
	return l.strs
}

// stringConst is the value of the constant s: its bytes are stated once
// per lowering, as lemmas about the constants' array.
func (l *lowering) stringConst(s string) *smt.Term {
	if s == "" {
		return smt.BVUint(2*addrWidth, 0)
	}
	st := l.strings()
	if v, ok := st.consts[s]; ok {
		return v
	}
	addr := uint64(strConstBase) + st.next
	st.next += uint64(len(s))
	for i := 0; i < len(s); i++ {
		l.lemmas = append(l.lemmas, smt.Eq(smt.Select(st.pool, smt.BVUint(addrWidth, addr+uint64(i))), smt.BVUint(8, uint64(s[i]))))
	}
	v := makeStr(smt.BVUint(addrWidth, addr), smt.BVUint(addrWidth, uint64(len(s))))
	st.consts[s] = v
	st.bytes[addr] = s
	return v
}

// constBytes returns the bytes of x when x is a constant's value.
func (l *lowering) constBytes(x *smt.Term) (string, bool) {
	if !x.IsConst() {
		return "", false
	}
	ptr, length := strParts(x)
	if length.Value().Sign() == 0 {
		return "", true
	}
	if l.strs == nil {
		return "", false
	}
	s, ok := l.strs.bytes[ptr.Value().Uint64()]
	return s, ok && uint64(len(s)) == length.Value().Uint64()
}

// readByte is the byte at addr in memory m.
func (l *lowering) readByte(m memory, addr *smt.Term) *smt.Term {
	inPool := smt.BVUle(smt.BVUint(addrWidth, strConstBase), addr)
	if inPool.IsTrue() {
		return smt.Select(l.strings().pool, addr)
	}
	if inPool.IsFalse() || l.strs == nil {
		return l.readSlot(m, strRegion, addr)
	}
	return smt.Ite(inPool, smt.Select(l.strs.pool, addr), l.readSlot(m, strRegion, addr))
}

// byteAt is byte i of string x: right when i is in range, and any byte
// otherwise (every use is guarded by i < len(x)). When the address of
// x's bytes shows where they lie — a parameter's, below alloc0; a string
// the function made, at a fresh window; a constant's, in the pool — the
// byte is read there, without the address comparisons of readByte.
func (l *lowering) byteAt(m memory, x, i *smt.Term) *smt.Term {
	ptr, _ := strParts(x)
	addr := smt.BVAdd(ptr, i)
	switch l.ptrOrigin(ptr, 0) {
	case originEntry:
		return smt.Select(l.get(m, strRegion).old, addr)
	case originFresh:
		return smt.Select(l.get(m, strRegion).fresh, addr)
	case originPool:
		return smt.Select(l.strings().pool, addr)
	}
	return l.readByte(m, addr)
}

// Where the bytes at a string's address lie.
const (
	originUnknown = iota
	originEntry   // a string of the entry memory, below alloc0
	originFresh   // a string the function made, at or above alloc0
	originPool    // a constant
)

// ptrOrigin classifies the address of a string's bytes by its form:
// string addresses flow only into string values (Go gives no integer
// for them), so in a sum the one operand that is an address is the
// base and the others are offsets.
func (l *lowering) ptrOrigin(p *smt.Term, depth int) int {
	if depth > 16 {
		return originUnknown
	}
	switch p.Op() {
	case smt.OpConst:
		if l.strs != nil && p.Value().IsUint64() {
			v := p.Value().Uint64()
			if v >= strConstBase && v < strConstBase+l.strs.next {
				return originPool
			}
		}
	case smt.OpVar:
		if p.Name() == l.alloc0.Name() {
			return originFresh
		}
	case smt.OpExtract:
		hi, lo := p.ExtractBits()
		x := p.Args()[0]
		if lo != 0 || hi != addrWidth-1 || x.Sort().Width() != 2*addrWidth {
			return originUnknown
		}
		switch x.Op() {
		case smt.OpVar:
			if l.strs != nil && l.strs.entry[x.Name()] {
				return originEntry
			}
		case smt.OpIte:
			a := l.ptrOrigin(smt.Extract(hi, lo, x.Args()[1]), depth+1)
			if a == l.ptrOrigin(smt.Extract(hi, lo, x.Args()[2]), depth+1) {
				return a
			}
		}
	case smt.OpIte:
		a := l.ptrOrigin(p.Args()[1], depth+1)
		if a == l.ptrOrigin(p.Args()[2], depth+1) {
			return a
		}
	case smt.OpBVAdd:
		found := originUnknown
		for _, a := range p.Args() {
			if o := l.ptrOrigin(a, depth+1); o != originUnknown {
				if found != originUnknown {
					return originUnknown
				}
				found = o
			}
		}
		return found
	}
	return originUnknown
}

// stringWellFormed is what holds of a string that existed on entry: its
// length is at most maxStringBytes and its bytes lie below alloc0.
func (l *lowering) stringWellFormed(v *smt.Term) *smt.Term {
	if v.Op() == smt.OpVar {
		l.strings().entry[v.Name()] = true
	}
	ptr, length := strParts(v)
	zero := smt.BVUint(addrWidth, 0)
	return smt.And(
		smt.BVUle(length, smt.BVUint(addrWidth, maxStringBytes)),
		smt.Implies(smt.Not(smt.Eq(length, zero)),
			smt.And(smt.BVUle(smt.BVUint(addrWidth, 1), ptr), smt.BVUle(ptr, l.alloc0), smt.BVUle(length, smt.BVSub(l.alloc0, ptr)))),
	)
}

// writeString returns m with the n bytes from dst on (a fresh window)
// holding src(k) at dst+k. Only the fresh part of the region changes:
// the strings of the entry memory below alloc0 are never written.
func (l *lowering) writeString(m memory, dst, n *smt.Term, src func(k *smt.Term) *smt.Term) memory {
	st := l.get(m, strRegion)
	a := l.freshVar("addr", smt.BitVecSort(addrWidth))
	off := smt.BVSub(a, dst)
	fresh := smt.Lambda(a, smt.Ite(smt.BVUlt(off, n), src(off), smt.Select(st.fresh, a)))
	return with(m, strRegion, regionState{st.old, fresh})
}

// stringWindow is the slots a new string of length n may take.
func stringWindow(n *smt.Term) uint64 {
	if n.IsConst() && n.Value().IsUint64() {
		return min(n.Value().Uint64(), maxStringBytes)
	}
	return maxStringBytes
}

// stringValue lowers a pure string value: a constant.
func (f *frame) stringValue(v gossa.Value) (*smt.Term, bool, error) {
	c, ok := v.(*gossa.Const)
	if !ok || !isString(c.Type()) {
		return nil, false, nil
	}
	if c.Value == nil {
		return smt.BVUint(2*addrWidth, 0), true, nil
	}
	if c.Value.Kind() != constant.String {
		return nil, true, unsupported(c.Pos(), "constant %s of type %s", c.Value, c.Type())
	}
	return f.l.stringConst(constant.StringVal(c.Value)), true, nil
}

// execString lowers an instruction on strings, in program order (making
// a string writes memory); ok is false for other instructions.
func (f *frame) execString(instr gossa.Instruction) (bool, error) {
	if ok, err := f.execStringRange(instr); ok {
		return true, err
	}
	switch in := instr.(type) {
	case *gossa.Index:
		if !isString(in.X.Type()) {
			return false, nil
		}
		return true, f.stringIndex(in.X, in.Index, in, in.Pos())
	case *gossa.Lookup: // older go/ssa
		if !isString(in.X.Type()) {
			return false, nil
		}
		if in.CommaOk {
			return true, unsupported(in.Pos(), "comma-ok string indexing")
		}
		return true, f.stringIndex(in.X, in.Index, in, in.Pos())
	case *gossa.Slice:
		if !isString(in.X.Type()) {
			return false, nil
		}
		return true, f.stringSlice(in)
	case *gossa.BinOp:
		if !isString(in.X.Type()) {
			return false, nil
		}
		return true, f.stringBinOp(in)
	case *gossa.Convert:
		if !isString(in.X.Type()) && !isString(in.Type()) {
			return false, nil
		}
		return true, f.stringConvert(in)
	case *gossa.ChangeType:
		if !isString(in.X.Type()) {
			return false, nil
		}
		v, err := f.value(in.X)
		if err != nil {
			return true, err
		}
		f.cur.vals[in] = v
		return true, nil
	}
	return false, nil
}

// stringIndex lowers s[i]: a bounds obligation, and the byte.
func (f *frame) stringIndex(xv, index gossa.Value, in gossa.Value, pos token.Pos) error {
	x, err := f.value(xv)
	if err != nil {
		return err
	}
	i, err := f.index64(index)
	if err != nil {
		return err
	}
	_, length := strParts(x)
	f.require(pos, []hazard{{Bounds, smt.Not(inRange(i, length)), "runtime error: index out of range"}})
	f.cur.vals[in] = f.l.byteAt(f.mem, x, i)
	return nil
}

// stringSlice lowers s[lo:hi]: 0 <= lo <= hi <= len(s) or a bounds
// panic; the result shares s's bytes.
func (f *frame) stringSlice(in *gossa.Slice) error {
	x, err := f.value(in.X)
	if err != nil {
		return err
	}
	ptr, length := strParts(x)
	lo, negLo, err := f.sliceBound(in.Low, smt.BVUint(addrWidth, 0))
	if err != nil {
		return err
	}
	hi, negHi, err := f.sliceBound(in.High, length)
	if err != nil {
		return err
	}
	bad := smt.Or(negLo, negHi, smt.BVUlt(length, hi), smt.BVUlt(hi, lo))
	f.require(in.Pos(), []hazard{{Bounds, bad, "runtime error: slice bounds out of range"}})
	f.cur.vals[in] = makeStr(smt.BVAdd(ptr, lo), smt.BVSub(hi, lo))
	return nil
}

// concatMsg is how Go dies when a concatenation does not fit in memory.
const concatMsg = "fatal error: out of memory (string concatenation longer than maxAlloc)"

// stringBinOp lowers + and the comparisons of strings.
func (f *frame) stringBinOp(in *gossa.BinOp) error {
	x, err := f.value(in.X)
	if err != nil {
		return err
	}
	y, err := f.value(in.Y)
	if err != nil {
		return err
	}
	if in.Op == token.ADD {
		v, err := f.concat(x, y, in.Pos())
		if err != nil {
			return err
		}
		f.cur.vals[in] = v
		return nil
	}
	v, err := f.l.compareStrings(in.Op, f.mem, x, y, true)
	if err != nil {
		return unsupported(in.Pos(), "%v", err)
	}
	f.cur.vals[in] = v
	return nil
}

// concat lowers x + y: a new string of both lengths' bytes, which must
// fit in one object.
func (f *frame) concat(x, y *smt.Term, pos token.Pos) (*smt.Term, error) {
	_, lx := strParts(x)
	_, ly := strParts(y)
	n := smt.BVAdd(lx, ly) // at most 2*maxStringBytes: no wrap
	f.require(pos, []hazard{{Bounds, smt.BVUlt(smt.BVUint(addrWidth, maxStringBytes), n), concatMsg}})
	dst, err := f.l.allocate(pos, stringWindow(n))
	if err != nil {
		return nil, err
	}
	f.l.allocated(n)
	m := f.mem
	f.mem = f.l.writeString(m, dst, n, func(k *smt.Term) *smt.Term {
		return smt.Ite(smt.BVUlt(k, lx), f.l.byteAt(m, x, k), f.l.byteAt(m, y, smt.BVSub(k, lx)))
	})
	return makeStr(dst, n), nil
}

// compareStrings is x op y for strings x and y whose bytes m holds, by
// Go's order: bytewise, a proper prefix first. Equality needs no fresh
// variable; an ordering names the first index where x and y differ,
// which needs a lemma (withLemma false refuses: inside a quantifier the
// lemma would be about a bound variable).
func (l *lowering) compareStrings(op token.Token, m memory, x, y *smt.Term, withLemma bool) (*smt.Term, error) {
	switch op {
	case token.EQL:
		return l.stringsEqual(m, x, y, withLemma), nil
	case token.NEQ:
		return smt.Not(l.stringsEqual(m, x, y, withLemma)), nil
	case token.LSS:
		return l.stringLess(m, x, y, withLemma)
	case token.GTR:
		return l.stringLess(m, y, x, withLemma)
	case token.LEQ:
		lt, err := l.stringLess(m, y, x, withLemma)
		if err != nil {
			return nil, err
		}
		return smt.Not(lt), nil
	case token.GEQ:
		lt, err := l.stringLess(m, x, y, withLemma)
		if err != nil {
			return nil, err
		}
		return smt.Not(lt), nil
	}
	return nil, unsupportedOp(op)
}

type opError token.Token

func (e opError) Error() string { return "operator " + token.Token(e).String() + " on strings" }

func unsupportedOp(op token.Token) error { return opError(op) }

// maxUnrolledCompare bounds the length of a constant compared byte by
// byte.
const maxUnrolledCompare = 64

// stringsEqual is x == y: the same length and the same bytes. Unless
// one is a short constant, it is a fresh Bool defined by a lemma (with
// withLemma): the equality of arrays it stands for is no term a model can
// evaluate (Z3 leaves it unreduced), and values and guards are evaluated
// to read and check counterexamples. Inside a quantifier the lemma would
// be about the bound variable: there the equality is the term itself.
func (l *lowering) stringsEqual(m memory, x, y *smt.Term, withLemma bool) *smt.Term {
	if _, ok := l.constBytes(y); !ok {
		x, y = y, x // a constant, if either is one, on the right
	}
	_, lx := strParts(x)
	_, ly := strParts(y)
	if c, ok := l.constBytes(y); ok && len(c) <= maxUnrolledCompare {
		eqs := []*smt.Term{smt.Eq(lx, ly)}
		for i := 0; i < len(c); i++ {
			eqs = append(eqs, smt.Eq(l.byteAt(m, x, smt.BVUint(addrWidth, uint64(i))), smt.BVUint(8, uint64(c[i]))))
		}
		return smt.And(eqs...)
	}
	eq := smt.And(smt.Eq(lx, ly), l.prefixEqual(m, x, y, lx))
	if !withLemma {
		return eq
	}
	// The same comparison (in the code and again in the spec) is the same
	// variable, so that the solver need not show two definitions agree.
	fx, fy := termKey(x), termKey(y)
	if fy < fx {
		fx, fy = fy, fx
	}
	key := "entry " + fx + " " + fy // no string made yet
	st, made := m[strRegion]
	if made {
		// The arrays by identity: the memo keeps them, so that no
		// other term takes their addresses.
		key = fmt.Sprintf("%p %p %s %s", st.old, st.fresh, fx, fy)
	}
	if e, ok := l.strings().eqs[key]; ok {
		return e.v
	}
	v := l.freshVar("streq", smt.BoolSort())
	l.lemmas = append(l.lemmas, smt.Eq(v, eq))
	l.strings().eqs[key] = namedEq{v, st}
	return v
}

// maxKeyTree bounds the tree size of a term that termKey prints.
const maxKeyTree = 4096

// termKey names a string term for the memo of equalities: its text when
// small (the same comparison in the code and in the spec is then one
// variable), else its identity — printing a term is linear in its tree,
// which the positions of an unrolled decoding make exponential in its
// DAG.
func termKey(t *smt.Term) string {
	budget := maxKeyTree
	var small func(t *smt.Term) bool
	small = func(t *smt.Term) bool {
		budget--
		if budget < 0 {
			return false
		}
		for _, a := range t.Args() {
			if !small(a) {
				return false
			}
		}
		return true
	}
	if small(t) {
		return smt.Format(t)
	}
	return fmt.Sprintf("%p", t)
}

// prefixEqual is: the first n bytes of x and y are equal, as the
// equality of two arrays (Z3 decides it by extensionality, in either
// polarity; a quantifier here would be left in the result terms that a
// counterexample evaluates, which a model of a reduced query cannot).
func (l *lowering) prefixEqual(m memory, x, y, n *smt.Term) *smt.Term {
	k := l.freshVar("k", smt.BitVecSort(addrWidth))
	j := l.freshVar("k", smt.BitVecSort(addrWidth))
	zero := smt.BVUint(8, 0)
	ax := smt.Lambda(k, smt.Ite(smt.BVUlt(k, n), l.byteAt(m, x, k), zero))
	ay := smt.Lambda(j, smt.Ite(smt.BVUlt(j, n), l.byteAt(m, y, j), zero))
	return smt.Eq(ax, ay)
}

// stringLess is x < y. d, a fresh variable, is the first index where x
// and y differ (min(len x, len y) when one is a prefix of the other),
// stated as a lemma that holds for every x and y.
func (l *lowering) stringLess(m memory, x, y *smt.Term, withLemma bool) (*smt.Term, error) {
	if !withLemma {
		return nil, unsupportedOrder
	}
	_, lx := strParts(x)
	_, ly := strParts(y)
	mn := smt.Ite(smt.BVUlt(lx, ly), lx, ly)
	d := l.freshVar("strdiff", smt.BitVecSort(addrWidth))
	bx, by := l.byteAt(m, x, d), l.byteAt(m, y, d)
	l.lemmas = append(l.lemmas, smt.And(
		smt.BVUle(d, mn),
		l.prefixEqual(m, x, y, d),
		smt.Implies(smt.BVUlt(d, mn), smt.Not(smt.Eq(bx, by))),
	))
	return smt.Or(
		smt.And(smt.BVUlt(d, mn), smt.BVUlt(bx, by)),
		smt.And(smt.Eq(d, mn), smt.BVUlt(lx, ly)),
	), nil
}

type orderError struct{}

func (orderError) Error() string { return "ordering of strings inside a quantifier" }

var unsupportedOrder error = orderError{}

// stringConvert lowers conversions to and from strings: string to string
// (a named type), []byte(s), string(b) and string(r) for an integer r.
func (f *frame) stringConvert(in *gossa.Convert) error {
	from, to := in.X.Type(), in.Type()
	x, err := f.value(in.X)
	if err != nil {
		return err
	}
	var v *smt.Term
	switch {
	case isString(from) && isString(to):
		v = x
	case isString(from) && isByteSlice(to):
		v, err = f.stringToBytes(x, in.Pos())
	case isByteSlice(from) && isString(to):
		v, err = f.bytesToString(x, in.Pos())
	case isString(from) && isRuneSlice(to):
		v, err = f.stringToRunes(x, in.Pos())
	case isRuneSlice(from) && isString(to):
		v, err = f.runesToString(x, in.Pos())
	case isString(to):
		it, ok := intTypeOf(from)
		if !ok {
			return unsupported(in.Pos(), "conversion from %s to %s", from, to)
		}
		v, err = f.runeToString(x, it, in.Pos())
	default:
		return unsupported(in.Pos(), "conversion from %s to %s", from, to)
	}
	if err != nil {
		return err
	}
	f.cur.vals[in] = v
	return nil
}

// isByteSlice reports whether t is a slice of bytes (a type whose
// underlying type is uint8).
func isByteSlice(t types.Type) bool {
	s, ok := t.Underlying().(*types.Slice)
	if !ok {
		return false
	}
	b, ok := s.Elem().Underlying().(*types.Basic)
	return ok && b.Kind() == types.Uint8
}

// stringToBytes lowers []byte(s): a new array holding s's bytes. Its
// capacity is the runtime's choice (a size class, or a 32-byte buffer on
// the stack): a fresh variable, at least the length; the bytes past the
// length are zero.
func (f *frame) stringToBytes(x *smt.Term, pos token.Pos) (*smt.Term, error) {
	_, n := strParts(x)
	limit := smt.BVUint(addrWidth, maxStringBytes)
	capacity := f.l.freshVar("bytescap", smt.BitVecSort(addrWidth))
	f.l.lemmas = append(f.l.lemmas, smt.BVUle(n, capacity), smt.Implies(smt.BVUle(n, limit), smt.BVUle(capacity, limit)))
	dst, err := f.l.allocate(pos, maxStringBytes)
	if err != nil {
		return nil, err
	}
	f.l.allocated(n)
	m := f.mem
	a := f.l.freshVar("addr", smt.BitVecSort(addrWidth))
	off := smt.BVSub(a, dst)
	merged := smt.Lambda(a, smt.Ite(smt.BVUlt(off, n), f.l.byteAt(m, x, off), f.l.readSlot(m, "uint8", a)))
	f.mem = with(m, "uint8", regionState{merged, merged})
	return makeSlice(dst, n, capacity), nil
}

// bytesToString lowers string(b): a new string holding b's bytes.
func (f *frame) bytesToString(b *smt.Term, pos token.Pos) (*smt.Term, error) {
	ptr, n, _ := sliceParts(b)
	dst, err := f.l.allocate(pos, stringWindow(n))
	if err != nil {
		return nil, err
	}
	f.l.allocated(n)
	m := f.mem
	f.mem = f.l.writeString(m, dst, n, func(k *smt.Term) *smt.Term {
		return f.l.readSlot(m, "uint8", smt.BVAdd(ptr, k))
	})
	return makeStr(dst, n), nil
}

// runeToString lowers string(r): the UTF-8 encoding of r, or of U+FFFD
// when r is not a valid code point (negative, a surrogate, or above
// U+10FFFF), as Go's intstring does.
func (f *frame) runeToString(r *smt.Term, it intType, pos token.Pos) (*smt.Term, error) {
	c := convert(r, it, intType{64, it.signed}) // negative: huge unsigned
	bytes, n := encodeRune(c)
	dst, err := f.l.allocate(pos, 4)
	if err != nil {
		return nil, err
	}
	u := func(v uint64) *smt.Term { return smt.BVUint(64, v) }
	f.mem = f.l.writeString(f.mem, dst, n, func(k *smt.Term) *smt.Term {
		return smt.Ite(smt.Eq(k, u(0)), bytes[0], smt.Ite(smt.Eq(k, u(1)), bytes[1], smt.Ite(smt.Eq(k, u(2)), bytes[2], bytes[3])))
	})
	return makeStr(dst, n), nil
}

// stringWrites adds to out the regions instr writes by making a string
// or converting one to bytes.
func stringWrites(instr gossa.Instruction, out map[string]bool) {
	switch in := instr.(type) {
	case *gossa.BinOp:
		if in.Op == token.ADD && isString(in.X.Type()) {
			out[strRegion] = true
		}
	case *gossa.Convert:
		switch {
		case isString(in.Type()) && !isString(in.X.Type()):
			out[strRegion] = true
		case isString(in.X.Type()) && isByteSlice(in.Type()):
			out["uint8"] = true
		case isString(in.X.Type()) && isRuneSlice(in.Type()):
			out[runeRegion] = true
		}
	case *gossa.Range:
		if isString(in.X.Type()) {
			out[strPosRegion] = true
		}
	case *gossa.Next:
		if in.IsString {
			out[strPosRegion] = true
		}
	}
}

// makesString reports whether instr writes memory to make a string or
// bytes from one (for the effects of functions called from clauses).
func makesString(instr gossa.Instruction) bool {
	out := map[string]bool{}
	stringWrites(instr, out)
	return len(out) > 0
}

// builtinLenString is len(s).
func builtinLenString(s *smt.Term) *smt.Term {
	_, length := strParts(s)
	return length
}
