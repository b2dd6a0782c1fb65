package ssa

import (
	"fmt"
	"go/types"
	"strconv"
	"strings"

	"github.com/vsynth/vsynth/smt"
)

// A string in a counterexample is written as a Go string literal, quoted
// as strconv.Quote does ("a\x00b": every byte sequence, valid UTF-8 or
// not, has one), converted to the parameter's type when it is a named
// string type. A string longer than maxListedElems bytes is made from a
// byte slice whose non-zero bytes are set by index, when the model says
// which may not be zero (as longSlice does for slices):
//
//	func() T { b := make([]byte, n); b[i] = v; return T(b) }()

// str writes the string value c of type t.
func (w *valueWriter) str(c *smt.Term, t types.Type, path string) (string, error) {
	name := types.TypeString(t, w.qf)
	conv := func(lit string) string {
		if types.Identical(t, types.Typ[types.String]) {
			return lit
		}
		return fmt.Sprintf("%s(%s)", name, lit)
	}
	ptr, length := strParts(c)
	n := length.Value()
	if !n.IsUint64() || n.Uint64() > maxStringBytes {
		w.unshown = append(w.unshown, fmt.Sprintf("%s (a string of %s bytes)", path, n))
		return conv(`""`), nil
	}
	if n.Uint64() > maxListedElems || w.elems+n.Uint64() > maxShownTotal {
		return w.longString(c, t, path, conv)
	}
	w.elems += n.Uint64()
	b := make([]byte, n.Uint64())
	for i := range b {
		v, err := w.eval(w.vc.lowering.readByte(w.mem, smt.BVAdd(ptr, smt.BVUint(addrWidth, uint64(i)))))
		if err != nil {
			return "", err
		}
		b[i] = byte(v.Value().Uint64())
	}
	return conv(strconv.Quote(string(b))), nil
}

// longString writes a string with more bytes than a counterexample lists
// one by one, from the reads of the entry memory the model makes.
func (w *valueWriter) longString(c *smt.Term, t types.Type, path string, conv func(string) string) (string, error) {
	name := types.TypeString(t, w.qf)
	ptr, length := strParts(c)
	n, p := length.Value().Uint64(), ptr.Value().Uint64()
	tooMany := func() (string, error) {
		w.unshown = append(w.unshown, fmt.Sprintf("%s (a string of %d bytes: more than a counterexample lists)", path, n))
		return conv(`""`), nil
	}
	if len(w.mem) != 0 || p+n > strConstBase-1 || p+n < p {
		return tooMany() // bytes the function wrote, or constants
	}
	idx, ok, err := smt.ReadIndices(w.m, entryMemoryName+strRegion)
	if err != nil {
		return "", err
	}
	if !ok {
		return tooMany()
	}
	var b strings.Builder
	fmt.Fprintf(&b, "func() %s { b := make([]byte, %d); ", name, n)
	set := 0
	for _, a := range idx {
		v := a.Value().Uint64()
		if v < p || v-p >= n {
			continue
		}
		x, err := w.eval(w.vc.lowering.readByte(w.mem, a))
		if err != nil {
			return "", err
		}
		if x.Value().Sign() == 0 {
			continue
		}
		if set++; uint64(set) > maxShownTotal {
			return tooMany()
		}
		fmt.Fprintf(&b, "b[%d] = %d; ", v-p, x.Value().Uint64())
	}
	fmt.Fprintf(&b, "return %s(b) }()", name)
	return b.String(), nil
}
