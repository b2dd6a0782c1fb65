; define-funs used in the grammar are printed as calls; examples only
; (no declared variables), as in the ICFP problems.
(set-logic BV)
(define-fun shl1 ((x (_ BitVec 64))) (_ BitVec 64) (bvshl x #x0000000000000001))
(define-fun shr4 ((x (_ BitVec 64))) (_ BitVec 64) (bvlshr x #x0000000000000004))
(synth-fun f ((x (_ BitVec 64))) (_ BitVec 64)
    ((Start (_ BitVec 64)))
    ((Start (_ BitVec 64) (#x0000000000000000 #x0000000000000001 x (bvnot Start) (shl1 Start) (shr4 Start) (bvand Start Start) (bvor Start Start) (bvxor Start Start) (bvadd Start Start)))))
(constraint (= (f #x0000000000000010) #x0000000000000021))
(constraint (= (f #x0000000000000100) #x0000000000000210))
(constraint (= (f #x00000000000000f0) #x00000000000001ef))
(check-synth)
