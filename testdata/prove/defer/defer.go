// Package deferred checks defer, panic and recover: deferred calls run at
// every return and on a panic, in LIFO order; a recover in a deferred
// function stops the panic and the function returns its named results;
// a panic nothing recovers is an obligation where it happens.
package deferred

// SafeDiv recovers from the division by zero and reports it.
//
//vsynth:ensures ok == (d != 0)
//vsynth:ensures ok ==> q == n / d
//vsynth:ensures !ok ==> q == -1
func SafeDiv(n, d int) (q int, ok bool) { // want "proved"
	defer func() {
		if recover() != nil {
			q, ok = -1, false
		}
	}()
	return n / d, true
}

// Order checks that deferred calls run in LIFO order, after the result
// is set.
//
//vsynth:ensures result == (x + 1) * 2
func Order(x int) (result int) { // want "proved"
	defer func() { result *= 2 }()
	defer func() { result++ }()
	return x
}

// Conditional registers a defer only on one path.
//
//vsynth:ensures flag ==> result == x + 10
//vsynth:ensures !flag ==> result == x
func Conditional(x int, flag bool) (result int) { // want "proved"
	if flag {
		defer func() { result += 10 }()
	}
	return x
}

// ArgsEarly evaluates the deferred call's arguments at the defer
// statement.
//
//vsynth:ensures result == x
func ArgsEarly(x int) (result int) { // want "proved"
	defer set(&result, x)
	x++
	return x
}

func set(p *int, v int) { *p = v }

// NoRecover defers a call that does not recover: the panic stays.
//
//vsynth:ensures true
func NoRecover(xs []int, i int) (n int) { // want "failed"
	defer func() { n++ }()
	return xs[i] // want "bounds: failed"
}

// Explicit panics and recovers: a panic(...) stopped by the deferred
// recover.
//
//vsynth:ensures x < 0 ==> result == 0
//vsynth:ensures x >= 0 ==> result == x
func Explicit(x int) (result int) { // want "proved"
	defer func() {
		if r := recover(); r != nil {
			result = 0
		}
	}()
	if x < 0 {
		panic("negative")
	}
	return x
}

// RecoverTooDeep calls recover from a function the deferred function
// calls: it returns nil there, and the panic goes on.
//
//vsynth:ensures true
func RecoverTooDeep(x int) (result int) { // want "failed"
	defer func() {
		helper()
	}()
	if x < 0 {
		panic("negative") // want "panic: failed"
	}
	return x
}

func helper() bool { return recover() != nil }

// InCallee recovers from a panic raised in a function it calls.
//
//vsynth:ensures b == 0 ==> result == -1
func InCallee(a, b int) (result int) { // want "proved"
	defer func() {
		if recover() != nil {
			result = -1
		}
	}()
	return div(a, b)
}

func div(a, b int) int { return a / b }

// WrongRecover claims the result stays x, but the recovered path returns
// the named result as the deferred call left it.
//
//vsynth:ensures result == x // want "ensures: failed"
func WrongRecover(x int, xs []int) (result int) { // want "failed"
	defer func() {
		if recover() != nil {
			result = 7
		}
	}()
	result = x
	_ = xs[0]
	return x
}

// MustPositive panics exactly when x is not positive.
//
//vsynth:panics x <= 0
//vsynth:ensures result == x - 1
func MustPositive(x int) int { // want "proved"
	if x <= 0 {
		panic("not positive")
	}
	return x - 1
}

// PanicsTooOften panics also at x == 1, which its panics clause does not
// allow.
//
//vsynth:panics x <= 0
func PanicsTooOften(x int) int { // want "failed"
	if x <= 1 {
		panic("too small") // want "panic: failed"
	}
	return x
}

// PanicsTooRarely claims a panic for x < 0 that only happens for x < -1.
//
//vsynth:panics x < 0 // want "panics: failed"
func PanicsTooRarely(x int) int { // want "failed"
	if x < -1 {
		panic("negative")
	}
	return x
}

// IndexPanics states the run-time panic of an index out of range.
//
//vsynth:panics i < 0 || i >= len(xs)
//vsynth:ensures result == xs[i]
func IndexPanics(xs []int, i int) int { // want "proved"
	return xs[i]
}

// CallsMustPositive relies on the callee's contract: it panics where the
// callee does.
//
//vsynth:panics y <= 0
//vsynth:ensures result == y - 1
func CallsMustPositive(y int) int { // want "proved"
	return MustPositive(y)
}

// RecoversMustPositive stops the callee's panic.
//
//vsynth:ensures y <= 0 ==> result == -1
//vsynth:ensures y > 0 ==> result == y - 1
func RecoversMustPositive(y int) (result int) { // want "proved"
	defer func() {
		if recover() != nil {
			result = -1
		}
	}()
	return MustPositive(y)
}

// Unnamed recovers in a function with an unnamed result: the Recover
// block returns the result's zero value.
//
//vsynth:ensures d == 0 ==> result == 0
//vsynth:ensures d != 0 ==> result == 10/d
func Unnamed(d int) int { // want "proved"
	defer func() { recover() }()
	return 10 / d
}

// NestedDefer defers inside a deferred closure, which captures the
// named result through the outer closure's free variable.
//
//vsynth:ensures result == 3
func NestedDefer() (result int) { // want "proved"
	defer func() {
		defer func() { result++ }()
		result = 2
	}()
	return 0
}
