package smt

import (
	"fmt"
	"sync"
)

// SortKind distinguishes the families of sorts.
type SortKind uint8

const (
	KindBool SortKind = iota + 1
	KindBitVec
	KindArray
	KindInt // mathematical integers (int.go)
)

// Sort is the type of a term: Bool, a bit vector of a fixed width, or an
// array from bit vectors to Bools, bit vectors or arrays. Sorts are
// comparable: == is sort equality (array sorts are interned).
type Sort struct {
	kind  SortKind
	width int
	array *arraySort // KindArray: the interned index and element sorts
}

// arraySort is the signature of an array sort, interned by arraySorts so
// that equal array sorts have the same pointer.
type arraySort struct {
	index, elem Sort
}

var (
	arraySortsMu sync.Mutex
	arraySorts   = make(map[arraySort]*arraySort)
)

// BoolSort is the sort of formulas.
func BoolSort() Sort { return Sort{kind: KindBool} }

// BitVecSort is the sort of bit vectors of width w (w >= 1).
func BitVecSort(w int) Sort {
	if w < 1 {
		panic(fmt.Sprintf("smt: bit-vector width %d", w))
	}
	return Sort{kind: KindBitVec, width: w}
}

// ArraySort is the sort of arrays (total maps) from index to elem, as in
// SMT-LIB's theory ArraysEx. The index must be a bit-vector sort; the
// element a Bool, bit-vector or array sort.
func ArraySort(index, elem Sort) Sort {
	if !index.IsBitVec() {
		panic(fmt.Sprintf("smt: array index of sort %s, want a bit vector", index))
	}
	if elem.kind == 0 {
		panic("smt: array element of the zero sort")
	}
	key := arraySort{index, elem}
	arraySortsMu.Lock()
	defer arraySortsMu.Unlock()
	p, ok := arraySorts[key]
	if !ok {
		p = &key
		arraySorts[key] = p
	}
	return Sort{kind: KindArray, array: p}
}

// Kind reports the sort's family.
func (s Sort) Kind() SortKind { return s.kind }

// IsBool reports whether s is the Bool sort.
func (s Sort) IsBool() bool { return s.kind == KindBool }

// IsBitVec reports whether s is a bit-vector sort.
func (s Sort) IsBitVec() bool { return s.kind == KindBitVec }

// IsArray reports whether s is an array sort.
func (s Sort) IsArray() bool { return s.kind == KindArray }

// Width is the width of a bit-vector sort, 0 for other sorts.
func (s Sort) Width() int { return s.width }

// Index is the index sort of an array sort; it panics on other sorts.
func (s Sort) Index() Sort {
	if s.kind != KindArray {
		panic(fmt.Sprintf("smt: index sort of %s", s))
	}
	return s.array.index
}

// Elem is the element sort of an array sort; it panics on other sorts.
func (s Sort) Elem() Sort {
	if s.kind != KindArray {
		panic(fmt.Sprintf("smt: element sort of %s", s))
	}
	return s.array.elem
}

// String renders the sort in SMT-LIB syntax.
func (s Sort) String() string {
	switch s.kind {
	case KindBool:
		return "Bool"
	case KindBitVec:
		return fmt.Sprintf("(_ BitVec %d)", s.width)
	case KindArray:
		return fmt.Sprintf("(Array %s %s)", s.array.index, s.array.elem)
	case KindInt:
		return "Int"
	}
	return "<invalid sort>"
}
