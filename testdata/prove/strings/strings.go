// Package strings checks the string model: length, indexing and slicing
// with their bounds obligations, concatenation, comparison by bytes in
// Go's order, conversions to and from []byte, string(r), and string
// constants in code and in specs. Counterexamples are Go string literals.
package strings

// FirstByte indexes without a bound: s may be empty.
//
//vsynth:ensures true
func FirstByte(s string) byte { // want "failed"
	return s[0] // want "bounds: failed"
}

// FirstByteSafe checks the length first.
//
//vsynth:ensures len(s) == 0 || result == s[0]
func FirstByteSafe(s string) byte { // want "proved"
	if len(s) == 0 {
		return 0
	}
	return s[0]
}

// Tail slices past the end when n > len(s).
//
//vsynth:ensures true
func Tail(s string, n int) string { // want "failed"
	return s[n:] // want "bounds: failed"
}

// TailSafe requires what slicing needs.
//
//vsynth:requires 0 <= n && n <= len(s)
//vsynth:ensures len(result) == len(s)-n
//vsynth:ensures forall i int :: 0 <= i && i < len(result) ==> result[i] == s[n+i]
func TailSafe(s string, n int) string { // want "proved"
	return s[n:]
}

// IsPalindrome compares s with its reverse, byte by byte.
//
//vsynth:ensures result ==> forall i int :: 0 <= i && i < len(s)/2 ==> s[i] == s[len(s)-1-i]
func IsPalindrome(s string) bool { // want "proved"
	//vsynth:invariant 0 <= i && i <= len(s)/2
	//vsynth:invariant forall k int :: 0 <= k && k < i ==> s[k] == s[len(s)-1-k]
	for i := 0; i < len(s)/2; i++ {
		if s[i] != s[len(s)-1-i] {
			return false
		}
	}
	return true
}

// HasPrefix is strings.HasPrefix.
//
//vsynth:ensures result == (len(p) <= len(s) && s[:len(p)] == p)
func HasPrefix(s, p string) bool { // want "proved"
	return len(s) >= len(p) && s[:len(p)] == p
}

// HasPrefixBug forgets the length check.
//
//vsynth:ensures true
func HasPrefixBug(s, p string) bool { // want "failed"
	return s[:len(p)] == p // want "bounds: failed"
}

// Greeting is a constant compared in the spec.
//
//vsynth:ensures result == "hello"
func Greeting() string { // want "proved"
	return "hel" + "lo"
}

// Join concatenates with a separator.
//
// Long test: 7M Z3 units.
//
//vsynth:requires len(a) < 1<<20 && len(b) < 1<<20
//vsynth:ensures len(result) == len(a)+len(b)+1
//vsynth:ensures result[len(a)] == ','
//vsynth:ensures result[:len(a)] == a
//vsynth:ensures result[len(a)+1:] == b
func Join(a, b string) string { // want "proved"
	return a + "," + b
}

// JoinUnbounded may not fit in memory: its counterexample would need a
// string of terabytes, which no replay can build.
//
//vsynth:ensures true
func JoinUnbounded(a, b string) string { // want "unknown"
	return a + b // want "bounds: unknown"
}

// MinString is the smaller of two strings in Go's order.
//
//vsynth:ensures result == a || result == b
func MinString(a, b string) string { // want "proved"
	if a < b {
		return a
	}
	return b
}

// Before is a < b: it implies a != b.
//
//vsynth:ensures !result || a != b
//vsynth:ensures !(a < a)
func Before(a, b string) bool { // want "proved"
	return a < b
}

// OrderBug says "abc" < s for every s longer than 3 bytes.
//
//vsynth:ensures result // want "ensures: failed"
func OrderBug(s string) bool { // want "failed"
	if len(s) > 3 {
		return "abc" < s
	}
	return true
}

// NotEqualWrong claims a string with a zero byte differs from "a\x00b".
//
//vsynth:ensures result // want "ensures: failed"
func NotEqualWrong(s string) bool { // want "failed"
	if len(s) == 3 && s[1] == 0 {
		return s != "a\x00b"
	}
	return true
}

// Bytes converts to a []byte and back.
//
//vsynth:requires len(s) < 1<<20
//vsynth:ensures result == s
func Bytes(s string) string { // want "proved"
	b := []byte(s)
	return string(b)
}

// BytesCopy writes to the copy: the string does not change.
//
//vsynth:requires len(s) > 0 && len(s) < 1<<20
//vsynth:ensures result == s[0]
func BytesCopy(s string) byte { // want "proved"
	b := []byte(s)
	b[0]++
	return s[0]
}

// FromBytes converts a byte slice: later writes to it do not change the
// string.
//
//vsynth:requires len(b) > 0 && len(b) < 1<<20
//vsynth:ensures result == old(b[0])
func FromBytes(b []byte) byte { // want "proved"
	s := string(b)
	b[0] = 'x'
	return s[0]
}

// Rune encodes a code point in UTF-8; invalid ones become U+FFFD.
//
//vsynth:ensures r < 0 || r > 0x10FFFF || (0xD800 <= r && r <= 0xDFFF) || len(result) == 1 && r < 0x80 || len(result) == 2 && 0x80 <= r && r < 0x800 || len(result) == 3 && 0x800 <= r && r < 0x10000 || len(result) == 4 && 0x10000 <= r
//vsynth:ensures !(r < 0 || r > 0x10FFFF || (0xD800 <= r && r <= 0xDFFF)) || result == "\uFFFD"
func Rune(r rune) string { // want "proved"
	return string(r)
}

// RuneBug claims every rune takes at most 3 bytes.
//
//vsynth:ensures len(result) <= 3 // want "ensures: failed"
func RuneBug(r rune) string { // want "failed"
	return string(r)
}

// CountByte counts the bytes equal to c.
//
//vsynth:ensures 0 <= result && result <= len(s)
func CountByte(s string, c byte) int { // want "proved"
	n := 0
	//vsynth:invariant 0 <= i && i <= len(s) && 0 <= n && n <= i
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			n++
		}
	}
	return n
}

// CountBug claims a byte occurs at most once.
//
//vsynth:ensures result <= 1 // want "ensures: failed"
func CountBug(s string, c byte) int { // want "failed"
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			n++
		}
	}
	return n
}

// Name is a named string type.
type Name string

// Short converts between string types.
//
//vsynth:ensures len(result) == len(n)
func Short(n Name) string { // want "proved"
	return string(n)
}
