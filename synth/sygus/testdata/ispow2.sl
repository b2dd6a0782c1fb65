; Power-of-two test with a Bool result, a grammar with two nonterminals
; and a compound rule.
(set-logic BV)
(define-fun ref ((x (_ BitVec 32))) Bool (and (not (= (bvredor (bvand (bvsub x #x00000001) x)) #b1)) (= (bvredor x) #b1)))
(synth-fun f ((x (_ BitVec 32))) Bool
    ((Start Bool) (StartBV (_ BitVec 32)))
    ((Start Bool ((and Start Start) (not Start) (or Start Start) (= (bvredor StartBV) #b1)))
     (StartBV (_ BitVec 32) ((bvand StartBV StartBV) (bvsub StartBV StartBV) (bvor StartBV StartBV) (bvneg StartBV) (bvnot StartBV) x #x00000001 #x00000000))))
(declare-var x (_ BitVec 32))
(constraint (= (ref x) (f x)))
(check-synth)
