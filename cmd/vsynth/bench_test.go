package main

import "testing"

// TestAnswerSize counts applications as vsynth does, let-bound terms at
// every use.
func TestAnswerSize(t *testing.T) {
	for text, want := range map[string]int{
		"(define-fun f ((x (_ BitVec 32))) (_ BitVec 32) (bvand x (bvneg x)))": 2,
		"(\n(define-fun f ((x (_ BitVec 32)) (m (_ BitVec 32)) (k (_ BitVec 32))) (_ BitVec 32) (let ((_let_1 (bvand m (bvxor (bvlshr x k) x)))) (bvxor x (bvxor (bvshl _let_1 k) _let_1))))\n)": 9,
		"(define-fun f ((x (_ BitVec 4))) (_ BitVec 4) x)":                                               0,
		"(define-fun f ((x (_ BitVec 32))) (_ BitVec 32) (bvudiv (concat #b00 ((_ extract 31 2) x)) x))": 3,
		// Several synth-funs: the bodies of every define-fun.
		"(\n(define-fun inv ((x (_ BitVec 8))) Bool (not (bvult #b00001010 x)))\n(define-fun rank ((x (_ BitVec 8))) (_ BitVec 8) (bvnot x))\n)": 3,
	} {
		if got := answerSize(text); got != want {
			t.Errorf("%s: size %d, want %d", text, got, want)
		}
	}
}
