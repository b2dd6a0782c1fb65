; A nullary synth-fun used as a bare symbol: the constant c with
; x + c = x - 3 for every x. Written for vsynth's tests (issue 19, item 3).
(set-logic BV)
(synth-fun c () (_ BitVec 8)
    ((Start (_ BitVec 8)))
    ((Start (_ BitVec 8) (#x01 #x03 (bvneg Start) (bvadd Start Start)))))
(declare-var x (_ BitVec 8))
(constraint (= (bvadd x c) (bvsub x #x03)))
(check-synth)
