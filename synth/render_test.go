package synth

import (
	"strings"
	"testing"

	"github.com/vsynth/vsynth/ssa"
)

// TestGoFuncShared renders shared subterms as t := statements and a
// nested conditional as if/else, and the result type-checks.
func TestGoFuncShared(t *testing.T) {
	u32 := IntType(32, false)
	x := &Term{Op: OpParam, Type: u32, Param: 0}
	y := &Term{Op: OpParam, Type: u32, Param: 1}
	low := &Term{Op: OpAnd, Type: u32, Args: []*Term{x, {Op: OpNeg, Type: u32, Args: []*Term{x}}}}
	sum := &Term{Op: OpAdd, Type: u32, Args: []*Term{low, low}}
	less := &Term{Op: OpLt, Type: BoolType, Args: []*Term{x, y}}
	one := &Term{Op: OpConst, Type: u32, Value: 1}
	shifted := &Term{Op: OpShl, Type: u32, Args: []*Term{one, y}}
	body := &Term{Op: OpXor, Type: u32, Args: []*Term{sum, {Op: OpIte, Type: u32, Args: []*Term{less, shifted, y}}}}
	params := []Param{{"x", u32}, {"y", u32}}
	got := GoFunc("F", params, u32, body)
	want := `func F(x, y uint32) uint32 {
	t0 := x & -x
	var t1 uint32
	if x < y {
		t1 = uint32(1) << y
	} else {
		t1 = y
	}
	return t0 + t0 ^ t1
}
`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	var p Prover
	if _, err := p.Load("vsynth.test/r", []ssa.SourceFile{{Name: "/vsynth-test/r/r.go", Src: []byte("package r\n\n" + got)}}); err != nil {
		t.Errorf("rendered code does not type-check: %v", err)
	}
	if !strings.Contains(got, "t0 + t0") {
		t.Error("shared subterm not reused")
	}
}
