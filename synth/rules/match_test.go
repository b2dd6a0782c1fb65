package rules

import (
	"testing"
)

func mustRules(t *testing.T, src string) []*Rule {
	t.Helper()
	rs, err := Parse("t.rules", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return rs
}

func TestApply(t *testing.T) {
	rs := mustRules(t, `mul-pow2: x * C => x << log2(C) if isPow2(C)
udiv-pow2: x / C => x >> log2(C) if isPow2(C) for unsigned
sub-self: x - x => 0
add-const: (x + C1) + C2 => x + (C1 + C2)
sra-sign: x >> (W - 1) => -1 if MaxInt < 0 for int8
`)
	x, y := NewVar("x"), NewVar("y")
	i32, _ := TypeNamed("int32")
	u8, _ := TypeNamed("uint8")
	for _, tc := range []struct {
		rule int
		t    Type
		in   *Expr
		want string // "" for no match
	}{
		{0, i32, NewBinary("*", x, NewLit(8)), "x << 3"},
		{0, i32, NewBinary("*", x, NewLit(6)), ""},
		{0, i32, NewBinary("*", x, NewLit(-8)), ""},
		{0, u8, NewBinary("*", x, NewLit(-128)), "x << 7"}, // -128 is 128 as a uint8
		{1, u8, NewBinary("/", x, NewLit(16)), "x >> 4"},
		{1, i32, NewBinary("/", x, NewLit(16)), ""}, // not in the domain
		{2, i32, NewBinary("-", NewBinary("+", x, y), NewBinary("+", x, y)), "0"},
		{2, i32, NewBinary("-", NewBinary("+", x, y), NewBinary("+", y, x)), ""},
		{3, u8, NewBinary("+", NewBinary("+", x, NewLit(200)), NewLit(100)), "x + 44"},
		{3, i32, NewBinary("+", NewBinary("+", x, NewLit(200)), NewLit(100)), "x + 300"},
	} {
		e := NewEngine(rs, tc.t)
		var got *Expr
		for _, r := range e.Rules() {
			if r == rs[tc.rule] {
				got = e.Apply(r, tc.in)
			}
		}
		switch {
		case got == nil && tc.want != "":
			t.Errorf("%s on %s at %s: no match, want %s", rs[tc.rule].Name, tc.in, tc.t.Name, tc.want)
		case got != nil && got.String() != tc.want:
			t.Errorf("%s on %s at %s: got %s, want %q", rs[tc.rule].Name, tc.in, tc.t.Name, got, tc.want)
		}
	}
}

func TestReducibleAndNormalize(t *testing.T) {
	rs := mustRules(t, `add-zero: x + 0 => x
add-comm: x + y => y + x
mul-one: x * 1 => x
`)
	i64, _ := TypeNamed("int64")
	e := NewEngine(rs, i64)
	a, b := NewVar("a"), NewVar("b")
	if r := e.Reducible(NewBinary("*", NewBinary("+", a, NewLit(0)), NewLit(1))); r == nil {
		t.Errorf("(a + 0) * 1 is not reducible")
	}
	// Commutativity reduces only toward the smaller string form.
	ab, ba := NewBinary("+", a, b), NewBinary("+", b, a)
	if (e.Reducible(ab) == nil) == (e.Reducible(ba) == nil) {
		t.Errorf("exactly one of a + b and b + a must be reducible: %v %v", e.Reducible(ab), e.Reducible(ba))
	}
	n := e.Normalize(NewBinary("*", NewBinary("+", NewBinary("+", b, NewLit(0)), a), NewLit(1)))
	if n.String() != "a + b" {
		t.Errorf("normal form %s, want a + b", n)
	}
}

// TestReductionKeepsClasses is the soundness argument of equivalence
// reduction, checked: enumerating terms bottom-up and skipping every
// reducible one loses no behaviour — the distinct fingerprints found with
// the shipped rules equal those found without rules.
func TestReductionKeepsClasses(t *testing.T) {
	rs, err := Shipped()
	if err != nil {
		t.Fatal(err)
	}
	i32, _ := TypeNamed("int32")
	with := enumerateCount(NewEngine(rs, i32), 4)
	without := enumerateCount(NewEngine(nil, i32), 4)
	if with.classes != without.classes {
		t.Errorf("reduction lost behaviours: %d classes with the rules, %d without", with.classes, without.classes)
	}
	if with.kept >= without.kept {
		t.Errorf("rules pruned nothing: %d terms kept with, %d without", with.kept, without.kept)
	}
	t.Logf("size <= 4: %d terms kept with the shipped rules, %d without; %d classes", with.kept, without.kept, with.classes)
}

// TestLessMonotone checks on random terms that Less is preserved by
// putting both sides in the same context.
func TestLessMonotone(t *testing.T) {
	var terms []*Expr
	leaves := []*Expr{NewVar("x"), NewVar("y"), NewLit(0), NewLit(-1), NewLit(7)}
	terms = append(terms, leaves...)
	for _, a := range leaves {
		terms = append(terms, NewUnary("-", a), NewUnary("^", a))
		for _, b := range leaves {
			terms = append(terms, NewBinary("+", a, b), NewBinary("&", a, b))
		}
	}
	contexts := []func(*Expr) *Expr{
		func(e *Expr) *Expr { return NewUnary("-", e) },
		func(e *Expr) *Expr { return NewBinary("+", e, NewVar("x")) },
		func(e *Expr) *Expr { return NewBinary("*", NewLit(3), e) },
		func(e *Expr) *Expr { return NewBinary("^", NewBinary("-", NewVar("y"), e), NewLit(1)) },
	}
	for _, a := range terms {
		for _, b := range terms {
			if !Less(a, b) {
				continue
			}
			if Less(b, a) {
				t.Fatalf("Less(%s, %s) and Less(%s, %s)", a, b, b, a)
			}
			for _, c := range contexts {
				if !Less(c(a), c(b)) {
					t.Errorf("Less(%s, %s) but not in context: %s, %s", a, b, c(a), c(b))
				}
			}
		}
	}
}
