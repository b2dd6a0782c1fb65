package render

// Int8 and Byte are named narrow integers.
type (
	Int8 int8
	Byte uint8
)

// PtrPtr reads through a pointer to a pointer.
//
//vsynth:requires p != nil && *p != nil
//vsynth:ensures result != -128 // want "ensures: failed"
func PtrPtr(p **Int8) Int8 { // want "failed"
	return **p
}

// PtrArray reads through a pointer to an array.
//
//vsynth:requires p != nil
//vsynth:ensures result != 255 // want "ensures: failed"
func PtrArray(p *[3]Byte) Byte { // want "failed"
	return p[2]
}

// Narrow writes the extremes of named narrow types.
//
//vsynth:ensures !(a == -128 && b == 255) // want "ensures: failed"
func Narrow(a Int8, b Byte) bool { // want "failed"
	return false
}

// Node is a list cell.
type Node struct {
	V    Int8
	Next *Node
}

// Second reads the second cell.
//
//vsynth:requires n != nil && n.Next != nil
//vsynth:ensures result != -128 // want "ensures: failed"
func Second(n *Node) Int8 { // want "failed"
	return n.Next.V
}

// PtrSlice: a pointer to a slice with spare capacity.
//
//vsynth:requires p != nil && len(*p) == 1 && cap(*p) == 2
//vsynth:ensures result == 0 // want "ensures: failed"
func PtrSlice(p *[]Int8) Int8 { // want "failed"
	return (*p)[:2][1]
}

// Cycle needs a cell that points to itself: no literal writes it, so the
// verdict is unknown, with the value named, not a counterexample nobody
// can run.
//
//vsynth:requires n != nil && n.Next == n
//vsynth:ensures result != 9 // want "ensures: unknown"
func Cycle(n *Node) Int8 { // want "unknown"
	return n.Next.V
}
