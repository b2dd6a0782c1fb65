; Three synth-funs, one nullary and one Boolean-free 4-bit: c is a
; constant, h(a, b) = a xor b, and k(a) = a + c. Written for vsynth's
; tests (issue 19, item 3).
(set-logic BV)
(synth-fun c () (_ BitVec 4)
    ((C (_ BitVec 4))) ((C (_ BitVec 4) (#x1 #x3 (bvadd C C)))))
(synth-fun h ((a (_ BitVec 4)) (b (_ BitVec 4))) (_ BitVec 4)
    ((H (_ BitVec 4))) ((H (_ BitVec 4) (a b (bvxor H H) (bvand H H)))))
(synth-fun k ((a (_ BitVec 4))) (_ BitVec 4)
    ((K (_ BitVec 4))) ((K (_ BitVec 4) (a #x6 (bvadd K K)))))
(declare-var u (_ BitVec 4))
(declare-var v (_ BitVec 4))
(constraint (= (h u v) (bvxor v u)))
(constraint (= (k u) (bvadd u c)))
(constraint (= (bvadd c c) #xc))
(check-synth)
