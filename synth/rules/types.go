package rules

import (
	"fmt"
	"strings"
)

// Type is a sized Go integer type a rule may hold for.
type Type struct {
	Name   string // int8 … int64, uint8 … uint64
	Width  int
	Signed bool
}

// AllTypes are the sized integer types, the default domain of a rule.
// int and uint are 64-bit, so their rules are those of int64 and uint64.
var AllTypes = []Type{
	{"int8", 8, true}, {"int16", 16, true}, {"int32", 32, true}, {"int64", 64, true},
	{"uint8", 8, false}, {"uint16", 16, false}, {"uint32", 32, false}, {"uint64", 64, false},
}

// TypeNamed returns the sized type called name; int and uint are int64 and
// uint64.
func TypeNamed(name string) (Type, bool) {
	switch name {
	case "int":
		name = "int64"
	case "uint":
		name = "uint64"
	}
	for _, t := range AllTypes {
		if t.Name == name {
			return t, true
		}
	}
	return Type{}, false
}

// parseTypes reads a TYPES clause: signed, unsigned, or a comma-separated
// list of integer types (signed and unsigned may appear in the list too).
func parseTypes(s string) ([]Type, error) {
	seen := map[string]bool{}
	var out []Type
	add := func(t Type) {
		if !seen[t.Name] {
			seen[t.Name] = true
			out = append(out, t)
		}
	}
	for _, f := range strings.Split(s, ",") {
		f = strings.TrimSpace(f)
		switch f {
		case "signed", "unsigned":
			for _, t := range AllTypes {
				if t.Signed == (f == "signed") {
					add(t)
				}
			}
		default:
			t, ok := TypeNamed(f)
			if !ok {
				return nil, fmt.Errorf("unknown type %q in for clause (want signed, unsigned or sized integer types)", f)
			}
			add(t)
		}
	}
	return out, nil
}

// mask is 2^W-1.
func (t Type) mask() uint64 {
	if t.Width == 64 {
		return ^uint64(0)
	}
	return 1<<t.Width - 1
}

// norm truncates v to t's width and extends it back to int64 as t
// would: sign extension for signed types, zero extension for unsigned.
func (t Type) norm(v int64) int64 {
	u := uint64(v) & t.mask()
	if t.Signed && t.Width < 64 && u>>(t.Width-1)&1 == 1 {
		u |= ^t.mask()
	}
	return int64(u)
}

// minInt, maxInt and maxUint are the Builtins at t, normalized.
func (t Type) minInt() int64 {
	if !t.Signed {
		return 0
	}
	return t.norm(int64(1) << (t.Width - 1))
}

func (t Type) maxInt() int64 {
	if !t.Signed {
		return t.norm(-1)
	}
	return t.norm(int64(uint64(1)<<(t.Width-1) - 1))
}

func (t Type) maxUint() int64 { return t.norm(-1) }
