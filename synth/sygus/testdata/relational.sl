; A relational spec with two invocations: f is any function whose value
; at x+1 is larger by one, and whose value at zero is 5.
(set-logic BV)
(synth-fun f ((x (_ BitVec 16))) (_ BitVec 16)
    ((Start (_ BitVec 16)))
    ((Start (_ BitVec 16) ((bvadd Start Start) (bvsub Start Start) x #x0001 #x0005))))
(declare-var y (_ BitVec 16))
(constraint (= (f (bvadd y #x0001)) (bvadd (f y) #x0001)))
(constraint (= (f #x0000) #x0005))
(check-synth)
