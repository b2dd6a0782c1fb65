; From DADebra/SyGuS-Benchmarks-2.0 (a copy of SyGuS-Org's benchmarks),
; lib-nonconforming/Inv_Track/cegist-cav18/cegis_danger_benchmark_svcomp_overflow_true-unreach-call.sl,
; unchanged below this comment.
(set-logic BV)

(synth-inv inv-f ((x (_ BitVec 32))))

(define-fun pre-f ((x (_ BitVec 32))) Bool
    (= x #x0000000A))
(define-fun trans-f ((x (_ BitVec 32)) (x! (_ BitVec 32))) Bool
    (and (bvuge x #x0000000A) (= x! (bvadd x #x00000002))))
(define-fun post-f ((x (_ BitVec 32))) Bool
    (= #x00000000 (bvurem x #x00000002)))

(inv-constraint inv-f pre-f trans-f post-f)

(check-synth)
