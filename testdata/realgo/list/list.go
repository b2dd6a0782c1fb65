// Code copied from Go 1.26.8 src/container/list/list.go
// (BSD-3-Clause, the Go Authors; see testdata/realgo/README.md). Only //vsynth: contract lines
// were added; the declarations are verbatim, without their doc comments.

package list

type Element struct {
	// Next and previous pointers in the doubly-linked list of elements.
	// To simplify the implementation, internally a list l is implemented
	// as a ring, such that &l.root is both the next element of the last
	// list element (l.Back()) and the previous element of the first list
	// element (l.Front()).
	next, prev *Element

	// The list to which this element belongs.
	list *List

	// The value stored with this element.
	Value any
}

//vsynth:requires e != nil
//vsynth:ensures e.list == nil ==> result == nil
func (e *Element) Next() *Element { // want "proved"
	if p := e.next; e.list != nil && p != &e.list.root {
		return p
	}
	return nil
}

//vsynth:requires e != nil
//vsynth:ensures e.list == nil ==> result == nil
func (e *Element) Prev() *Element { // want "proved"
	if p := e.prev; e.list != nil && p != &e.list.root {
		return p
	}
	return nil
}

type List struct {
	root Element // sentinel list element, only &root, root.prev, and root.next are used
	len  int     // current list length excluding (this) sentinel element
}

//vsynth:requires l != nil
//vsynth:ensures result == l && l.len == 0
func (l *List) Init() *List { // want "proved"
	l.root.next = &l.root
	l.root.prev = &l.root
	l.len = 0
	return l
}

//vsynth:ensures result != nil && result.len == 0
func New() *List { return new(List).Init() } // want "proved"

//vsynth:requires l != nil
//vsynth:ensures result == l.len
func (l *List) Len() int { return l.len } // want "proved"

//vsynth:requires l != nil
//vsynth:ensures l.len == 0 ==> result == nil
func (l *List) Front() *Element { // want "proved"
	if l.len == 0 {
		return nil
	}
	return l.root.next
}

//vsynth:requires l != nil
//vsynth:ensures l.len == 0 ==> result == nil
func (l *List) Back() *Element { // want "proved"
	if l.len == 0 {
		return nil
	}
	return l.root.prev
}

//vsynth:requires l != nil
//vsynth:ensures l.root.next != nil
func (l *List) lazyInit() { // want "unknown"
	if l.root.next == nil {
		l.Init()
	}
}

//vsynth:requires l != nil && e != nil && at != nil && at.next != nil
//vsynth:ensures result == e && l.len == old(l.len) + 1
func (l *List) insert(e, at *Element) *Element { // want "proved"
	e.prev = at
	e.next = at.next
	e.prev.next = e
	e.next.prev = e
	e.list = l
	l.len++
	return e
}

//vsynth:requires l != nil && at != nil && at.next != nil
//vsynth:ensures result != nil && l.len == old(l.len) + 1
func (l *List) insertValue(v any, at *Element) *Element { // want "proved"
	return l.insert(&Element{Value: v}, at)
}

//vsynth:requires l != nil && e != nil && e.prev != nil && e.next != nil
//vsynth:ensures l.len == old(l.len) - 1
func (l *List) remove(e *Element) { // want "proved"
	e.prev.next = e.next
	e.next.prev = e.prev
	e.next = nil // avoid memory leaks
	e.prev = nil // avoid memory leaks
	e.list = nil
	l.len--
}

//vsynth:requires l != nil && e != nil && at != nil && e.prev != nil && e.next != nil && at.next != nil
//vsynth:ensures l.len == old(l.len)
func (l *List) move(e, at *Element) { // want "proved"
	if e == at {
		return
	}
	e.prev.next = e.next
	e.next.prev = e.prev

	e.prev = at
	e.next = at.next
	e.prev.next = e
	e.next.prev = e
}

//vsynth:requires l != nil && e != nil && (e.list != l || (e.prev != nil && e.next != nil))
//vsynth:ensures true
func (l *List) Remove(e *Element) any { // want "proved"
	if e.list == l {
		// if e.list == l, l must have been initialized when e was inserted
		// in l or l == nil (e is a zero Element) and l.remove will crash
		l.remove(e)
	}
	return e.Value
}

//vsynth:requires l != nil && (l.root.next == nil || l.root.next.prev != nil)
//vsynth:ensures result != nil
func (l *List) PushFront(v any) *Element { // want "unknown"
	l.lazyInit()
	return l.insertValue(v, &l.root)
}

//vsynth:requires l != nil && (l.root.next == nil || l.root.prev != nil)
//vsynth:ensures result != nil
func (l *List) PushBack(v any) *Element { // want "unknown"
	l.lazyInit()
	return l.insertValue(v, l.root.prev)
}

//vsynth:requires l != nil && e != nil
//vsynth:ensures true
func (l *List) MoveToFront(e *Element) { // want "unknown"
	if e.list != l || l.root.next == e {
		return
	}
	// see comment in List.Remove about initialization of l
	l.move(e, &l.root)
}

//vsynth:requires l != nil && e != nil
//vsynth:ensures true
func (l *List) MoveToBack(e *Element) { // want "unknown"
	if e.list != l || l.root.prev == e {
		return
	}
	// see comment in List.Remove about initialization of l
	l.move(e, l.root.prev)
}
