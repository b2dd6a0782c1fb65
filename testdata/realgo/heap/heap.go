// Code copied from Go 1.26.8 src/container/heap/{heap.go,example_intheap_test.go}
// (BSD-3-Clause, the Go Authors; see testdata/realgo/README.md). Only //vsynth: contract lines
// were added; the declarations are verbatim, without their doc comments.

package heap

import (
	"sort"
)

type Interface interface {
	sort.Interface
	Push(x any) // add x as element Len()
	Pop() any   // remove and return element Len() - 1.
}

//vsynth:requires h != nil
//vsynth:ensures true
func Init(h Interface) { // want "unknown"
	// heapify
	n := h.Len()
	for i := n/2 - 1; i >= 0; i-- {
		down(h, i, n)
	}
}

//vsynth:requires h != nil
//vsynth:ensures true
func Push(h Interface, x any) { // want "failed"
	h.Push(x)
	up(h, h.Len()-1)
}

//vsynth:requires h != nil && h.Len() > 0
//vsynth:ensures true
func Pop(h Interface) any { // want "failed"
	n := h.Len() - 1
	h.Swap(0, n)
	down(h, 0, n)
	return h.Pop()
}

//vsynth:requires h != nil && 0 <= i && i < h.Len()
//vsynth:ensures true
func Remove(h Interface, i int) any { // want "failed"
	n := h.Len() - 1
	if n != i {
		h.Swap(i, n)
		if !down(h, i, n) {
			up(h, i)
		}
	}
	return h.Pop()
}

//vsynth:requires h != nil && 0 <= i && i < h.Len()
//vsynth:ensures true
func Fix(h Interface, i int) { // want "failed"
	if !down(h, i, h.Len()) {
		up(h, i)
	}
}

//vsynth:requires h != nil && 0 <= j && j < h.Len()
//vsynth:ensures true
func up(h Interface, j int) { // want "failed"
	for {
		i := (j - 1) / 2 // parent
		if i == j || !h.Less(j, i) {
			break
		}
		h.Swap(i, j)
		j = i
	}
}

//vsynth:requires h != nil && 0 <= i0 && i0 < n && n <= h.Len()
//vsynth:ensures true
func down(h Interface, i0, n int) bool { // want "failed"
	i := i0
	for {
		j1 := 2*i + 1
		if j1 >= n || j1 < 0 { // j1 < 0 after int overflow
			break
		}
		j := j1 // left child
		if j2 := j1 + 1; j2 < n && h.Less(j2, j1) {
			j = j2 // = 2*i + 2  // right child
		}
		if !h.Less(j, i) {
			break
		}
		h.Swap(i, j)
		i = j
	}
	return i > i0
}

type IntHeap []int

//vsynth:ensures result == len(h)
func (h IntHeap) Len() int { return len(h) } // want "proved"

//vsynth:requires 0 <= i && i < len(h) && 0 <= j && j < len(h)
//vsynth:ensures result == (h[i] < h[j])
func (h IntHeap) Less(i, j int) bool { return h[i] < h[j] } // want "proved"

//vsynth:requires 0 <= i && i < len(h) && 0 <= j && j < len(h)
//vsynth:ensures h[i] == old(h[j]) && h[j] == old(h[i])
func (h IntHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] } // want "proved"

//vsynth:requires h != nil && len(*h) < 1<<40
//vsynth:ensures len(*h) == old(len(*h)) + 1
func (h *IntHeap) Push(x any) { // want "failed"
	// Push and Pop use pointer receivers because they modify the slice's length,
	// not just its contents.
	*h = append(*h, x.(int))
}

//vsynth:requires h != nil && len(*h) > 0
//vsynth:ensures len(*h) == old(len(*h)) - 1
func (h *IntHeap) Pop() any { // want "proved"
	old := *h
	n := len(old)
	x := old[n-1]
	*h = old[0 : n-1]
	return x
}
