// Package interfaces checks interface values: conversions, type
// assertions (comma-ok and single-result, a type-assertion obligation),
// type switches, method calls through an interface resolved over the
// types of the loaded packages (a closed world), error values made by
// errors.New and fmt.Errorf, and err == nil in contracts.
package interfaces

import (
	"errors"
	"fmt"
)

// Shape is implemented by Square and *Rect below: the closed world.
type Shape interface {
	Area() int
}

type Square struct{ Side int }

func (s Square) Area() int { return s.Side * s.Side }

type Rect struct{ W, H int }

func (r *Rect) Area() int { return r.W * r.H } // want "nil: failed" "nil: failed"

// AreaOf calls through the interface: s is not nil, and each
// implementation is inlined, but a nil *Rect still panics in Rect.Area
// (s = (*Rect)(nil)), and a nil *Square where the call loads the Square.
//
//vsynth:requires s != nil
//vsynth:ensures true
func AreaOf(s Shape) int { // want "failed"
	return s.Area() // want "nil: failed"
}

// AreaOfNil forgets that s may be nil, or a nil *Rect.
//
//vsynth:ensures true
func AreaOfNil(s Shape) int { // want "failed"
	return s.Area() // want "nil: failed"
}

// SquareArea builds the value itself: the call resolves to Square.Area.
//
//vsynth:requires 0 <= n && n < 1000
//vsynth:ensures result == n*n
func SquareArea(n int) int { // want "proved"
	var s Shape = Square{Side: n}
	return s.Area()
}

// Unbox asserts without comma-ok: any other dynamic type panics.
//
//vsynth:ensures true
func Unbox(x any) int { // want "failed"
	return x.(int) // want "type-assertion: failed"
}

// UnboxOK uses comma-ok: never panics, and result is 0 unless x holds an
// int.
//
//vsynth:ensures true
func UnboxOK(x any) int { // want "proved"
	if v, ok := x.(int); ok {
		return v
	}
	return 0
}

// RoundTrip boxes and unboxes: the value comes back.
//
//vsynth:ensures result == v
func RoundTrip(v int8) int8 { // want "proved"
	var x any = v
	return x.(int8)
}

// Kind is a type switch.
//
//vsynth:ensures result >= 0 && result <= 3
func Kind(x any) int { // want "proved"
	switch x.(type) {
	case nil:
		return 0
	case int:
		return 1
	case Square:
		return 2
	}
	return 3
}

// KindWrong claims an int is never passed.
//
//vsynth:ensures result != 1 // want "ensures: failed"
func KindWrong(x any) int { // want "failed"
	switch v := x.(type) {
	case int:
		if v > 10 {
			return 1
		}
	}
	return 0
}

// Sqrt returns an error for negative inputs: the idiom if err != nil.
//
//vsynth:ensures (err == nil) == (x >= 0)
func Sqrt(x int) (r int, err error) { // want "proved"
	if x < 0 {
		return 0, errors.New("negative")
	}
	r = 0
	for r*r <= x && r < 4 {
		r++
	}
	return r, nil
}

// Check wraps Sqrt and passes its error on.
//
//vsynth:ensures (err != nil) == (x < 0)
func Check(x int) (err error) { // want "proved"
	if _, err := Sqrt(x); err != nil {
		return fmt.Errorf("check %d: bad input", x)
	}
	return nil
}

// CheckWrong gets the condition backwards at zero.
//
//vsynth:ensures (err == nil) == (x > 0) // want "ensures: failed"
func CheckWrong(x int) (err error) { // want "failed"
	if x < 0 {
		return errors.New("negative")
	}
	return nil
}

// SameError compares two errors errors.New made: never equal.
//
//vsynth:ensures !result
func SameError() bool { // want "proved"
	a := errors.New("x")
	b := errors.New("x")
	return a == b
}

// EqualAny compares interfaces holding ints by value.
//
//vsynth:ensures result == (a == b)
func EqualAny(a, b int) bool { // want "proved"
	var x, y any = a, b
	return x == y
}

// Message calls Error on an error of the standard library: not modelled,
// so the function is unknown, never assumed.
//
//vsynth:ensures true
func Message(x int) int { // want "unknown"
	err := errors.New("m")
	if x > 0 {
		return len(err.Error()) // want "dynamic-call: unknown"
	}
	return 0
}

// Nowhere has no implementation in the loaded packages.
type Nowhere interface {
	Nowhere() int
}

// CallNowhere calls through an interface no loaded type implements: the
// closed world would make the call unreachable and the proof vacuous, so
// it is unknown instead.
//
//vsynth:requires n != nil
//vsynth:ensures result == 0
func CallNowhere(n Nowhere) int { // want "unknown"
	return n.Nowhere() * 0 // want "dynamic-call: unknown"
}
