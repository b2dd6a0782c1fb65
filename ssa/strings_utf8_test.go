package ssa

import (
	"math/rand"
	"testing"
	"unicode/utf8"

	"github.com/vsynth/vsynth/smt"
)

// TestDecodeBytesMatchesGo checks the decoding that for range over a
// string and []rune(s) lower (decodeBytes) against Go's own
// utf8.DecodeRuneInString, which for range uses: on every string of one
// and two bytes, on every lead byte followed by continuation-byte
// boundaries (four bytes after the lead bytes of four-byte sequences), and on random strings of three and four bytes. The terms
// are built from constant bytes, so they fold to constants.
func TestDecodeBytesMatchesGo(t *testing.T) {
	check := func(s string) {
		t.Helper()
		var b, has [4]*smt.Term
		for j := range b {
			v, ok := byte(0xA5), false // a byte past the end: any value
			if j < len(s) {
				v, ok = s[j], true
			}
			b[j], has[j] = smt.BVUint(8, uint64(v)), smt.Bool(ok)
		}
		r, w := decodeBytes(b, has)
		if !r.IsConst() || !w.IsConst() {
			t.Fatalf("%q: the decoding of constant bytes did not fold: %s, %s", s, smt.Format(r), smt.Format(w))
		}
		wantR, wantW := utf8.DecodeRuneInString(s)
		if got := int32(r.Value().Int64()); got != wantR || w.Value().Int64() != int64(wantW) {
			t.Fatalf("%q: decoded (%U, %d), Go decodes (%U, %d)", s, got, w.Value().Int64(), wantR, wantW)
		}
	}
	for a := 0; a < 256; a++ {
		check(string([]byte{byte(a)}))
		for c := 0; c < 256; c++ {
			check(string([]byte{byte(a), byte(c)}))
		}
	}
	edges := []byte{0x00, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF}
	for a := 0xC0; a < 256; a++ {
		for _, c := range edges {
			for _, d := range edges {
				check(string([]byte{byte(a), c, d}))
				if a < 0xF0 || a > 0xF7 {
					continue // no four-byte sequence starts here
				}
				for _, e := range edges {
					check(string([]byte{byte(a), c, d, e}))
				}
			}
		}
	}
	rng := rand.New(rand.NewSource(1))
	for range 5000 {
		n := 3 + rng.Intn(2)
		s := make([]byte, n)
		s[0] = byte(0xE0 + rng.Intn(0x20))
		for j := 1; j < n; j++ {
			s[j] = byte(0x80 + rng.Intn(0x40))
			if rng.Intn(8) == 0 {
				s[j] = byte(rng.Intn(256))
			}
		}
		check(string(s))
	}
}

// TestEncodeRuneMatchesGo checks the encoding of string(r) and
// string(runes) (encodeRune) against Go's string(rune(v)) on the
// boundaries of every encoding length, the surrogates, values past
// U+10FFFF, negative values, and random code points.
func TestEncodeRuneMatchesGo(t *testing.T) {
	check := func(v int64) {
		t.Helper()
		bytes, n := encodeRune(smt.BVUint(64, uint64(v)))
		var got []byte
		for j := int64(0); j < n.Value().Int64(); j++ {
			if !bytes[j].IsConst() {
				t.Fatalf("%d: the encoding of a constant did not fold", v)
			}
			got = append(got, byte(bytes[j].Value().Uint64()))
		}
		want := "\uFFFD"
		if int64(rune(v)) == v {
			want = string(rune(v))
		}
		if string(got) != want {
			t.Fatalf("%d: encoded %q, Go %q", v, got, want)
		}
	}
	for _, v := range []int64{-1 << 63, -1, 0, 0x7F, 0x80, 0x7FF, 0x800, 0xD7FF, 0xD800, 0xDFFF, 0xE000, 0xFFFD, 0xFFFF, 0x10000, 0x10FFFF, 0x110000, 1 << 31, 1<<32 + 0x41, 1<<63 - 1} {
		check(v)
	}
	rng := rand.New(rand.NewSource(1))
	for range 20000 {
		check(rng.Int63n(0x120000) - 0x1000)
	}
}
