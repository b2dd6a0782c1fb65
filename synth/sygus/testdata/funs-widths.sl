; Termination of "x := 0; while x < 10 { x++ }" on 8 bits: an invariant
; (Bool) and a 4-bit ranking function of the 8-bit x, found together (the
; default grammar reaches x through (_ extract 3 0)). Written for vsynth's
; tests (issue 19, item 3).
(set-logic BV)
(synth-fun inv ((x (_ BitVec 8))) Bool)
(synth-fun rank ((x (_ BitVec 8))) (_ BitVec 4))
(declare-var x (_ BitVec 8))
(constraint (=> (= x #x00) (inv x)))
(constraint (=> (and (inv x) (bvult x #x0a))
    (and (inv (bvadd x #x01)) (bvugt (rank x) (rank (bvadd x #x01))))))
(constraint (=> (and (inv x) (not (bvult x #x0a))) (= x #x0a)))
(check-synth)
