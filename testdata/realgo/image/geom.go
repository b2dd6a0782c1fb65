// Code copied from Go 1.26.8 src/image/geom.go
// (BSD-3-Clause, the Go Authors; see testdata/realgo/README.md). Only //vsynth: contract lines
// were added; the declarations are verbatim, without their doc comments.

package image

import (
	"image/color"
	"math/bits"
	"strconv"
)

type Point struct {
	X, Y int
}

//vsynth:ensures len(result) >= 5
func (p Point) String() string { // want "proved"
	return "(" + strconv.Itoa(p.X) + "," + strconv.Itoa(p.Y) + ")"
}

//vsynth:ensures result.X == p.X + q.X && result.Y == p.Y + q.Y
func (p Point) Add(q Point) Point { // want "proved"
	return Point{p.X + q.X, p.Y + q.Y}
}

//vsynth:ensures result.X == p.X - q.X && result.Y == p.Y - q.Y
func (p Point) Sub(q Point) Point { // want "proved"
	return Point{p.X - q.X, p.Y - q.Y}
}

//vsynth:ensures result.X == p.X * k && result.Y == p.Y * k
func (p Point) Mul(k int) Point { // want "proved"
	return Point{p.X * k, p.Y * k}
}

//vsynth:requires k != 0
//vsynth:ensures result.X == p.X / k && result.Y == p.Y / k
func (p Point) Div(k int) Point { // want "proved"
	return Point{p.X / k, p.Y / k}
}

//vsynth:ensures result ==> r.Min.X <= p.X && p.X < r.Max.X
func (p Point) In(r Rectangle) bool { // want "proved"
	return r.Min.X <= p.X && p.X < r.Max.X &&
		r.Min.Y <= p.Y && p.Y < r.Max.Y
}

//vsynth:requires r.Min.X < r.Max.X && r.Min.Y < r.Max.Y && r.Max.X - r.Min.X > 0 && r.Max.Y - r.Min.Y > 0
//vsynth:ensures result.In(r)
func (p Point) Mod(r Rectangle) Point { // want "unknown"
	w, h := r.Dx(), r.Dy()
	p = p.Sub(r.Min)
	p.X = p.X % w
	if p.X < 0 {
		p.X += w
	}
	p.Y = p.Y % h
	if p.Y < 0 {
		p.Y += h
	}
	return p.Add(r.Min)
}

//vsynth:ensures result == (p.X == q.X && p.Y == q.Y)
func (p Point) Eq(q Point) bool { // want "proved"
	return p == q
}

var ZP Point

//vsynth:ensures result.X == X && result.Y == Y
func Pt(X, Y int) Point { // want "proved"
	return Point{X, Y}
}

type Rectangle struct {
	Min, Max Point
}

//vsynth:ensures len(result) >= 11
func (r Rectangle) String() string { // want "unknown"
	return r.Min.String() + "-" + r.Max.String()
}

//vsynth:ensures result == r.Max.X - r.Min.X
func (r Rectangle) Dx() int { // want "proved"
	return r.Max.X - r.Min.X
}

//vsynth:ensures result == r.Max.Y - r.Min.Y
func (r Rectangle) Dy() int { // want "proved"
	return r.Max.Y - r.Min.Y
}

//vsynth:ensures result.X == r.Dx() && result.Y == r.Dy()
func (r Rectangle) Size() Point { // want "proved"
	return Point{
		r.Max.X - r.Min.X,
		r.Max.Y - r.Min.Y,
	}
}

//vsynth:ensures result.Min.X == r.Min.X + p.X && result.Max.Y == r.Max.Y + p.Y
func (r Rectangle) Add(p Point) Rectangle { // want "proved"
	return Rectangle{
		Point{r.Min.X + p.X, r.Min.Y + p.Y},
		Point{r.Max.X + p.X, r.Max.Y + p.Y},
	}
}

//vsynth:ensures result.Min.X == r.Min.X - p.X && result.Max.Y == r.Max.Y - p.Y
func (r Rectangle) Sub(p Point) Rectangle { // want "proved"
	return Rectangle{
		Point{r.Min.X - p.X, r.Min.Y - p.Y},
		Point{r.Max.X - p.X, r.Max.Y - p.Y},
	}
}

//vsynth:requires r.Min.X <= r.Max.X && r.Min.Y <= r.Max.Y && r.Max.X - r.Min.X >= 0 && r.Max.Y - r.Min.Y >= 0
//vsynth:requires -(1<<40) < n && n < 1<<40 && -(1<<40) < r.Min.X && r.Max.X < 1<<40 && -(1<<40) < r.Min.Y && r.Max.Y < 1<<40
//vsynth:ensures result.Min.X <= result.Max.X && result.Min.Y <= result.Max.Y
func (r Rectangle) Inset(n int) Rectangle { // want "unknown"
	if r.Dx() < 2*n {
		r.Min.X = (r.Min.X + r.Max.X) / 2
		r.Max.X = r.Min.X
	} else {
		r.Min.X += n
		r.Max.X -= n
	}
	if r.Dy() < 2*n {
		r.Min.Y = (r.Min.Y + r.Max.Y) / 2
		r.Max.Y = r.Min.Y
	} else {
		r.Min.Y += n
		r.Max.Y -= n
	}
	return r
}

//vsynth:ensures result.Empty() || (r.Min.X <= result.Min.X && result.Max.X <= r.Max.X)
func (r Rectangle) Intersect(s Rectangle) Rectangle { // want "unknown"
	if r.Min.X < s.Min.X {
		r.Min.X = s.Min.X
	}
	if r.Min.Y < s.Min.Y {
		r.Min.Y = s.Min.Y
	}
	if r.Max.X > s.Max.X {
		r.Max.X = s.Max.X
	}
	if r.Max.Y > s.Max.Y {
		r.Max.Y = s.Max.Y
	}
	// Letting r0 and s0 be the values of r and s at the time that the method
	// is called, this next line is equivalent to:
	//
	// if max(r0.Min.X, s0.Min.X) >= min(r0.Max.X, s0.Max.X) || likewiseForY { etc }
	if r.Empty() {
		return Rectangle{}
	}
	return r
}

//vsynth:ensures !r.Empty() && !s.Empty() ==> result.Min.X <= r.Min.X && result.Min.X <= s.Min.X
func (r Rectangle) Union(s Rectangle) Rectangle { // want "unknown"
	if r.Empty() {
		return s
	}
	if s.Empty() {
		return r
	}
	if r.Min.X > s.Min.X {
		r.Min.X = s.Min.X
	}
	if r.Min.Y > s.Min.Y {
		r.Min.Y = s.Min.Y
	}
	if r.Max.X < s.Max.X {
		r.Max.X = s.Max.X
	}
	if r.Max.Y < s.Max.Y {
		r.Max.Y = s.Max.Y
	}
	return r
}

//vsynth:ensures result == (r.Min.X >= r.Max.X || r.Min.Y >= r.Max.Y)
func (r Rectangle) Empty() bool { // want "proved"
	return r.Min.X >= r.Max.X || r.Min.Y >= r.Max.Y
}

//vsynth:ensures r == s ==> result
func (r Rectangle) Eq(s Rectangle) bool { // want "proved"
	return r == s || r.Empty() && s.Empty()
}

//vsynth:ensures result ==> !r.Empty() && !s.Empty()
func (r Rectangle) Overlaps(s Rectangle) bool { // want "unknown"
	return !r.Empty() && !s.Empty() &&
		r.Min.X < s.Max.X && s.Min.X < r.Max.X &&
		r.Min.Y < s.Max.Y && s.Min.Y < r.Max.Y
}

//vsynth:ensures r.Empty() ==> result
func (r Rectangle) In(s Rectangle) bool { // want "proved"
	if r.Empty() {
		return true
	}
	// Note that r.Max is an exclusive bound for r, so that r.In(s)
	// does not require that r.Max.In(s).
	return s.Min.X <= r.Min.X && r.Max.X <= s.Max.X &&
		s.Min.Y <= r.Min.Y && r.Max.Y <= s.Max.Y
}

//vsynth:ensures result.Min.X <= result.Max.X && result.Min.Y <= result.Max.Y
func (r Rectangle) Canon() Rectangle { // want "proved"
	if r.Max.X < r.Min.X {
		r.Min.X, r.Max.X = r.Max.X, r.Min.X
	}
	if r.Max.Y < r.Min.Y {
		r.Min.Y, r.Max.Y = r.Max.Y, r.Min.Y
	}
	return r
}

//vsynth:ensures result != nil
func (r Rectangle) At(x, y int) color.Color { // want "unsupported"
	if (Point{x, y}).In(r) {
		return color.Opaque
	}
	return color.Transparent
}

//vsynth:ensures result.A == 0 || result.A == 0xffff
func (r Rectangle) RGBA64At(x, y int) color.RGBA64 { // want "proved"
	if (Point{x, y}).In(r) {
		return color.RGBA64{0xffff, 0xffff, 0xffff, 0xffff}
	}
	return color.RGBA64{}
}

//vsynth:ensures result == r
func (r Rectangle) Bounds() Rectangle { // want "proved"
	return r
}

//vsynth:ensures result != nil
func (r Rectangle) ColorModel() color.Model { // want "unknown"
	return color.Alpha16Model
}

var ZR Rectangle

//vsynth:ensures result.Min.X <= result.Max.X && result.Min.Y <= result.Max.Y
func Rect(x0, y0, x1, y1 int) Rectangle { // want "proved"
	if x0 > x1 {
		x0, x1 = x1, x0
	}
	if y0 > y1 {
		y0, y1 = y1, y0
	}
	return Rectangle{Point{x0, y0}, Point{x1, y1}}
}

//vsynth:ensures result == -1 || result >= 0
//vsynth:ensures x >= 0 && y >= 0 && z >= 0 && x < 1<<20 && y < 1<<20 && z < 1<<20 ==> result == x*y*z
func mul3NonNeg(x int, y int, z int) int { // want "unknown"
	if (x < 0) || (y < 0) || (z < 0) {
		return -1
	}
	hi, lo := bits.Mul64(uint64(x), uint64(y))
	if hi != 0 {
		return -1
	}
	hi, lo = bits.Mul64(lo, uint64(z))
	if hi != 0 {
		return -1
	}
	a := int(lo)
	if (a < 0) || (uint64(a) != lo) {
		return -1
	}
	return a
}

//vsynth:ensures result == -1 || result >= 0
//vsynth:ensures x >= 0 && y >= 0 && x < 1<<62 && y < 1<<62 ==> result == x+y
func add2NonNeg(x int, y int) int { // want "proved"
	if (x < 0) || (y < 0) {
		return -1
	}
	a := x + y
	if a < 0 {
		return -1
	}
	return a
}
