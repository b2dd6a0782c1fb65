; f(x, y) = x + 1 and f(y, x) = y contradict each other where x = y: the
; two invocations then have the same arguments, so the same output.
(set-logic BV)
(synth-fun f ((x (_ BitVec 4)) (y (_ BitVec 4))) (_ BitVec 4))
(declare-var x (_ BitVec 4))
(declare-var y (_ BitVec 4))
(constraint (= (f x y) (bvadd x #x1)))
(constraint (= (f y x) y))
(check-synth)
