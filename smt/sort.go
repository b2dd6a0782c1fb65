package smt

import "fmt"

// SortKind distinguishes the families of sorts.
type SortKind uint8

const (
	KindBool SortKind = iota + 1
	KindBitVec
)

// Sort is the type of a term: Bool or a bit vector of a fixed width.
type Sort struct {
	kind  SortKind
	width int
}

// BoolSort is the sort of formulas.
func BoolSort() Sort { return Sort{kind: KindBool} }

// BitVecSort is the sort of bit vectors of width w (w >= 1).
func BitVecSort(w int) Sort {
	if w < 1 {
		panic(fmt.Sprintf("smt: bit-vector width %d", w))
	}
	return Sort{kind: KindBitVec, width: w}
}

// Kind reports the sort's family.
func (s Sort) Kind() SortKind { return s.kind }

// IsBool reports whether s is the Bool sort.
func (s Sort) IsBool() bool { return s.kind == KindBool }

// IsBitVec reports whether s is a bit-vector sort.
func (s Sort) IsBitVec() bool { return s.kind == KindBitVec }

// Width is the width of a bit-vector sort, 0 for Bool.
func (s Sort) Width() int { return s.width }

// String renders the sort in SMT-LIB syntax.
func (s Sort) String() string {
	switch s.kind {
	case KindBool:
		return "Bool"
	case KindBitVec:
		return fmt.Sprintf("(_ BitVec %d)", s.width)
	}
	return "<invalid sort>"
}
