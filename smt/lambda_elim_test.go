package smt

import (
	"bytes"
	"strings"
	"testing"
)

// TestWithoutLambdas checks the rewriting of each shape: a closed lambda,
// two lambdas compared (the shape of string equality, which cvc5 could
// not parse), a lambda under a quantifier that mentions the quantifier's
// variable, a lambda inside a lambda, a shared lambda (one constant), and
// queries without lambdas (returned as they are).
func TestWithoutLambdas(t *testing.T) {
	idx, byt := BitVecSort(64), BitVecSort(8)
	mem := Var("mem", ArraySort(idx, byt))
	n, p, q := Var("n", idx), Var("p", idx), Var("q", idx)
	k, k2, j := Var("k!1", idx), Var("k!2", idx), Var("j", idx)
	bounded := func(k, base *Term) *Term {
		return Lambda(k, Ite(BVUlt(k, n), Select(mem, BVAdd(base, k)), BVInt(8, 0)))
	}
	cases := []struct {
		name string
		in   []*Term
		want []string
	}{
		{"closed", []*Term{Eq(Select(bounded(k, p), j), BVInt(8, 1))}, []string{
			"(= (select !lam0 j) #x01)",
			"(forall ((k!1 (_ BitVec 64))) (= (select !lam0 k!1) (ite (bvult k!1 n) (select mem (bvadd p k!1)) #x00)))",
		}},
		{"equality", []*Term{Not(Eq(bounded(k, p), bounded(k2, q)))}, []string{
			"(not (= !lam0 !lam1))",
			"(forall ((k!1 (_ BitVec 64))) (= (select !lam0 k!1) (ite (bvult k!1 n) (select mem (bvadd p k!1)) #x00)))",
			"(forall ((k!2 (_ BitVec 64))) (= (select !lam1 k!2) (ite (bvult k!2 n) (select mem (bvadd q k!2)) #x00)))",
		}},
		{"captures a quantified variable", []*Term{Forall([]*Term{j}, Eq(Select(bounded(k, j), BVInt(64, 0)), BVInt(8, 0)))}, []string{
			"(forall ((j (_ BitVec 64))) (= (select (select !lam0 j) #x0000000000000000) #x00))",
			"(forall ((j (_ BitVec 64)) (k!1 (_ BitVec 64))) (= (select (select !lam0 j) k!1) (ite (bvult k!1 n) (select mem (bvadd j k!1)) #x00)))",
		}},
		{"nested", []*Term{Eq(Select(Lambda(k, Select(bounded(k2, k), BVInt(64, 1))), p), BVInt(8, 2))}, []string{
			"(= (select !lam1 p) #x02)",
			"(forall ((k!1 (_ BitVec 64)) (k!2 (_ BitVec 64))) (= (select (select !lam0 k!1) k!2) (ite (bvult k!2 n) (select mem (bvadd k!1 k!2)) #x00)))",
			"(forall ((k!1 (_ BitVec 64))) (= (select !lam1 k!1) (select (select !lam0 k!1) #x0000000000000001)))",
		}},
		{"shared", func() []*Term {
			l := bounded(k, p)
			return []*Term{Eq(Select(l, p), BVInt(8, 1)), Eq(Select(l, q), BVInt(8, 2))}
		}(), []string{
			"(= (select !lam0 p) #x01)",
			"(= (select !lam0 q) #x02)",
			"(forall ((k!1 (_ BitVec 64))) (= (select !lam0 k!1) (ite (bvult k!1 n) (select mem (bvadd p k!1)) #x00)))",
		}},
		{"a free name taken", []*Term{Eq(Select(bounded(k, Var("!lam0", idx)), j), BVInt(8, 1))}, []string{
			"(= (select !lam1 j) #x01)",
			"(forall ((k!1 (_ BitVec 64))) (= (select !lam1 k!1) (ite (bvult k!1 n) (select mem (bvadd !lam0 k!1)) #x00)))",
		}},
		{"no lambda", []*Term{Eq(Select(Store(mem, p, BVInt(8, 3)), q), BVInt(8, 1))}, []string{
			"(= (select (store mem p #x03) q) #x01)",
		}},
	}
	for _, c := range cases {
		out, err := WithoutLambdas(c.in)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		var got []string
		for _, a := range out {
			if HasLambda(a) {
				t.Errorf("%s: a lambda is left in %s", c.name, a)
			}
			got = append(got, Format(a))
		}
		if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
			t.Errorf("%s:\ngot\n%s\nwant\n%s", c.name, strings.Join(got, "\n"), strings.Join(c.want, "\n"))
		}
		// The printed script declares the constants and is in a logic
		// without lambdas.
		var b bytes.Buffer
		if err := WriteScript(&b, Logic(out), out); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if s := b.String(); strings.Contains(s, "lambda") || (strings.Contains(s, "!lam0") && !strings.Contains(s, "(declare-fun !lam0 ")) {
			t.Errorf("%s: script\n%s", c.name, s)
		}
	}
}

func TestWithoutLambdasErrors(t *testing.T) {
	idx, byt := BitVecSort(64), BitVecSort(8)
	mem := Var("mem", ArraySort(idx, byt))
	k := Var("k!1", idx)
	// A name free in one assertion and bound in another.
	j := Var("j", idx)
	in := []*Term{Eq(Select(Lambda(k, Select(mem, j)), j), BVInt(8, 0)), Forall([]*Term{j}, BVUle(j, j))}
	if _, err := WithoutLambdas(in); err == nil || !strings.Contains(err.Error(), "both free and bound") {
		t.Errorf("free and bound j: err = %v", err)
	}
	// A lambda mentioning a quantified Bool cannot become an array read.
	b := Var("b", BoolSort())
	in = []*Term{Forall([]*Term{b}, Eq(Select(Lambda(k, Ite(b, Select(mem, k), BVInt(8, 0))), Var("i", idx)), BVInt(8, 0)))}
	if _, err := WithoutLambdas(in); err == nil || !strings.Contains(err.Error(), "cannot index an array") {
		t.Errorf("Bool captured: err = %v", err)
	}
}
