package synth

import (
	"testing"
)

// TestKeyRoundTrip: TermKey and ParseKey are inverse on terms of every
// kind of type, width operators included.
func TestKeyRoundTrip(t *testing.T) {
	for _, k := range []string{
		"(&:u32 p0:u32 (com:u32 p1:u32))",
		"(!=:bool (not:bool p0:bool) p1:bool)",
		"(bvashr:u8 p0:u8 7:u8)",
		"(+:i64 p0:i64 (neg:i64 18446744073709551615:i64))",
		"(extract:u8:3 p0:u32)",
		"(if:u16 (<:bool p0:u16 p1:u16) p0:u16 p1:u16)",
	} {
		tm, err := ParseKey(k)
		if err != nil {
			t.Fatalf("%s: %v", k, err)
		}
		if got := TermKey(tm); got != k {
			t.Errorf("round trip %s: %s", k, got)
		}
	}
}

// FuzzParseKey: ParseKey never panics, and what it accepts prints back
// to a key it reads the same.
func FuzzParseKey(f *testing.F) {
	for _, s := range []string{"(&:u32 _0:u32 (com:u32 _1:u32))", "(!=:bool _0:bool _1:bool)", "(extract:u8:3 p0:u32)", "((", "_0:u99", "7:u2", "(neg:u8)"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		tm, err := ParseKey(s)
		if err != nil {
			return
		}
		k := TermKey(tm)
		tm2, err := ParseKey(k)
		if err != nil {
			t.Fatalf("%q printed as %q, which does not parse: %v", s, k, err)
		}
		if TermKey(tm2) != k {
			t.Fatalf("%q: %q then %q", s, k, TermKey(tm2))
		}
	})
}
