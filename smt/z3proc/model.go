package z3proc

import (
	"context"
	"fmt"
	"math/big"
	"strings"

	"github.com/vsynth/vsynth/smt"
)

// model evaluates terms in the model of its solver's last sat check.
type model struct{ s *Solver }

// Eval evaluates t, a formula or a bit vector, to a constant.
func (m *model) Eval(t *smt.Term) (*smt.Term, error) {
	s := m.s
	if !s.sat || s.proc == nil {
		return nil, fmt.Errorf("z3proc: eval: model of an outdated check")
	}
	if t.Sort().IsArray() {
		return nil, fmt.Errorf("z3proc: eval: term of array sort %s has no constant value; evaluate selects of it", t.Sort())
	}
	// Variables the query does not mention are not declared in the
	// process: model completion would give them any value; give them 0
	// (an array: 0 everywhere).
	var from, to []*smt.Term
	for _, v := range smt.Vars(t) {
		if s.vars[v.Name()] {
			continue
		}
		zero, err := zeroOf(v.Sort())
		if err != nil {
			return nil, fmt.Errorf("z3proc: eval: variable %s: %w", v.Name(), err)
		}
		from, to = append(from, v), append(to, zero)
	}
	if len(from) > 0 {
		t = smt.Substitute(t, from, to)
	}
	if t.IsConst() {
		return t, nil
	}
	text, err := smt.FormatShared(t)
	if err != nil {
		return nil, fmt.Errorf("z3proc: eval: %w", err)
	}
	// Z3's (eval) command, unlike SMT-LIB's (get-value), takes terms
	// with quantifiers and lambdas, as libz3's Z3_model_eval does.
	r, err := s.ask(context.Background(), smt.Limits{}, []byte("(eval "+text+")\n"))
	if err != nil {
		return nil, fmt.Errorf("z3proc: eval: %w", err)
	}
	if r == nil {
		return nil, fmt.Errorf("z3proc: eval: no answer")
	}
	return constant(*r, t.Sort())
}

func zeroOf(s smt.Sort) (*smt.Term, error) {
	switch {
	case s.IsBool():
		return smt.False(), nil
	case s.IsArray():
		elem, err := zeroOf(s.Elem())
		if err != nil {
			return nil, err
		}
		return smt.ConstArray(s, elem), nil
	}
	return smt.BVInt(s.Width(), 0), nil
}

// constant converts a value Z3 printed (true, false, #b…, #x…, (_ bvN w))
// to a constant of sort.
func constant(v sexpr, sort smt.Sort) (*smt.Term, error) {
	if sort.IsBool() {
		switch v.atom {
		case "true":
			return smt.True(), nil
		case "false":
			return smt.False(), nil
		}
		return nil, fmt.Errorf("z3proc: eval: %s is not a Boolean value", v)
	}
	var n big.Int
	ok := false
	switch {
	case strings.HasPrefix(v.atom, "#b"):
		_, ok = n.SetString(v.atom[2:], 2)
	case strings.HasPrefix(v.atom, "#x"):
		_, ok = n.SetString(v.atom[2:], 16)
	case v.isList() && len(v.list) == 3 && v.list[0].atom == "_" && strings.HasPrefix(v.list[1].atom, "bv"):
		_, ok = n.SetString(v.list[1].atom[2:], 10)
	}
	if !ok {
		return nil, fmt.Errorf("z3proc: eval: %s is not a bit-vector value", v)
	}
	return smt.BVBig(sort.Width(), &n), nil
}
