package ssa

import (
	"fmt"
	"math/big"

	"github.com/vsynth/vsynth/smt"
)

// A query that does not involve memory leaves alloc0 open, and the
// model's completion gives it 0, where no object can be (vc.go,
// allocBase): the first fresh object, which the counterexample may still
// show (a result built by make or new), would read as nil. Such a query
// says nothing of the objects below alloc0 either (every pointer or slice
// parameter and every load states a fact about alloc0), so any alloc0 the
// model assumes will do: the counterexample is read with alloc0 = 1.

// baseModel is a model with some variables fixed.
type baseModel struct {
	smt.Model
	from, to []*smt.Term
}

func (b baseModel) Eval(t *smt.Term) (*smt.Term, error) {
	return b.Model.Eval(smt.Substitute(t, b.from, b.to))
}

// withFreshBase returns m, with alloc0 = 1 when m gives alloc0 a value
// outside what the model assumes of it.
func withFreshBase(vc *VC, m smt.Model) (smt.Model, error) {
	a, err := m.Eval(vc.Alloc0)
	if err != nil {
		return nil, fmt.Errorf("reading alloc0: %w", err)
	}
	if v := a.Value(); v.Sign() > 0 && v.Cmp(new(big.Int).SetUint64(maxAlloc0)) <= 0 {
		return m, nil
	}
	return baseModel{m, []*smt.Term{vc.Alloc0}, []*smt.Term{smt.BVUint(addrWidth, 1)}}, nil
}
