package listrev

// Node is a list node.
type Node struct {
	Val  int
	Next *Node
}

// Reverse reverses the list at n and returns its new head.
//
//vsynth:requires n != nil && n.Next != nil && n.Next.Next != nil && n.Next.Next.Next == nil
//vsynth:requires n != n.Next && n.Next != n.Next.Next && n != n.Next.Next
//vsynth:modifies n.Next, n.Next.Next, n.Next.Next.Next
//vsynth:ensures result == old(n.Next.Next) && result.Next == old(n.Next) && result.Next.Next == n && n.Next == nil
//vsynth:ensures n.Val == old(n.Val) && result.Val == old(n.Next.Next.Val)
func Reverse(n *Node) *Node {
	var prev *Node
	for cur := n; cur != nil; {
		next := cur.Next
		cur.Next = prev
		prev, cur = cur, next
	}
	return prev
}

// ReverseBuggy returns the old head instead of the new one.
//
//vsynth:requires n != nil && n.Next != nil && n.Next.Next != nil && n.Next.Next.Next == nil
//vsynth:requires n != n.Next && n.Next != n.Next.Next && n != n.Next.Next
//vsynth:modifies n.Next, n.Next.Next, n.Next.Next.Next
//vsynth:ensures result == old(n.Next.Next) && result.Next == old(n.Next) && result.Next.Next == n && n.Next == nil
func ReverseBuggy(n *Node) *Node {
	var prev *Node
	for cur := n; cur != nil; {
		next := cur.Next
		cur.Next = prev
		prev, cur = cur, next
	}
	return n
}
