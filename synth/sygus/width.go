package sygus

import (
	"math/big"
	"strconv"
	"strings"

	"github.com/vsynth/vsynth/synth"
)

// indexedLiteral reads (_ bvN w): the numeral N as a bit vector of width w.
func (ps *parser) indexedLiteral(s *Sexp) (*synth.Term, error) {
	if len(s.List) != 3 || s.List[1].Kind != Symbol || !strings.HasPrefix(s.List[1].Atom, "bv") || s.List[2].Kind != Numeral {
		return nil, ps.unsupported(s, "indexed term %s", s)
	}
	v, ok := new(big.Int).SetString(s.List[1].Atom[2:], 10)
	if !ok || v.Sign() < 0 {
		return nil, ps.errorf(s.List[1], "bad bit-vector literal %s", s.List[1].Atom)
	}
	w, err := ps.width(s.List[2])
	if err != nil {
		return nil, err
	}
	if v.BitLen() > w {
		return nil, ps.errorf(s, "%s does not fit in %d bits", s.List[1].Atom[2:], w)
	}
	return &synth.Term{Op: synth.OpConst, Type: synth.IntType(w, false), Value: v.Uint64(), Sym: s.String()}, nil
}

// width reads a bit-vector width: 1 to 64 bits (Go's widest integer).
func (ps *parser) width(s *Sexp) (int, error) {
	w, err := strconv.Atoi(s.Atom)
	if s.Kind != Numeral || err != nil || w <= 0 {
		return 0, ps.errorf(s, "bad bit-vector width %s", s)
	}
	if w > 64 {
		return 0, ps.unsupported(s, "bit-vector width %d (1 to 64 bits)", w)
	}
	return w, nil
}

// index reads the numeral index of an indexed operator.
func (ps *parser) index(s *Sexp) (int, error) {
	n, err := strconv.Atoi(s.Atom)
	if s.Kind != Numeral || err != nil || n < 0 {
		return 0, ps.errorf(s, "bad index %s", s)
	}
	return n, nil
}

// indexedOp applies (_ extract i j), (_ zero_extend k) or (_ sign_extend k).
func (ps *parser) indexedOp(s, head *Sexp, args []*synth.Term) (*synth.Term, error) {
	if len(head.List) < 2 || head.List[1].Kind != Symbol {
		return nil, ps.errorf(head, "expected an indexed operator")
	}
	name := head.List[1].Atom
	var idx []int
	for _, a := range head.List[2:] {
		n, err := ps.index(a)
		if err != nil {
			return nil, err
		}
		idx = append(idx, n)
	}
	want := map[string]int{"extract": 2, "zero_extend": 1, "sign_extend": 1}
	n, ok := want[name]
	if !ok {
		if name == "rotate_left" || name == "rotate_right" || name == "repeat" {
			return nil, ps.unsupported(head, "operator %s", name)
		}
		return nil, ps.errorf(head, "unknown indexed operator %s", name)
	}
	if len(idx) != n {
		return nil, ps.errorf(head, "%s takes %d indices", name, n)
	}
	if len(args) != 1 || args[0].Type.Bool {
		return nil, ps.errorf(s, "%s takes one bit vector", name)
	}
	x := args[0]
	var t *synth.Term
	switch name {
	case "extract":
		hi, lo := idx[0], idx[1]
		if hi < lo || hi >= x.Type.Width {
			return nil, ps.errorf(head, "extract %d %d of a %d-bit vector", hi, lo, x.Type.Width)
		}
		t = synth.Extract(x, hi, lo)
	case "zero_extend", "sign_extend":
		if x.Type.Width+idx[0] > 64 {
			return nil, ps.unsupported(s, "bit-vector width %d (1 to 64 bits)", x.Type.Width+idx[0])
		}
		if name == "zero_extend" {
			t = synth.ZeroExtend(x, idx[0])
		} else {
			t = synth.SignExtend(x, idx[0])
		}
	}
	t.Sym = head.String()
	return t, nil
}

// concat applies concat: the first operand's bits above the second's.
func (ps *parser) concat(s *Sexp, args []*synth.Term) (*synth.Term, error) {
	if len(args) != 2 || args[0].Type.Bool || args[1].Type.Bool {
		return nil, ps.errorf(s, "concat takes two bit vectors")
	}
	if w := args[0].Type.Width + args[1].Type.Width; w > 64 {
		return nil, ps.unsupported(s, "bit-vector width %d (1 to 64 bits)", w)
	}
	t := synth.Concat(args[0], args[1])
	t.Sym = "concat"
	return t, nil
}

// redorOperands reads (= (bvredor E) #b1) as vsynth has always read it:
// bvredor gives a Bool (true when E is not zero), and the 1-bit literal
// it is compared with becomes that Bool constant, spelled as in the file.
func redorOperands(args []*synth.Term) []*synth.Term {
	if len(args) != 2 {
		return args
	}
	for i, a := range args {
		b := args[1-i]
		if a.Op == synth.OpRedOr && b.Op == synth.OpConst && !b.Type.Bool && b.Type.Width == 1 {
			c := *b
			c.Type = synth.BoolType
			out := []*synth.Term{a, a}
			out[1-i] = &c
			return out
		}
	}
	return args
}
