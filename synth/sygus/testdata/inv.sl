(set-logic BV)
(synth-inv inv ((x (_ BitVec 32))))
(check-synth)
