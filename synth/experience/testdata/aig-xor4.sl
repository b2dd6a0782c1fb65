(set-logic BV)

(define-fun spec ((a Bool) (b Bool) (c Bool) (d Bool)) Bool
    (xor a (xor b (xor c d))))
(synth-fun AIG ((a Bool) (b Bool) (c Bool) (d Bool)) Bool
    ((Start Bool))
    ((Start Bool ((and Start Start) (not Start) a b c d))))

(declare-var a Bool)
(declare-var b Bool)
(declare-var c Bool)
(declare-var d Bool)
(constraint (= (spec a b c d) (AIG a b c d)))

(check-synth)
