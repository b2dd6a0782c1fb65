package clausecalls

// sum reads its argument.
func sum(a []int) int {
	s := 0
	for _, v := range a {
		s += v
	}
	return s
}

//vsynth:requires len(a) == 3
//vsynth:ensures result == sum(a)
func Sum3(a []int) int { // want "proved"
	return a[0] + a[1] + a[2]
}

//vsynth:requires len(a) == 3
//vsynth:ensures result == sum(a) // want "ensures: failed"
func Sum3Buggy(a []int) int { // want "failed"
	return a[0] + a[1]
}

// lookup writes a local array.
func lookup(i uint) int {
	t := [4]int{1, 2, 4, 8}
	return t[i%4]
}

//vsynth:ensures result == lookup(i)
func Pow2(i uint) int { // want "proved"
	return 1 << (i % 4)
}

// newInt allocates and writes; get reads: the clause sees what newInt
// wrote.
func newInt(v int) *int {
	p := new(int)
	*p = v
	return p
}

func get(p *int) int { return *p }

// (The bodies allocate first, so that the clauses' objects are not the
// first allocation, which issue 16 item 6 found may be taken for nil.)
//
//vsynth:ensures get(newInt(x)) == x && *newInt(x+1) == x+1
func FreshWrites(x int) int { // want "proved"
	p := new(int)
	*p = x
	return *p
}

//vsynth:ensures get(newInt(x)) == 0 // want "ensures: failed"
func FreshWritesWrong(x int) int { // want "failed"
	p := new(int)
	*p = x
	return *p
}

// ones allocates a buffer and has a helper fill it: the helper writes
// through its parameter, which here is memory ones allocated.
func ones(n int) int {
	b := make([]int, n)
	setAll(b)
	return sum(b)
}

func setAll(b []int) {
	for i := range b {
		b[i] = 1
	}
}

//vsynth:requires 0 <= n && n <= 4
//vsynth:ensures result == ones(n)
func Ones(n int) int { // want "proved"
	return n
}

// build appends to a slice it made.
func build(n int) []int {
	var s []int
	for i := 0; i < n; i++ {
		s = append(s, i)
	}
	return s
}

//vsynth:requires 0 <= n && n <= 3
//vsynth:ensures len(build(n)) == n
func Build(n int) int { // want "proved"
	return n
}

// A clause may call a read-only function that has a contract.
//
// Long test: a sixth of the corpus's solver time (sum unfolded over four elements).
//
//vsynth:requires len(a) <= 4
//vsynth:ensures result == sum(a)
func SumC(a []int) int { // want "proved"
	s := 0
	for i := 0; i < len(a); i++ {
		s += a[i]
	}
	return s
}

//vsynth:requires len(a) <= 4
//vsynth:ensures len(a) == 0 || result == SumC(a) && a[0] == a[0]
func CallsSumC(a []int) int { // want "proved"
	return sum(a)
}

// old of a call that allocates and writes, of a value without pointers.
//
//vsynth:requires p != nil
//vsynth:ensures old(get(newInt(*p))) == result
func OldFresh(p *int) int { // want "proved"
	v := *p
	*p = 0
	return v
}

//vsynth:requires p != nil
//vsynth:ensures *old(newInt(*p)) == result // want "unsupported: old\\(...\\) of a value with pointers computed by a call that writes memory"
func OldFreshPointer(p *int) int { // want "unsupported"
	return *p
}

// Even is recursive, pure, and has a contract: in a clause its body is
// inlined and its recursive call uses the contract. (What that contract
// ensures is then part of what the clause must show, not an assumption:
// EvenMod is unknown, "not provable from the contract of Even", not
// proved; never failed.)
//
//vsynth:requires n >= 0
//vsynth:ensures result == (n%2 == 0)
func Even(n int) bool { // want "proved"
	if n == 0 {
		return true
	}
	return !Even(n - 1)
}

//vsynth:requires n >= 0
//vsynth:ensures result == Even(n) // want "ensures: unknown"
func EvenMod(n int) bool { // want "unknown"
	return n%2 == 0
}
