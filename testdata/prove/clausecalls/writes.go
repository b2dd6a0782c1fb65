// Package clausecalls checks calls to functions of the module from
// clauses: a function that may write memory its caller can see is
// rejected wherever the clause is (requires, ensures, invariants, under
// && or ==>), however it writes (a store, append or copy into existing
// capacity, through a struct, in a callee); one that reads, or writes
// only what it allocated, is inlined with its effects; loops in such
// functions that may run past the unrolling bound make the clause
// unknown, never failed.
package clausecalls

// Inc writes through its argument.
func Inc(p *int) int { *p++; return *p }

// Set writes an element of its argument.
func Set(a []int) bool { a[0] = 1; return true }

// Go evaluates both calls, so the two sides differ.
//
//vsynth:requires p != nil
//vsynth:ensures Inc(p) == Inc(p) // want "unsupported: call to Inc in a clause: Inc may write memory it did not allocate"
func IncTwice(p *int) int { // want "unsupported"
	return 0
}

//vsynth:requires p != nil && *p == 0
//vsynth:ensures Inc(p) == 1 && *p == 0 // want "unsupported: call to Inc in a clause"
func IncThenRead(p *int) int { // want "unsupported"
	return 0
}

//vsynth:requires len(a) > 0 && a[0] == 0
//vsynth:ensures Set(a) && a[0] == 0 // want "unsupported: call to Set in a clause"
func SetThenRead(a []int) int { // want "unsupported"
	return 0
}

// A writing call in a requires clause.
//
//vsynth:requires p != nil && Inc(p) > 0 // want "unsupported: call to Inc in a clause"
func RequiresInc(p *int) int { // want "unsupported"
	return *p
}

// A writing call Go evaluates only sometimes is still a write.
//
//vsynth:ensures p == nil || Inc(p) != 0 // want "unsupported: call to Inc in a clause"
func ShortCircuitInc(p *int) int { // want "unsupported"
	return 0
}

//vsynth:ensures p != nil ==> Inc(p) != 0 // want "unsupported: call to Inc in a clause"
func ImpliesInc(p *int) int { // want "unsupported"
	return 0
}

// push appends to s: with spare capacity, into the caller's array.
func push(s []int) int {
	s = append(s, 7)
	return len(s)
}

//vsynth:ensures push(s) == len(s)+1 // want "unsupported: call to push in a clause: push may write memory it did not allocate \\(at .*writes.go:58:12\\)"
func AppendInClause(s []int) int { // want "unsupported"
	return 0
}

func fill(dst, src []int) int { return copy(dst, src) }

//vsynth:ensures fill(a, b) >= 0 // want "unsupported: call to fill in a clause"
func CopyInClause(a, b []int) int { // want "unsupported"
	return 0
}

// bump calls Inc: the write is in a callee.
func bump(p *int) bool { return Inc(p) > 0 }

//vsynth:requires p != nil
//vsynth:ensures bump(p) || !bump(p) // want "unsupported: call to bump in a clause: bump may write memory it did not allocate \\(at .*writes.go:12:.*, in Inc\\)"
func NestedInc(p *int) int { // want "unsupported"
	return 0
}

// Box holds a pointer: writing through it writes the caller's memory.
type Box struct{ P *int }

func poke(b Box) bool { *b.P = 1; return true }

func pokeVia(b *Box) bool { *b.P = 1; return true }

//vsynth:requires b.P != nil
//vsynth:ensures poke(b) // want "unsupported: call to poke in a clause"
func PokeValue(b Box) int { // want "unsupported"
	return 0
}

//vsynth:requires b != nil && b.P != nil
//vsynth:ensures pokeVia(b) // want "unsupported: call to pokeVia in a clause"
func PokePointer(b *Box) int { // want "unsupported"
	return 0
}

// Counter's Bump writes its receiver.
type Counter struct{ N int }

func (c *Counter) Bump() int { c.N++; return c.N }

//vsynth:requires c != nil
//vsynth:ensures (*Counter).Bump(c) > 0 // want "unsupported: call to Bump in a clause"
func MethodExpr(c *Counter) int { // want "unsupported"
	return 0
}

// IncC has a contract: in a clause its body is what runs, writes and all.
//
//vsynth:requires p != nil && *p < 100
//vsynth:ensures result == old(*p)+1 && *p == result
func IncC(p *int) int { // want "proved"
	*p++
	return *p
}

//vsynth:requires p != nil && *p < 100
//vsynth:ensures IncC(p) == *p // want "unsupported: call to IncC in a clause"
func ContractedInClause(p *int) int { // want "unsupported"
	return 0
}

// A writing call in a loop invariant.
//
//vsynth:requires p != nil && n >= 0
func InvariantInc(p *int, n int) int { // want "unsupported"
	i := 0
	//vsynth:invariant Inc(p) > i // want "unsupported: call to Inc in a clause"
	for i < n {
		i++
	}
	return i
}

// grow writes into a slice it allocated only when s has no room: with
// room, append writes the caller's array.
func grow(s []int) []int { return append(s[:len(s):len(s)], 1) }

// A full slice expression leaves no room, but the analysis does not know
// capacities: it is rejected, which is safe.
//
//vsynth:ensures len(grow(s)) == len(s)+1 // want "unsupported: call to grow in a clause"
func GrowInClause(s []int) int { // want "unsupported"
	return 0
}
