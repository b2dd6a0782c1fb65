; Mixed widths: the high byte of a 16-bit word, sign-extended to 16 bits,
; plus a 1-bit flag. Written for vsynth's tests (issue 19, item 3).
(set-logic BV)
(define-fun ref ((x (_ BitVec 16)) (b (_ BitVec 1))) (_ BitVec 16)
    (bvadd ((_ sign_extend 8) ((_ extract 15 8) x)) ((_ zero_extend 15) b)))
(synth-fun f ((x (_ BitVec 16)) (b (_ BitVec 1))) (_ BitVec 16)
    ((Start (_ BitVec 16)) (Byte (_ BitVec 8)) (Bit (_ BitVec 1)))
    ((Start (_ BitVec 16) (x (_ bv1 16) (bvadd Start Start) ((_ sign_extend 8) Byte) ((_ zero_extend 15) Bit) (concat Byte Byte)))
     (Byte (_ BitVec 8) (((_ extract 15 8) Start) ((_ extract 7 0) Start) #x00))
     (Bit (_ BitVec 1) (b #b1 ((_ extract 0 0) Start)))))
(declare-var x (_ BitVec 16))
(declare-var b (_ BitVec 1))
(constraint (= (ref x b) (f x b)))
(check-synth)
