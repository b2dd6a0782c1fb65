; 4-bit bit vectors (Go holds them in uint8) and a synth-fun called in a
; define-fun: solve x + s = t for x.
(set-logic BV)
(synth-fun inv ((s (_ BitVec 4)) (t (_ BitVec 4))) (_ BitVec 4)
    ((Start (_ BitVec 4)) )
    ((Start (_ BitVec 4) (s t #x0 #x8 (bvneg Start) (bvnot Start) (bvadd Start Start) (bvshl Start Start)))))
(declare-var s (_ BitVec 4))
(declare-var t (_ BitVec 4))
(define-fun l ((s (_ BitVec 4)) (t (_ BitVec 4))) Bool
    (= (bvadd (inv s t) s) t))
(constraint (l s t))
(check-synth)
