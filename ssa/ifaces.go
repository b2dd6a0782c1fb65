package ssa

import (
	"fmt"
	"go/token"
	"go/types"
	"hash/fnv"

	gossa "golang.org/x/tools/go/ssa"

	"github.com/vsynth/vsynth/smt"
)

// Interface values (ifaces.go; their counterexample literals are in
// ifaces_cex.go, method calls through them in ifaces_call.go, the errors
// the standard library makes in ifaces_errors.go).
//
// An interface value is one bit vector: a 32-bit tag naming its dynamic
// type (0 for nil) and a 256-bit payload holding the dynamic value's
// term, zero-extended (an integer's bits, a pointer, a slice's three
// words, a string's address and length, a small struct). The tag of a
// type is a hash of its full name, checked for collisions within a
// lowering, so the same type has the same tag in every query and the
// proof cache's keys do not depend on the order types were met.
//
// The dynamic types an interface value may hold are the program's (the
// closed world of the loaded packages): every type a loaded function
// converts to an interface, every type declared in a loaded package and
// its pointer, and the errors errors.New and fmt.Errorf make when the
// program calls them. A parameter of interface type holds nil or one of
// those that implement its type; a method call through an interface is
// resolved over them (ifaces_call.go).

const (
	ifaceTagWidth     = 32
	ifacePayloadWidth = 256
)

// ifaceSort is the sort of interface values.
var ifaceSort = smt.BitVecSort(ifaceTagWidth + ifacePayloadWidth)

// isInterface reports whether t is an interface type (not a type
// parameter: generic bodies are lowered only as instances).
func isInterface(t types.Type) bool {
	if _, ok := t.(*types.TypeParam); ok {
		return false
	}
	return types.IsInterface(t)
}

// ifaceParts splits an interface value into its tag and payload.
func ifaceParts(v *smt.Term) (tag, payload *smt.Term) {
	return extract(v, 0, ifaceTagWidth), extract(v, ifaceTagWidth, ifacePayloadWidth)
}

// makeIface builds an interface value.
func makeIface(tag uint64, payload *smt.Term) *smt.Term {
	return smt.Concat(payload, smt.BVUint(ifaceTagWidth, tag))
}

// nilIface is the nil interface value.
func nilIface() *smt.Term { return smt.BVUint(ifaceTagWidth+ifacePayloadWidth, 0) }

// opaque kinds of dynamic types: values the standard library makes whose
// type vsynth does not model beyond their identity.
const (
	opaqueErrorsNew = "errors.New"
	opaqueErrorf    = "fmt.Errorf"
)

// dynType is a dynamic type an interface value may hold.
type dynType struct {
	t      types.Type // the concrete Go type; nil for an opaque one
	opaque string     // opaqueErrorsNew or opaqueErrorf
	tag    uint64
	key    string
	// unmodelled, when set, says why values of t cannot be a payload: an
	// interface may still hold one, but nothing may look at it.
	unmodelled string
}

func (d *dynType) String() string {
	if d.t == nil {
		return "the error " + d.opaque + " makes"
	}
	return d.t.String()
}

// ifaceState is a lowering's registry of dynamic types.
type ifaceState struct {
	byTag    map[uint64]*dynType
	universe []*dynType // the closed world, once computed
	// closed records, for the closing note of a verdict, which interface
	// calls and parameters were resolved over which types.
	closed []string
}

func (l *lowering) ifaces() *ifaceState {
	if l.iface == nil {
		l.iface = &ifaceState{byTag: map[uint64]*dynType{}}
	}
	return l.iface
}

// tagOf hashes a dynamic type's key to its tag (never 0).
func tagOf(key string) uint64 {
	h := fnv.New32a()
	h.Write([]byte(key))
	t := uint64(h.Sum32())
	if t == 0 {
		t = 1
	}
	return t
}

// dyn registers the concrete type t and returns its dynamic type.
func (l *lowering) dyn(t types.Type, pos token.Pos) (*dynType, error) {
	return l.register(&dynType{t: t, key: "type:" + types.TypeString(t, nil)}, pos)
}

// opaqueDyn registers an opaque dynamic type.
func (l *lowering) opaqueDyn(kind string, pos token.Pos) (*dynType, error) {
	return l.register(&dynType{opaque: kind, key: "opaque:" + kind}, pos)
}

func (l *lowering) register(d *dynType, pos token.Pos) (*dynType, error) {
	st := l.ifaces()
	d.tag = tagOf(d.key)
	if old, ok := st.byTag[d.tag]; ok {
		if old.key != d.key {
			return nil, unsupported(pos, "interface values of types %s and %s, whose tags collide", old, d)
		}
		return old, nil
	}
	if d.t != nil {
		if _, err := payloadWidth(d.t); err != nil {
			d.unmodelled = err.Error()
		}
	}
	st.byTag[d.tag] = d
	return d, nil
}

// payloadWidth is the width of a value of concrete type t in a payload.
func payloadWidth(t types.Type) (int, error) {
	switch {
	case isInterface(t):
		return 0, fmt.Errorf("interface type %s as a dynamic type", t)
	case isBool(t):
		return 1, nil
	case isString(t):
		return stringSort.Width(), nil
	}
	lay, err := layoutOf(t)
	if err != nil {
		return 0, err
	}
	if lay.width > ifacePayloadWidth {
		return 0, fmt.Errorf("values of type %s in an interface (more than %d bits)", t, ifacePayloadWidth)
	}
	return lay.width, nil
}

// toPayload puts a value of type t into a payload.
func toPayload(v *smt.Term, t types.Type) (*smt.Term, error) {
	w, err := payloadWidth(t)
	if err != nil {
		return nil, err
	}
	if w == 0 {
		return smt.BVUint(ifacePayloadWidth, 0), nil // a zero-width value
	}
	b := bits(v)
	if w < ifacePayloadWidth {
		b = smt.ZeroExt(ifacePayloadWidth-w, b)
	}
	return b, nil
}

// fromPayload reads a value of type t out of a payload.
func fromPayload(p *smt.Term, t types.Type) (*smt.Term, error) {
	w, err := payloadWidth(t)
	if err != nil {
		return nil, err
	}
	b := extract(p, 0, w)
	if isBool(t) {
		return smt.Eq(b, smt.BVUint(1, 1)), nil
	}
	return b, nil
}

// payloadFits says that the payload bits above a value of width w are
// zero: each value has one representation, so == of payloads is ==.
func payloadFits(p *smt.Term, w int) *smt.Term {
	if w >= ifacePayloadWidth {
		return smt.True()
	}
	return smt.Eq(extract(p, w, ifacePayloadWidth-w), smt.BVUint(ifacePayloadWidth-w, 0))
}

// value of a dynamic type's payload, or unsupported.
func (d *dynType) value(p *smt.Term, pos token.Pos) (*smt.Term, error) {
	if d.t == nil {
		return nil, unsupported(pos, "the dynamic value of %s", d)
	}
	if d.unmodelled != "" {
		return nil, unsupported(pos, "interface holding %s: %s", d.t, d.unmodelled)
	}
	return fromPayload(p, d.t)
}

// implements reports whether values of d satisfy interface type it.
func (d *dynType) implements(it types.Type) bool {
	iface, ok := it.Underlying().(*types.Interface)
	if !ok {
		return false
	}
	if d.t != nil {
		return types.Implements(d.t, iface)
	}
	// Opaque errors have the method Error() string (and, for fmt.Errorf
	// without %w, nothing else vsynth lets code ask for).
	for i := 0; i < iface.NumMethods(); i++ {
		m := iface.Method(i)
		sig := m.Type().(*types.Signature)
		if m.Name() != "Error" || sig.Params().Len() != 0 || sig.Results().Len() != 1 || !isString(sig.Results().At(0).Type()) {
			return false
		}
		if b, ok := sig.Results().At(0).Type().(*types.Basic); !ok || b.Kind() != types.String {
			return false
		}
	}
	return true
}

// candidates lists the dynamic types of the closed world that implement
// interface type it, in a fixed order.
func (l *lowering) candidates(it types.Type, pos token.Pos) ([]*dynType, error) {
	st := l.ifaces()
	if st.universe == nil {
		w := worldOf(l.prog)
		st.universe = []*dynType{}
		for _, t := range w.types {
			d, err := l.dyn(t, pos)
			if err != nil {
				return nil, err
			}
			st.universe = append(st.universe, d)
		}
		for _, k := range w.opaque {
			d, err := l.opaqueDyn(k, pos)
			if err != nil {
				return nil, err
			}
			st.universe = append(st.universe, d)
		}
	}
	var out []*dynType
	for _, d := range st.universe {
		if d.implements(it) {
			out = append(out, d)
		}
	}
	return out, nil
}

// ifaceWellFormed is what holds of an interface value of type it that
// exists on entry: nil, or a value of one of the closed world's types
// that implement it.
func (l *lowering) ifaceWellFormed(v *smt.Term, it types.Type) (*smt.Term, error) {
	tag, p := ifaceParts(v)
	alts := []*smt.Term{smt.And(smt.Eq(tag, smt.BVUint(ifaceTagWidth, 0)), smt.Eq(p, smt.BVUint(ifacePayloadWidth, 0)))}
	cands, err := l.candidates(it, token.NoPos)
	if err != nil {
		return nil, err
	}
	if len(cands) == 0 {
		// No loaded type implements it: a caller's value is of a type
		// vsynth does not know. It is held under a tag of its own that
		// nothing can look into (ifaces_call.go makes calls through it
		// unknown).
		d, err := l.register(&dynType{opaque: "an implementation of " + it.String() + " outside the loaded packages", key: "outside:" + types.TypeString(it, nil)}, token.NoPos)
		if err != nil {
			return nil, err
		}
		alts = append(alts, smt.And(smt.Eq(tag, smt.BVUint(ifaceTagWidth, d.tag)), smt.Eq(p, smt.BVUint(ifacePayloadWidth, 0))))
		l.noteClosed(fmt.Sprintf("no type of the loaded packages implements %s", it))
		return smt.Or(alts...), nil
	}
	for _, d := range cands {
		is := smt.Eq(tag, smt.BVUint(ifaceTagWidth, d.tag))
		switch {
		case d.opaque != "":
			addr := extract(p, 0, addrWidth)
			c := smt.And(is, smt.Not(smt.Eq(addr, smt.BVUint(addrWidth, 0))), smt.BVUlt(addr, l.alloc0))
			if d.opaque == opaqueErrorsNew {
				c = smt.And(c, l.stringWellFormed(extract(p, addrWidth, stringSort.Width())), payloadFits(p, addrWidth+stringSort.Width()))
			} else {
				c = smt.And(c, payloadFits(p, addrWidth))
			}
			alts = append(alts, c)
		case d.unmodelled != "":
			alts = append(alts, smt.And(is, smt.Eq(p, smt.BVUint(ifacePayloadWidth, 0))))
		default:
			w, _ := payloadWidth(d.t)
			x, _ := fromPayload(p, d.t)
			wf, err := l.wellFormed(x, d.t)
			if _, isPtr := d.t.Underlying().(*types.Pointer); err != nil && isPtr {
				// A pointer to what vsynth does not model: nil or an old
				// address, and nothing may load through it.
				wf, err = smt.Or(smt.Eq(x, smt.BVUint(addrWidth, 0)), smt.And(smt.BVUle(smt.BVUint(addrWidth, 1), x), smt.BVUlt(x, l.alloc0))), nil
			}
			if err != nil {
				d.unmodelled = err.Error()
				alts = append(alts, smt.And(is, smt.Eq(p, smt.BVUint(ifacePayloadWidth, 0))))
				continue
			}
			alts = append(alts, smt.And(is, payloadFits(p, w), wf))
		}
	}
	l.noteClosed(fmt.Sprintf("a value of %s on entry is nil or one of %s", it, dynNames(cands)))
	return smt.Or(alts...), nil
}

// noteClosed records a use of the closed-world assumption for the
// verdict's note.
func (l *lowering) noteClosed(s string) {
	st := l.ifaces()
	for _, c := range st.closed {
		if c == s {
			return
		}
	}
	st.closed = append(st.closed, s)
}

func dynNames(ds []*dynType) string {
	if len(ds) == 0 {
		return "no type (none in the loaded packages)"
	}
	s := ""
	for i, d := range ds {
		if i > 0 {
			s += ", "
		}
		s += d.String()
	}
	return s
}

// makeInterface lowers the conversion of x to an interface.
func (f *frame) makeInterface(v *gossa.MakeInterface) (*smt.Term, error) {
	if isInterface(v.X.Type()) {
		return f.value(v.X)
	}
	d, err := f.l.dyn(v.X.Type(), v.Pos())
	if err != nil {
		return nil, err
	}
	if d.unmodelled != "" {
		return nil, unsupported(v.Pos(), "interface holding %s: %s", d.t, d.unmodelled)
	}
	x, err := f.value(v.X)
	if err != nil {
		return nil, err
	}
	p, err := toPayload(x, d.t)
	if err != nil {
		return nil, unsupported(v.Pos(), "%v", err)
	}
	return makeIface(d.tag, p), nil
}

// zeroOf is the zero value of a modelled type.
func (l *lowering) zeroOf(t types.Type, pos token.Pos) (*smt.Term, error) {
	switch {
	case isInterface(t):
		return nilIface(), nil
	case isString(t):
		return makeStr(smt.BVUint(addrWidth, 0), smt.BVUint(addrWidth, 0)), nil
	}
	return constTerm(nil, t, pos)
}

// typeAssert lowers x.(T) and x.(T) with comma-ok.
func (f *frame) typeAssert(in *gossa.TypeAssert) error {
	x, err := f.value(in.X)
	if err != nil {
		return err
	}
	tag, p := ifaceParts(x)
	var ok, val *smt.Term
	if isInterface(in.AssertedType) {
		if from, err := f.l.candidates(in.X.Type(), in.Pos()); err != nil || len(from) == 0 {
			return unsupported(in.Pos(), "type assertion on a value of %s, which no type of the loaded packages implements", in.X.Type())
		}
		cands, err := f.l.candidates(in.AssertedType, in.Pos())
		if err != nil {
			return err
		}
		var is []*smt.Term
		for _, d := range cands {
			is = append(is, smt.Eq(tag, smt.BVUint(ifaceTagWidth, d.tag)))
		}
		ok, val = smt.Or(is...), x
	} else {
		d, err := f.l.dyn(in.AssertedType, in.Pos())
		if err != nil {
			return err
		}
		ok = smt.Eq(tag, smt.BVUint(ifaceTagWidth, d.tag))
		if val, err = d.value(p, in.Pos()); err != nil {
			return err
		}
	}
	if !in.CommaOk {
		f.require(in.Pos(), []hazard{{TypeAssertion, smt.Not(ok), "interface conversion"}})
		f.cur.vals[in] = val
		return nil
	}
	zero, err := f.l.zeroOf(in.AssertedType, in.Pos())
	if err != nil {
		return err
	}
	f.cur.tuples[in] = []*smt.Term{smt.Ite(ok, val, zero), ok}
	f.cur.vals[in] = smt.True()
	return nil
}

// ifaceEqual is x == y for interface values of static types xt and yt:
// the same dynamic type and equal dynamic values; comparing two values
// of the same uncomparable type panics. strEq compares strings.
func (l *lowering) ifaceEqual(x, y *smt.Term, xt, yt types.Type, pos token.Pos, strEq func(a, b *smt.Term) *smt.Term) (*smt.Term, []hazard, error) {
	tx, px := ifaceParts(x)
	ty, py := ifaceParts(y)
	cands, err := l.candidates(xt, pos)
	if err != nil {
		return nil, nil, err
	}
	more, err := l.candidates(yt, pos)
	if err != nil {
		return nil, nil, err
	}
	if len(cands) == 0 || len(more) == 0 {
		return nil, nil, unsupported(pos, "comparing values of %s and %s, one of which no type of the loaded packages implements", xt, yt)
	}
	if !types.Identical(xt, yt) {
		cands = append(cands, more...)
	}
	// Only the types either side may hold matter (both when known: a
	// value compares equal only to one of its own type).
	if px, py := possibleTags(tx), possibleTags(ty); px != nil || py != nil {
		switch {
		case px == nil:
			cands = narrow(cands, py)
		case py == nil:
			cands = narrow(cands, px)
		default:
			for t := range py {
				px[t] = true
			}
			cands = narrow(cands, px)
		}
	}
	sameTag := smt.Eq(tx, ty)
	alts := []*smt.Term{smt.Eq(tx, smt.BVUint(ifaceTagWidth, 0))}
	var uncomparable []*smt.Term
	seen := map[uint64]bool{}
	for _, d := range cands {
		if seen[d.tag] {
			continue
		}
		seen[d.tag] = true
		is := smt.Eq(tx, smt.BVUint(ifaceTagWidth, d.tag))
		switch {
		case d.opaque != "": // pointers: the same allocation
			alts = append(alts, smt.And(is, smt.Eq(extract(px, 0, addrWidth), extract(py, 0, addrWidth))))
		case !types.Comparable(d.t):
			uncomparable = append(uncomparable, is)
		case pointsToZeroSize(d.t):
			// Distinct zero-size objects may share an address in Go
			// (semantics.go): never decided.
			return nil, nil, unsupported(pos, "comparing interfaces that may hold %s: pointers to zero-size values, which Go may or may not give one address", d.t)
		case d.unmodelled != "":
			return nil, nil, unsupported(pos, "comparing interfaces that may hold %s: %s", d.t, d.unmodelled)
		default:
			a, _ := fromPayload(px, d.t)
			b, _ := fromPayload(py, d.t)
			var eq *smt.Term
			if isString(d.t) {
				eq = strEq(a, b)
			} else {
				eq = goEqual(a, b, d.t)
			}
			alts = append(alts, smt.And(is, eq))
		}
	}
	var hz []hazard
	if len(uncomparable) > 0 {
		hz = append(hz, hazard{Panic, smt.And(sameTag, smt.Or(uncomparable...)), "runtime error: comparing uncomparable type"})
	}
	return smt.And(sameTag, smt.Or(alts...)), hz, nil
}

// possibleTags lists the tags an interface value's tag term can take when
// the term says (a conversion, or if-then-else of them): nil otherwise.
func possibleTags(tag *smt.Term) map[uint64]bool {
	switch {
	case tag.IsConst():
		return map[uint64]bool{tag.Value().Uint64(): true}
	case tag.Op() == smt.OpIte:
		a, b := possibleTags(tag.Args()[1]), possibleTags(tag.Args()[2])
		if a == nil || b == nil {
			return nil
		}
		for t := range b {
			a[t] = true
		}
		return a
	}
	return nil
}

// narrow keeps the candidates whose tag is possible (all when nil).
func narrow(cands []*dynType, possible map[uint64]bool) []*dynType {
	if possible == nil {
		return cands
	}
	var out []*dynType
	for _, d := range cands {
		if possible[d.tag] {
			out = append(out, d)
		}
	}
	return out
}

// ifaceIsNil is x == nil for an interface value.
func ifaceIsNil(x *smt.Term) *smt.Term {
	tag, _ := ifaceParts(x)
	return smt.Eq(tag, smt.BVUint(ifaceTagWidth, 0))
}

// isNilConst reports whether v is the constant nil.
func isNilConst(v gossa.Value) bool {
	c, ok := v.(*gossa.Const)
	return ok && c.Value == nil
}

// ifaceBinOp lowers == and != on interface values.
func (f *frame) ifaceBinOp(v *gossa.BinOp) (*smt.Term, error) {
	if v.Op != token.EQL && v.Op != token.NEQ {
		return nil, unsupported(v.Pos(), "operator %s on interfaces", v.Op)
	}
	var eq *smt.Term
	switch {
	case isNilConst(v.Y) || isNilConst(v.X):
		other := v.X
		if isNilConst(v.X) {
			other = v.Y
		}
		x, err := f.value(other)
		if err != nil {
			return nil, err
		}
		eq = ifaceIsNil(x)
	default:
		x, err := f.value(v.X)
		if err != nil {
			return nil, err
		}
		y, err := f.value(v.Y)
		if err != nil {
			return nil, err
		}
		var hz []hazard
		eq, hz, err = f.l.ifaceEqual(x, y, v.X.Type(), v.Y.Type(), v.Pos(), func(a, b *smt.Term) *smt.Term { return f.l.stringsEqual(f.mem, a, b, true) })
		if err != nil {
			return nil, err
		}
		f.require(v.Pos(), hz)
	}
	if v.Op == token.NEQ {
		return smt.Not(eq), nil
	}
	return eq, nil
}

// execIface lowers the instructions on interfaces that may panic, in
// program order.
func (f *frame) execIface(instr gossa.Instruction) (bool, error) {
	switch in := instr.(type) {
	case *gossa.TypeAssert:
		return true, f.typeAssert(in)
	case *gossa.BinOp:
		if isInterface(in.X.Type()) || isInterface(in.Y.Type()) {
			_, err := f.value(in)
			return true, err
		}
	}
	return false, nil
}
