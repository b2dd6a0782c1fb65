; A loop invariant over 8-bit counters: x counts up from 0 by 2 while
; below 100, and x is never odd. SyGuS-IF v2 synth-inv / inv-constraint.
; Written for vsynth's tests (issue 19, item 3).
(set-logic BV)
(synth-inv inv ((x (_ BitVec 8)) (y (_ BitVec 8))))
(define-fun pre ((x (_ BitVec 8)) (y (_ BitVec 8))) Bool (and (= x #x00) (= y #x00)))
(define-fun trans ((x (_ BitVec 8)) (y (_ BitVec 8)) (x! (_ BitVec 8)) (y! (_ BitVec 8))) Bool
    (and (bvult x #x64) (= x! (bvadd x #x02)) (= y! (bvadd y #x01))))
(define-fun post ((x (_ BitVec 8)) (y (_ BitVec 8))) Bool (= ((_ extract 0 0) x) #b0))
(inv-constraint inv pre trans post)
(check-synth)
