package smt

import "testing"

func TestFormatShared(t *testing.T) {
	x := Var("x", BitVecSort(8))
	s := BVAdd(x, x)
	u := BVAdd(s, s)
	q := Var("q", BitVecSort(8))
	a := BVAdd(q, x)
	for _, tc := range []struct {
		t    *Term
		want string
	}{
		{x, "x"},
		{BVMul(s, s), "(let ((%1 (bvadd x x))) (bvmul %1 %1))"},
		{BVMul(u, u), "(let ((%1 (bvadd x x))) (let ((%2 (bvadd %1 %1))) (bvmul %2 %2)))"},
		{Forall([]*Term{q}, Eq(BVMul(a, a), s)), "(forall ((q (_ BitVec 8))) (let ((%1 (bvadd q x))) (= (bvmul %1 %1) (bvadd x x))))"},
	} {
		got, err := FormatShared(tc.t)
		if err != nil {
			t.Fatal(err)
		}
		if got != tc.want {
			t.Errorf("FormatShared(%s) = %s, want %s", Format(tc.t), got, tc.want)
		}
	}
}
