// Package frames exercises //vsynth:modifies: frames checked on the
// callee's body (a modifies obligation per write) and used at calls
// (memory outside the callee's frame keeps its value).
package frames

// Point is a pair of counters.
type Point struct{ X, Y int }

// IncX writes p.X only.
//
//vsynth:requires p != nil && p.X < 1000
//vsynth:modifies p.X
//vsynth:ensures p.X == old(p.X)+1
func IncX(p *Point) { p.X++ } // want "proved"

// IncXNoFrame is IncX without a frame: a call may write any int.
//
//vsynth:requires p != nil && p.X < 1000
//vsynth:ensures p.X == old(p.X)+1
func IncXNoFrame(p *Point) { p.X++ } // want "proved"

// KeepOther keeps q.X across IncX(p): q.X is outside IncX's frame.
//
//vsynth:requires p != nil && q != nil && p != q && p.X < 1000
//vsynth:ensures result == old(q.X)
func KeepOther(p, q *Point) int { // want "proved"
	IncX(p)
	return q.X
}

// KeepOtherNoFrame is KeepOther through the callee without a frame.
//
//vsynth:requires p != nil && q != nil && p != q && p.X < 1000
//vsynth:ensures result == old(q.X) // want "ensures: unknown"
func KeepOtherNoFrame(p, q *Point) int { // want "unknown"
	IncXNoFrame(p)
	return q.X
}

// KeepY keeps p.Y across IncX(p): the frame is the field, not the object.
//
//vsynth:requires p != nil && p.X < 1000
//vsynth:ensures p.Y == old(p.Y) && p.X == old(p.X)+1
func KeepY(p *Point) { // want "proved"
	IncX(p)
}

// KeepAlias: when q may be p, q.X is in IncX's frame.
//
//vsynth:requires p != nil && q != nil && p.X < 1000
//vsynth:ensures result == old(q.X) // want "ensures: unknown"
func KeepAlias(p, q *Point) int { // want "unknown"
	IncX(p)
	return q.X
}

// WritesOther writes q.X outside its frame.
//
//vsynth:requires p != nil && q != nil
//vsynth:modifies p.X
func WritesOther(p, q *Point) { // want "failed"
	p.X = 1
	q.X = 2 // want "modifies: failed"
}

// Rewrite writes back the value already there: no change.
//
//vsynth:requires p != nil
//vsynth:modifies nothing
func Rewrite(p *Point) { // want "proved"
	p.X = p.X
}

// Fresh writes only what it allocates.
//
//vsynth:modifies nothing
//vsynth:ensures result == 3
func Fresh() int { // want "proved"
	p := new(Point)
	p.X = 3
	return p.X
}

// Zero clears a[i].
//
//vsynth:requires 0 <= i && i < len(a)
//vsynth:modifies a[i]
//vsynth:ensures a[i] == 0
func Zero(a []int, i int) { a[i] = 0 } // want "proved"

// ZeroKeeps keeps a[j] across Zero(a, i) for j != i.
//
//vsynth:requires 0 <= i && i < j && j < len(a)
//vsynth:ensures a[j] == old(a[j]) && a[i] == 0
func ZeroKeeps(a []int, i, j int) { // want "proved"
	Zero(a, i)
}

// ZeroAlias: b may share a's array, so b[0] may be a[0].
//
//vsynth:requires len(a) > 0 && len(b) > 0
//vsynth:ensures b[0] == old(b[0]) // want "ensures: unknown"
func ZeroAlias(a, b []int) { // want "unknown"
	Zero(a, 0)
}

// ZeroSubslice clears a[1] through the subslice a[1:]: the frame is about
// addresses, so a[0] and a[2] keep their values and a[1] does not.
//
//vsynth:requires len(a) == 3
//vsynth:ensures a[0] == old(a[0]) && a[2] == old(a[2]) && a[1] == 0
func ZeroSubslice(a []int) { // want "proved"
	Zero(a[1:], 0)
}

// WritesSecond writes a[1] outside its frame a[0].
//
//vsynth:requires len(a) >= 2
//vsynth:modifies a[0]
func WritesSecond(a []int) { // want "failed"
	a[0] = 5
	a[1] = 7 // want "modifies: failed"
}

// FillPrefix writes a[0:n] in a loop.
//
//vsynth:requires 0 <= n && n <= len(a)
//vsynth:modifies a[:n]
func FillPrefix(a []int, n int) { // want "proved"
	//vsynth:invariant 0 <= i && i <= n
	for i := 0; i < n; i++ {
		a[i] = 1
	}
}

// FillPrefixOver writes one element too many.
//
//vsynth:requires 0 <= n && n < len(a)
//vsynth:modifies a[:n]
func FillPrefixOver(a []int, n int) { // want "failed"
	for i := 0; i <= n && i < 4; i++ {
		a[i] = 1 // want "modifies: failed"
	}
}

// KeepSuffix keeps a[n:] across FillPrefix.
//
//vsynth:requires 0 <= n && n < len(a)
//vsynth:ensures a[n] == old(a[n])
func KeepSuffix(a []int, n int) { // want "proved"
	FillPrefix(a, n)
}

// AppendParam appends into a's spare capacity, outside the empty frame.
//
//vsynth:requires len(a) < 1000
//vsynth:modifies nothing
func AppendParam(a []int) []int { // want "failed"
	return append(a, 1) // want "modifies: failed"
}

// AppendCap may write a's spare capacity.
//
//vsynth:requires len(a) < 1000
//vsynth:modifies a[len(a):cap(a)]
func AppendCap(a []int) []int { // want "proved"
	return append(a, 1)
}

// CopyInto writes dst.
//
//vsynth:modifies dst
func CopyInto(dst, src []int) int { // want "proved"
	return copy(dst, src)
}

// CopyOver writes more of dst than its frame.
//
//vsynth:requires len(dst) >= 2 && len(src) >= 2
//vsynth:modifies dst[:1]
func CopyOver(dst, src []int) int { // want "failed"
	return copy(dst, src) // want "modifies: failed"
}

// CallsInside calls IncX on its own frame.
//
//vsynth:requires p != nil && p.X < 1000
//vsynth:modifies p
func CallsInside(p *Point) { // want "proved"
	IncX(p)
}

// CallsOutside calls IncX on q, outside its frame: not provable from
// IncX's frame (IncX need not write all of it).
//
//vsynth:requires p != nil && q != nil && q.X < 1000
//vsynth:modifies p
func CallsOutside(p, q *Point) { // want "unknown"
	IncX(q) // want "modifies: unknown"
}

// CallsNoFrame calls a function with a contract and no frame.
//
//vsynth:requires p != nil && p.X < 1000
//vsynth:modifies p
func CallsNoFrame(p *Point) { // want "unknown"
	IncXNoFrame(p) // want "modifies: unknown"
}

// CallsInlined calls a function without a contract, whose writes are
// its own.
//
//vsynth:requires p != nil && q != nil
//vsynth:modifies p.Y
func CallsInlined(p, q *Point) { // want "failed"
	setX(q, 4)
}

func setX(p *Point, v int) {
	p.X = v // want "modifies: failed"
}

var counter int

// Bump writes a package-level variable in its frame.
//
//vsynth:requires counter < 1000
//vsynth:modifies counter
//vsynth:ensures counter == old(counter)+1
func Bump() { // want "proved"
	counter++
}

// BumpHidden writes it outside its frame.
//
//vsynth:modifies nothing
func BumpHidden() { // want "failed"
	counter++ // want "modifies: failed"
}

var other int

// BumpKeeps keeps another package-level variable across Bump.
//
//vsynth:requires counter < 1000
//vsynth:ensures other == old(other) && counter == old(counter)+1
func BumpKeeps() { // want "proved"
	Bump()
}

// Node is a list cell.
type Node struct {
	Val  int
	Next *Node
}

// SetNext writes the value of the second cell.
//
//vsynth:requires n != nil && n.Next != nil
//vsynth:modifies n.Next.Val
//vsynth:ensures n.Next.Val == 9
func SetNext(n *Node) { n.Next.Val = 9 } // want "proved"

// KeepHead keeps the first cell across SetNext.
//
//vsynth:requires n != nil && n.Next != nil && n.Next != n
//vsynth:ensures n.Val == old(n.Val) && n.Next == old(n.Next)
func KeepHead(n *Node) { // want "proved"
	SetNext(n)
}

// First copies a into a buffer of its own and reads it back: it writes
// only what it allocates.
//
//vsynth:pure
//vsynth:requires len(a) > 0
//vsynth:ensures result == a[0]
func First(a []int) int { // want "proved"
	buf := make([]int, 1)
	copy(buf, a)
	return buf[0]
}

// KeepPure keeps b[0] across a call of the pure First: a pure function's
// frame is empty.
//
//vsynth:requires len(a) > 0 && len(b) > 0
//vsynth:ensures result == old(a[0]) && b[0] == old(b[0])
func KeepPure(a, b []int) int { // want "proved"
	return First(a)
}
