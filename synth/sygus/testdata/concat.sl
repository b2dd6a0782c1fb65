; Swap the nibbles of a byte with extract and concat; (_ bvN w) literals
; in the constraint. Written for vsynth's tests (issue 19, item 3).
(set-logic BV)
(synth-fun f ((x (_ BitVec 8))) (_ BitVec 8)
    ((Start (_ BitVec 8)) (Nib (_ BitVec 4)))
    ((Start (_ BitVec 8) (x (concat Nib Nib) (bvor Start Start)))
     (Nib (_ BitVec 4) (((_ extract 3 0) Start) ((_ extract 7 4) Start)))))
(declare-var x (_ BitVec 8))
(constraint (= (f x) (bvor (bvshl x (_ bv4 8)) (bvlshr x (_ bv4 8)))))
(check-synth)
