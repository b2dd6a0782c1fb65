; let in a define-fun body, in a constraint and in a grammar rule (the
; bound nonterminal is one hole used twice); (Constant (_ BitVec 8))
; stands for the constants of the problem. Written for vsynth's tests
; (issue 19, item 3).
(set-logic BV)
(define-fun spec ((x (_ BitVec 8))) (_ BitVec 8)
    (let ((d (bvadd x x))) (bvadd d #x2a)))
(synth-fun f ((x (_ BitVec 8))) (_ BitVec 8)
    ((Start (_ BitVec 8)) (C (_ BitVec 8)))
    ((Start (_ BitVec 8) (x C (let ((y Start)) (bvadd y y)) (bvadd Start Start) (bvor Start C)))
     (C (_ BitVec 8) ((Constant (_ BitVec 8))))))
(declare-var x (_ BitVec 8))
(constraint (let ((r (f x)) (s (spec x))) (= r s)))
(check-synth)
