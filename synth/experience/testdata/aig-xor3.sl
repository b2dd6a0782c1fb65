(set-logic BV)

(define-fun spec ((a Bool) (b Bool) (c Bool)) Bool
    (xor a (xor b c)))
(synth-fun AIG ((a Bool) (b Bool) (c Bool)) Bool
    ((Start Bool))
    ((Start Bool ((and Start Start) (not Start) a b c))))

(declare-var a Bool)
(declare-var b Bool)
(declare-var c Bool)
(constraint (= (spec a b c) (AIG a b c)))

(check-synth)
