; Termination of "x := 0; while x < 10 { x++ }" on 8 bits: an invariant
; (Bool) and a ranking function (a bit vector) found together, in the
; manner of the cegist-cav18 "danger" files. Written for vsynth's tests
; (issue 19, item 3).
(set-logic BV)
(synth-fun inv ((x (_ BitVec 8))) Bool)
(synth-fun rank ((x (_ BitVec 8))) (_ BitVec 8))
(declare-var x (_ BitVec 8))
(constraint (=> (= x #x00) (inv x)))
(constraint (=> (and (inv x) (bvult x #x0a))
    (and (inv (bvadd x #x01)) (bvugt (rank x) (rank (bvadd x #x01))))))
(constraint (=> (and (inv x) (not (bvult x #x0a))) (= x #x0a)))
(check-synth)
