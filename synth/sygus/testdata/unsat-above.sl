; No function returns a value above its argument at x = #xff: the spec is
; unrealizable, whatever the grammar, and the witness is x = 255.
(set-logic BV)
(synth-fun f ((x (_ BitVec 8))) (_ BitVec 8)
    ((Start (_ BitVec 8)))
    ((Start (_ BitVec 8) (x #x01 (bvadd Start Start)))))
(declare-var x (_ BitVec 8))
(constraint (bvugt (f x) x))
(check-synth)
