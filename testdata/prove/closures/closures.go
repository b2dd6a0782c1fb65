// Package closures checks function values: function literals that
// capture variables by reference, calls of a function value whose callee
// is known at the call site or is one of a known set, calls of a nil
// function value, and function values vsynth cannot follow.
package closures

// Counter increments a captured variable through a closure: the closure
// shares n with its maker.
//
//vsynth:requires 0 <= k && k < 10
//vsynth:ensures result == k
func Counter(k int) int { // want "proved"
	n := 0
	inc := func() { n++ }
	for i := 0; i < k; i++ {
		inc()
	}
	return n
}

// AddTo calls a closure that reads a captured parameter and writes a
// captured local.
//
//vsynth:ensures result == a + b
func AddTo(a, b int) int { // want "proved"
	sum := 0
	add := func(x int) { sum = a + x }
	add(b)
	return sum
}

// Pick calls one of two function values, chosen by a phi.
//
//vsynth:ensures neg ==> result == -x
//vsynth:ensures !neg ==> result == x
func Pick(x int, neg bool) int { // want "proved"
	id := func(v int) int { return v }
	f := id
	if neg {
		f = func(v int) int { return -v }
	}
	return f(x)
}

// Twice applies a named function through a function value.
//
//vsynth:requires 0 <= x && x < 1000
//vsynth:ensures result == x + 2
func Twice(x int) int { // want "proved"
	apply := func(g func(int) int, v int) int { return g(g(v)) }
	return apply(inc, x)
}

func inc(x int) int { return x + 1 }

// Divider captures the divisor: the closure's division is an
// obligation of the caller.
//
//vsynth:ensures true
func Divider(n, d int) int { // want "failed"
	div := func(x int) int {
		return x / d // want "divide-by-zero: failed"
	}
	return div(n)
}

// MaybeNil calls a function value that is nil when ok is false.
//
//vsynth:ensures true
func MaybeNil(ok bool) int { // want "failed"
	var f func() int
	if ok {
		f = func() int { return 1 }
	}
	return f() // want "nil: failed"
}

// NilChecked checks the function value before calling it.
//
//vsynth:ensures ok ==> result == 1
//vsynth:ensures !ok ==> result == 0
func NilChecked(ok bool) int { // want "proved"
	var f func() int
	if ok {
		f = func() int { return 1 }
	}
	if f == nil {
		return 0
	}
	return f()
}

// Swap writes both captured variables.
//
//vsynth:requires p != nil && q != nil
//vsynth:ensures x == old(*p) && y == old(*q)
func Swap(p, q *int) (y, x int) { // want "proved"
	a, b := *p, *q
	swap := func() { a, b = b, a }
	swap()
	return a, b
}

// SwapWrong swaps once too often.
//
//vsynth:requires p != nil && q != nil
//vsynth:ensures x == old(*p) && y == old(*q) // want "ensures: failed"
func SwapWrong(p, q *int) (y, x int) { // want "failed"
	a, b := *p, *q
	swap := func() { a, b = b, a }
	swap()
	swap()
	return a, b
}

// Accumulate captures a pointer parameter and writes through it.
//
//vsynth:requires p != nil && 0 <= *p && *p < 1000 && 0 <= k && k < 1000
//vsynth:ensures *p == old(*p) + k
func Accumulate(p *int, k int) { // want "proved"
	add := func(v int) { *p += v }
	add(k)
}

// Returned builds a closure in a helper and calls it.
//
//vsynth:requires 0 <= base && base < 1000
//vsynth:ensures result == base + 3
func Returned(base int) int { // want "proved"
	f := adder(base)
	return f(3)
}

func adder(base int) func(int) int {
	return func(x int) int { return base + x }
}

type box struct{ n int }

func (b box) get() int { return b.n }

func (b *box) inc() { b.n++ }

// MethodValue calls a method value bound to a value receiver and one
// bound to a pointer receiver (go/ssa's $bound wrappers).
//
//vsynth:requires -1000 < x && x < 1000
//vsynth:ensures result == x + 1
func MethodValue(x int) int { // want "proved"
	b := &box{x}
	inc := b.inc
	inc()
	get := b.get
	return get()
}

// MethodExpr calls a method expression (a $thunk wrapper).
//
//vsynth:ensures result == x
func MethodExpr(x int) int { // want "proved"
	get := box.get
	return get(box{x})
}

// MethodValueNil binds a method with a value receiver to a nil pointer:
// the receiver is loaded when the method value is made.
//
//vsynth:ensures true
func MethodValueNil(b *box) int { // want "failed"
	get := b.get // want "nil: failed"
	return get()
}

// LoopVar captures the loop variable, a new variable per iteration since
// Go 1.22 (go/ssa binds a phi of the iterations' cells).
//
//vsynth:requires n >= 0 && n <= 5
//vsynth:ensures result == n * (n - 1) / 2
func LoopVar(n int) int { // want "proved"
	s := 0
	for i := 0; i < n; i++ {
		add := func() { s += i }
		add()
	}
	return s
}
