; Two examples give the same input different outputs: no function meets
; them (and no variable is needed to show it).
(set-logic BV)
(synth-fun f ((x (_ BitVec 8))) (_ BitVec 8))
(constraint (= (f #x01) #x02))
(constraint (= (f #x03) #x02))
(constraint (= (f (bvadd #x00 #x01)) #x03))
(check-synth)
