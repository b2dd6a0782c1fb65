// Package names gives parameters the names vsynth gives its own SMT
// variables (ssa/names.go) and SMT-LIB's reserved words: each must stay a
// parameter like any other (issue 16, item 1).
package names

// AllocBase is the reported case: a parameter named like the allocation
// base was the allocation base, so p != nil looked impossible.
//
//vsynth:requires alloc0 == 0
//vsynth:ensures result == 0 // want "ensures: failed"
func AllocBase(alloc0 uint64, p *int32) int32 { // want "failed"
	if p != nil {
		return 1
	}
	return 0
}

// AllocBound: the allocation base's bound was the parameter's.
//
//vsynth:requires p != nil
//vsynth:ensures alloc0 <= 1<<62 // want "ensures: failed"
func AllocBound(alloc0 uint64, p *int32) int32 { // want "failed"
	return *p
}

// AllocBase32 has a 32-bit alloc0 beside the 64-bit base: one name at two
// sorts made --cross-check and --emit-smt fail.
//
//vsynth:requires p != nil && alloc0 < 5
//vsynth:ensures result == *p
func AllocBase32(alloc0 uint32, p *int32) int32 { // want "proved"
	return *p
}

// AllocBase32Failed is refuted with alloc0 = 4.
//
//vsynth:requires p != nil && alloc0 < 5
//vsynth:ensures alloc0 < 4 // want "ensures: failed"
func AllocBase32Failed(alloc0 uint32, p *int32) int32 { // want "failed"
	return *p + int32(alloc0)
}

// Memory names: the memory on entry, the reads of the array reduction,
// the havocked memory of a loop. read0 may be mem0.
//
//vsynth:requires len(mem0) > 1 && len(read0) > 1
//vsynth:ensures result == old(mem0[1]) // want "ensures: failed"
func Memory(mem0, read0 []int32, memfresh, havoc int32) int32 { // want "failed"
	read0[1] = memfresh + havoc
	return mem0[1]
}

// MemoryProved writes read0 and reads mem0 back from the same memory.
//
//vsynth:requires len(mem0) > 1 && len(read0) > 1
//vsynth:ensures result == mem0[1] && read0[1] == memfresh+havoc
func MemoryProved(mem0, read0 []int32, memfresh, havoc int32) int32 { // want "proved"
	read0[1] = memfresh + havoc
	return mem0[1]
}

// Blank: the blank parameter was called _p0, the name of the next one, so
// the pointer's well-formedness bounded the integer.
//
//vsynth:ensures result // want "ensures: failed"
func Blank(_ *int64, _p0 uint64) bool { // want "failed"
	return _p0 != 1<<63
}

type T struct{ X int64 }

// Recv: go/ssa calls an unnamed receiver arg0, the next parameter's name.
//
//vsynth:ensures result // want "ensures: failed"
func (*T) Recv(arg0 uint64) bool { // want "failed"
	return arg0 != 1<<63
}

// Fresh names: a fresh variable is BASE!N, which no Go name is.
//
//vsynth:ensures result == appendcap+addr-noreturn // want "ensures: failed"
func Fresh(appendcap, addr, noreturn, unreached, sk, loop int8) int8 { // want "failed"
	return appendcap + addr - noreturn + unreached*sk*loop
}

// Reserved words of SMT-LIB and names of its theories.
//
//vsynth:ensures result == and+let-assert+bvadd*store+ite+distinct+forall-exists+_p0
func Reserved(and, let, assert, bvadd, store, ite, distinct, forall, exists, _p0 int16) int16 { // want "proved"
	return and + let - assert + bvadd*store + ite + distinct + forall - exists + _p0
}

// ReservedFailed is refuted where bvadd*store overflows differently.
//
//vsynth:ensures result == and+let-assert+bvadd*store // want "ensures: failed"
func ReservedFailed(and, let, assert, bvadd, store int16) int16 { // want "failed"
	return and + let - assert + bvadd*int16(int8(store))
}

// ShadowTrue: true is predeclared, so a parameter may take its name.
//
//vsynth:ensures result == true
func ShadowTrue(true int8) int8 { // want "proved"
	return true
}

// ShadowTrueFailed is refuted at true = 0.
//
//vsynth:ensures result > true // want "ensures: failed"
func ShadowTrueFailed(true int8) int8 { // want "failed"
	return true | 1
}

// Results named like vsynth's invented names.
//
//vsynth:ensures result0 == x && alloc0 == x+1
func Results(x int8) (result0, alloc0 int8) { // want "proved"
	return x, x + 1
}

// ResultsFailed is refuted at any x.
//
//vsynth:ensures alloc0 == x // want "ensures: failed"
func ResultsFailed(x int8) (result0, alloc0 int8) { // want "failed"
	return x, x + 1
}
