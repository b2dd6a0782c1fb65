; The grammar allows only one operation on x and 1; no term of it
; computes x & (x - 1).
(set-logic BV)
(synth-fun f ((x (_ BitVec 32))) (_ BitVec 32)
    ((Start (_ BitVec 32)) (L (_ BitVec 32)))
    ((Start (_ BitVec 32) ((bvand L L) (bvsub L L) (bvor L L)))
     (L (_ BitVec 32) (x #x00000001))))
(declare-var x (_ BitVec 32))
(constraint (= (bvand x (bvsub x #x00000001)) (f x)))
(check-synth)
