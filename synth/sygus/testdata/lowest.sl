; Isolate the lowest set bit, given by a reference in a longer form.
(set-logic BV)

(define-fun spec ((x (_ BitVec 32))) (_ BitVec 32)
    (bvand (bvnot (bvsub x #x00000001)) x))
(synth-fun f ((x (_ BitVec 32))) (_ BitVec 32)
    ((Start (_ BitVec 32)))
    ((Start (_ BitVec 32) ((bvnot Start) (bvxor Start Start) (bvand Start Start) (bvor Start Start) (bvneg Start) (bvadd Start Start) (bvsub Start Start) (bvudiv Start Start) (bvsdiv Start Start) (bvurem Start Start) x #x00000000 #x00000001))))

(declare-var x (_ BitVec 32))
(constraint (= (spec x) (f x)))

(check-synth)
