package heap

// Node is a singly linked list node.
type Node struct {
	Val  int32
	Next *Node
}

// Second reads the value of the second node.
//
//vsynth:requires n != nil && n.Next != nil
//vsynth:ensures result == n.Next.Val
func Second(n *Node) int32 { // want "proved"
	return n.Next.Val
}

// SecondUnchecked dereferences n.Next without checking it.
//
//vsynth:requires n != nil
func SecondUnchecked(n *Node) int32 { // want "failed"
	return n.Next.Val // want "nil: failed"
}

// SecondWrong claims the second value is the first.
//
//vsynth:requires n != nil && n.Next != nil
//vsynth:ensures result == n.Val // want "ensures: failed"
func SecondWrong(n *Node) int32 { // want "failed"
	return n.Next.Val
}

// Length walks the list: it may be cyclic, so no bound on the loop
// follows from the types, and unrolling cannot prove it.
//
// Long test: 9M Z3 units before the unrolled search gives up.
//
//vsynth:ensures result >= 0
func Length(n *Node) int { // want "unknown"
	k := 0
	for p := n; p != nil; p = p.Next { // want "unwinding: unknown"
		k++
	}
	return k
}

// NestedAlias writes q.Val and then p.Next.Val: p.Next may be q.
//
//vsynth:requires p != nil && q != nil && p.Next != nil
//vsynth:ensures result == 2 // want "ensures: failed"
func NestedAlias(p, q *Node) int32 { // want "failed"
	q.Val = 2
	p.Next.Val = 1
	return q.Val
}

// Cell reads an element of a two-dimensional slice.
//
//vsynth:requires len(g) > 1 && len(g[1]) > 2
//vsynth:ensures result == g[1][2]
func Cell(g [][]int8) int8 { // want "proved"
	return g[1][2]
}

// CellUnchecked reads g[0][0] of a row that may be empty.
//
//vsynth:requires len(g) > 0
func CellUnchecked(g [][]int8) int8 { // want "failed"
	return g[0][0] // want "bounds: failed"
}

// Buffer holds bytes and a write position.
type Buffer struct {
	Data []uint8
	N    int
}

// Put appends x at the write position of a buffer with room.
//
//vsynth:requires b != nil && 0 <= b.N && b.N < len(b.Data)
//vsynth:ensures b.Data[old(b.N)] == x && b.N == old(b.N)+1
func (b *Buffer) Put(x uint8) { // want "proved"
	b.Data[b.N] = x
	b.N++
}

// SetPP writes through a pointer to a pointer.
//
//vsynth:requires pp != nil && *pp != nil
//vsynth:ensures **pp == v
func SetPP(pp **int16, v int16) { // want "proved"
	**pp = v
}

// RowsNonNegative: a row's length is never negative, inside a quantifier
// too (what Go guarantees of loaded slices holds under the binder).
//
//vsynth:ensures forall k int :: 0 <= k && k < len(m) ==> len(m[k]) >= 0
func RowsNonNegative(m [][]int) { // want "proved"
}
