package rules

import (
	"errors"
	"strings"
	"testing"
)

// FuzzParse checks that the rule parser never panics, that every error
// is positioned inside the input, and that a parsed rule prints as a rule
// that parses back to the same rule.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"mul-pow2:   x * C => x << log2(C)  if isPow2(C)",
		"udiv-pow2:  x / C => x >> log2(C)  if isPow2(C)  for unsigned",
		"neg-lt:     -x < 0 => 0 < x  for signed          // false at MinInt: must be rejected",
		"a: (x + C1) + C2 => x + (C1 + C2) for int8, uint16\n// c\nb: !(!b) => b",
		"a: x => => y if if for for",
		"a: ((((x)))) => x",
		"a: x >> (W - 1) => -1 if MaxInt > MinInt && MaxUint != 0",
		"\xff: x => y",
		"a: x + 0x_1 => x",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		rs, err := Parse("f.rules", []byte(src))
		if err != nil {
			var list ErrorList
			if !errors.As(err, &list) || len(list) == 0 {
				t.Fatalf("error %v is not an ErrorList", err)
			}
			lines := strings.Split(src, "\n")
			for _, e := range list {
				if e.Line < 1 || e.Line > len(lines) || e.Col < 1 || e.Col > len(lines[e.Line-1])+1 {
					t.Fatalf("error %v outside the input", e)
				}
			}
			return
		}
		for _, r := range rs {
			again, err := ParseRule(r.String())
			if err != nil {
				t.Fatalf("%q prints as %q, which does not parse: %v", src, r.String(), err)
			}
			if again.String() != r.String() {
				t.Fatalf("%q prints as %q, which reparses as %q", src, r.String(), again.String())
			}
		}
	})
}
