; Two synth-funs constrained together: f and g with f(x) + g(x) = 2x + 1
; and f(x) - g(x) = 1, so f(x) = x + 1 and g(x) = x. Written for vsynth's
; tests (issue 19, item 3).
(set-logic BV)
(synth-fun f ((x (_ BitVec 8))) (_ BitVec 8)
    ((Start (_ BitVec 8)))
    ((Start (_ BitVec 8) (x #x01 (bvadd Start Start) (bvsub Start Start)))))
(synth-fun g ((y (_ BitVec 8))) (_ BitVec 8)
    ((G (_ BitVec 8)))
    ((G (_ BitVec 8) (y #x01 (bvneg G) (bvadd G G)))))
(declare-var x (_ BitVec 8))
(constraint (= (bvadd (f x) (g x)) (bvadd (bvadd x x) #x01)))
(constraint (= (bvsub (f x) (g x)) #x01))
(check-synth)
