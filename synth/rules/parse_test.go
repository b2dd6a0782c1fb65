package rules

import (
	"strings"
	"testing"
)

func TestParseRules(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"mul-pow2:   x * C => x << log2(C)  if isPow2(C)", "mul-pow2: x * C => x << log2(C) if isPow2(C)"},
		{"udiv-pow2:  x / C => x >> log2(C)  if isPow2(C)  for unsigned", "udiv-pow2: x / C => x >> log2(C) if isPow2(C) for unsigned"},
		{"neg-lt:     -x < 0 => 0 < x  for signed          // false at MinInt", "neg-lt: -x < 0 => 0 < x for signed"},
		{"a: (x + C1) + C1 => x + (C1 + C1) for int8, uint", "a: (x + C1) + C1 => x + (C1 + C1) for int8, uint"},
		{"b: !(!b) => b", "b: !(!b) => b"},
		{"c: x >> (W - 1) => -1 if MaxInt == MaxInt", "c: x >> (W - 1) => -1 if MaxInt == MaxInt"},
		{"d: -(-x) => x", "d: -(-x) => x"},
		{"e: x &^ x => 0x0", "e: x &^ x => 0"},
	} {
		r, err := ParseRule(tc.src)
		if err != nil {
			t.Errorf("%s: %v", tc.src, err)
			continue
		}
		if got := r.String(); got != tc.want {
			t.Errorf("%s:\n got %s\nwant %s", tc.src, got, tc.want)
		}
	}
	r, err := ParseRule("u: x / C => x >> log2(C) if isPow2(C) for unsigned")
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Types) != 4 || r.Types[0].Name != "uint8" || r.Types[0].Signed {
		t.Errorf("for unsigned: %v", r.Types)
	}
	r, err = ParseRule("v: x + 0 => x")
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Types) != 8 {
		t.Errorf("default domain: %d types, want 8", len(r.Types))
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"x + 0 => x", "f.rules:1:1: expected name: LHS => RHS"},
		{"a x + 0 => x", "f.rules:1:1: expected name: LHS => RHS"},
		{"a b: x + 0 => x", "f.rules:1:1: bad rule name"},
		{"a: x + 0 = x", "f.rules:1:4: expected =>"},
		{"a: x + => x", "f.rules:1:8: expected operand"},
		{"a: x + 0 => y", "f.rules:1:13: hole y is not bound by the left side"},
		{"a: x + C => x if D == 0", "f.rules:1:18: constant D is not bound by the left side"},
		{"a: x + C => x if x == 0", "f.rules:1:18: the condition may mention only constants"},
		{"a: x => x + 0", "f.rules:1:4: the left side must be an operation"},
		{"a: x + 0 => x for int7", `f.rules:1:19: unknown type "int7"`},
		{"a: x + 0 => x if C", "f.rules:1:18: constant C is not bound"},
		{"a: x + 0 => x < 0", "f.rules:1:13: the right side is boolean but the left side is an integer"},
		{"a: x + 1.5 => x", "f.rules:1:8: only integer literals"},
		{"a: f(x) => x", "f.rules:1:4: only the helpers"},
		{"a: x * log2(C) => x", "f.rules:1:8: log2 of a hole or constant cannot be matched"},
		{"a: x[1] => x", "f.rules:1:4: *ast.IndexExpr is not allowed"},
		{"a: x + 0 => x\na: x - 0 => x", "f.rules:2:1: rule a is already defined at line 1"},
		{"a: !x + 1 => x", "f.rules:1:4: operand of + must be an integer"},
	} {
		_, err := Parse("f.rules", []byte(tc.src))
		if err == nil {
			t.Errorf("%q: no error, want %s", tc.src, tc.want)
			continue
		}
		if !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%q:\n got %v\nwant %s...", tc.src, err, tc.want)
		}
	}
}

func TestParseComments(t *testing.T) {
	rs, err := Parse("f.rules", []byte("// header\n\n// provenance one\n// two\na: x + 0 => x  // trailing\n\nb: x - 0 => x\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != 2 || strings.Join(rs[0].Comment, "|") != "provenance one|two" || rs[1].Comment != nil || rs[0].Line != 5 {
		t.Errorf("got %d rules, comment %q, line %d", len(rs), rs[0].Comment, rs[0].Line)
	}
}

func TestShippedParses(t *testing.T) {
	rs, err := Shipped()
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]int{}
	for _, r := range rs {
		files[r.File]++
	}
	if files["synth/rules/sets/seed.rules"] < 40 || files["synth/rules/sets/learned.rules"] < 40 {
		t.Errorf("shipped set: %v", files)
	}
}
