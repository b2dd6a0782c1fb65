package shapes

import (
	"errors"
	"slices"
)

// Shape has an area.
type Shape interface {
	Area() int64
}

// Square is a Shape held by value.
type Square struct{ Side int32 }

// Area is Side².
func (s Square) Area() int64 { return int64(s.Side) * int64(s.Side) }

// Rect is a Shape held by pointer.
type Rect struct{ W, H int16 }

// Area is W·H; a nil *Rect dereferences nil.
func (r *Rect) Area() int64 { return int64(r.W) * int64(r.H) }

var _ = []Shape{Square{}, &Rect{}}

// NewRect validates its sides: an error when either is negative.
//
//vsynth:ensures (err == nil) == (w >= 0 && h >= 0)
//vsynth:ensures err != nil || (r.W == w && r.H == h)
func NewRect(w, h int16) (r *Rect, err error) {
	if w < 0 || h < 0 {
		return nil, errors.New("shapes: negative side")
	}
	return &Rect{W: w, H: h}, nil
}

// IsSquare reports whether s holds a Square, by a type switch.
//
//vsynth:ensures result == 0 || result == 1
func IsSquare(s Shape) int {
	switch s.(type) {
	case Square:
		return 1
	}
	return 0
}

// AreaSum adds the areas of two shapes. It checks that neither interface
// is nil, but a non-nil interface may hold a nil *Rect: vsynth finds it.
//
//vsynth:requires a != nil && b != nil
//vsynth:ensures true
func AreaSum(a, b Shape) int64 {
	return a.Area() + b.Area()
}

// Integer is a finite union of integer types: a generic function over it
// is checked at each.
type Integer interface {
	~int8 | ~int16 | ~int32 | ~int64
}

// Largest is the larger of two values of any Integer type.
//
//vsynth:ensures result >= a && result >= b && (result == a || result == b)
func Largest[T Integer](a, b T) T {
	return max(a, b)
}

// Peak is the largest side of a non-empty list, by slices.Max.
//
//vsynth:requires len(sides) > 0
//vsynth:ensures forall i int :: 0 <= i && i < len(sides) ==> sides[i] <= result
func Peak(sides []int16) int16 {
	return slices.Max(sides)
}
