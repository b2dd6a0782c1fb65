// Package stdlib checks calls into the standard library known by the
// contracts vsynth ships (ssa/stdlib/*.vspec): their requires clauses are
// obligations at the call, their ensures clauses are assumed, and a proof
// that rests on a contract checked by randomized runs (not proved) says
// so as an assumption.
package stdlib

import (
	"bytes"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// StripScheme uses strings.HasPrefix, whose contract is proved.
//
//vsynth:ensures len(result) <= len(s)
//vsynth:ensures len(s) >= 8 && s[:8] == "https://" ==> len(result) == len(s)-8
func StripScheme(s string) string { // want "proved"
	if strings.HasPrefix(s, "https://") {
		return s[8:]
	}
	return s
}

// Ext is what follows the last dot; the index is in range by the
// contract of strings.LastIndexByte.
//
//vsynth:ensures len(result) < len(name) || len(result) == len(name) && len(name) == 0 || result == name
func Ext(name string) string { // want "proved"
	i := strings.LastIndexByte(name, '.')
	if i < 0 {
		return ""
	}
	return name[i+1:]
}

// KeyValue splits at the first '='; bounds follow from strings.IndexByte.
//
//vsynth:ensures ok ==> len(k)+1+len(v) == len(line)
//vsynth:ensures !ok ==> k == line
func KeyValue(line string) (k, v string, ok bool) { // want "proved"
	i := strings.IndexByte(line, '=')
	if i < 0 {
		return line, "", false
	}
	return line[:i], line[i+1:], true
}

// BeforeColon assumes a colon is there: there may be none, and s[i+1:]
// with i = -1 is s, but s[:i] panics.
//
//vsynth:ensures true
func BeforeColon(s string) string { // want "failed"
	i := strings.IndexByte(s, ':')
	return s[:i] // want "bounds: failed"
}

// Indent repeats a tab; a negative depth is outside strings.Repeat's
// domain, and so is one of more than 2^48 tabs (Go's makeslice panics:
// len out of range).
//
//vsynth:ensures true
func Indent(depth int) string { // want "failed"
	return strings.Repeat("\t", depth) // want "call-requires: failed" "call-requires: failed"
}

// IndentSafe clamps the depth first.
//
//vsynth:requires depth < 1<<20
//vsynth:ensures len(result) == max(depth, 0)
func IndentSafe(depth int) string { // want "proved"
	return strings.Repeat("\t", max(depth, 0))
}

// Same compares two strings with strings.Compare.
//
//vsynth:ensures result == (a == b)
func Same(a, b string) bool { // want "proved"
	return strings.Compare(a, b) == 0
}

// LessWrong mistakes the order: equal strings are not less.
//
//vsynth:ensures result ==> a != b // want "ensures: failed"
func LessWrong(a, b string) bool { // want "failed"
	return strings.Compare(a, b) <= 0
}

// Width is the number of bytes of r in UTF-8, or 0 for an invalid rune.
//
//vsynth:ensures 0 <= result && result <= 4
//vsynth:ensures result == 0 == (r < 0 || 0xD800 <= r && r <= 0xDFFF || r > utf8.MaxRune)
func Width(r rune) int { // want "proved"
	n := utf8.RuneLen(r)
	if n < 0 {
		return 0
	}
	return n
}

// PutRune encodes r into a buffer that may be too short.
//
//vsynth:ensures result >= 1
func PutRune(buf []byte, r rune) int { // want "failed"
	return utf8.EncodeRune(buf, r) // want "call-requires: failed"
}

// PutRuneSafe gives EncodeRune room for any rune.
//
//vsynth:requires len(buf) >= utf8.UTFMax
//vsynth:ensures 1 <= result && result <= 4
func PutRuneSafe(buf []byte, r rune) int { // want "proved"
	return utf8.EncodeRune(buf, r)
}

// FirstRune decodes the first rune; its size never passes the string.
//
//vsynth:ensures 0 <= size && size <= len(s)
func FirstRune(s string) (r rune, size int) { // want "proved"
	r, size = utf8.DecodeRuneInString(s)
	return r, size
}

// SkipRune drops the first rune: s[size:] is in range.
//
//vsynth:ensures len(result) < len(s) || len(s) == 0
func SkipRune(s string) string { // want "proved"
	_, size := utf8.DecodeRuneInString(s)
	return s[size:]
}

// Digits is strconv.Itoa's length, at least 1.
//
//vsynth:ensures 1 <= result && result <= 20
func Digits(n int) int { // want "proved"
	return len(strconv.Itoa(n))
}

// SameBytes compares with bytes.Equal.
//
//vsynth:ensures result ==> len(a) == len(b)
func SameBytes(a, b []byte) bool { // want "proved"
	return bytes.Equal(a, b)
}

// IsDigitByte agrees with unicode.IsDigit on ASCII.
//
//vsynth:ensures result == ('0' <= c && c <= '9')
func IsDigitByte(c byte) bool { // want "proved"
	return unicode.IsDigit(rune(c))
}

// Base must pass a base FormatInt accepts.
//
//vsynth:ensures len(result) >= 1
func Base(n int64, base int) string { // want "failed"
	return strconv.FormatInt(n, base) // want "call-requires: failed"
}

// IsGo is strings.HasSuffix(name, ".go"), written out; a clause may call a
// shipped contract's function that writes nothing, and is known by its
// contract there.
//
//vsynth:ensures result == strings.HasSuffix(name, ".go")
func IsGo(name string) bool { // want "proved"
	return len(name) >= 3 && name[len(name)-3:] == ".go"
}

// IsGoWrong misses the name ".go" itself.
//
//vsynth:ensures result == strings.HasSuffix(name, ".go") // want "ensures: failed"
func IsGoWrong(name string) bool { // want "failed"
	return len(name) > 3 && name[len(name)-3:] == ".go"
}

// Valid is utf8.ValidRune by utf8.RuneLen.
//
//vsynth:ensures result == utf8.ValidRune(r)
func Valid(r rune) bool { // want "proved"
	return utf8.RuneLen(r) > 0
}
