package synth

import (
	"fmt"
	"math/bits"
)

// Type is the type of a term: bool, or a fixed-width integer.
type Type struct {
	Bool   bool
	Width  int    // 8, 16, 32 or 64 for integers
	Signed bool   // Go signedness (SyGuS bit vectors are unsigned)
	Name   string // the Go name when it is not the sized one (int, uint, byte, rune)
}

// BoolType is the type bool.
var BoolType = Type{Bool: true}

// IntType is the Go integer type of the given width and signedness.
func IntType(width int, signed bool) Type { return Type{Width: width, Signed: signed} }

// GoName is the type as Go spells it.
func (t Type) GoName() string {
	if t.Bool {
		return "bool"
	}
	if t.Name != "" {
		return t.Name
	}
	if t.Signed {
		return fmt.Sprintf("int%d", t.carrier())
	}
	return fmt.Sprintf("uint%d", t.carrier())
}

// carrier is the width of the Go type that holds values of t: t's own
// width, or for the bit vectors Go lacks (SyGuS's 4-bit ones), the next
// wider Go integer, whose extra bits are kept zero.
func (t Type) carrier() int {
	for _, w := range []int{8, 16, 32, 64} {
		if t.Width <= w {
			return w
		}
	}
	return 64
}

// Native reports whether t's width is one Go has.
func (t Type) Native() bool { return t.Bool || t.carrier() == t.Width }

func (t Type) String() string { return t.GoName() }

// mask is the bit mask of the type's width.
func (t Type) mask() uint64 {
	if t.Bool {
		return 1
	}
	if t.Width >= 64 {
		return ^uint64(0)
	}
	return 1<<uint(t.Width) - 1
}

// sext sign-extends a value of the type to int64.
func (t Type) sext(v uint64) int64 {
	if t.Width >= 64 {
		return int64(v)
	}
	s := uint(64 - t.Width)
	return int64(v<<s) >> s
}

// minSigned is the bit pattern of the most negative value of the width.
func (t Type) minSigned() uint64 { return 1 << uint(t.Width-1) }

// ParseGoType reads a Go integer or bool type name.
func ParseGoType(name string) (Type, bool) {
	switch name {
	case "bool":
		return BoolType, true
	case "int8", "int16", "int32", "int64":
		var w int
		fmt.Sscanf(name, "int%d", &w)
		return IntType(w, true), true
	case "uint8", "uint16", "uint32", "uint64":
		var w int
		fmt.Sscanf(name, "uint%d", &w)
		return IntType(w, false), true
	case "int":
		return Type{Width: bits.UintSize, Signed: true, Name: name}, true
	case "uint", "uintptr":
		return Type{Width: bits.UintSize, Name: name}, true
	case "byte":
		return Type{Width: 8, Name: name}, true
	case "rune":
		return Type{Width: 32, Signed: true, Name: name}, true
	}
	return Type{}, false
}

// Mask is the bit mask of the type's width (1 for bool).
func (t Type) Mask() uint64 { return t.mask() }
