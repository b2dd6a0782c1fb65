// Package strrange checks for range over a string, decoded as Go does
// (invalid bytes, overlong forms, surrogates and truncated sequences are
// U+FFFD of width 1), unrolled without invariants and by its invariants
// with them, and the conversions []rune(s) and string(runes).
// Counterexamples are Go string and slice literals, replayed in Go.
package strrange

// CountRunes counts the runes of a short string, unrolled.
//
//vsynth:requires len(s) <= 8
//vsynth:ensures 0 <= result && result <= len(s)
func CountRunes(s string) int { // want "proved"
	n := 0
	for range s {
		n++
	}
	return n
}

// CountRunesInv counts the runes of any string, by its invariants: the
// key is the byte offset of the rune the next iteration reads.
//
//vsynth:ensures 0 <= result && result <= len(s)
func CountRunesInv(s string) int { // want "proved"
	n := 0
	//vsynth:invariant 0 <= n && n <= i && i <= len(s)
	for i := range s {
		_ = i
		n++
	}
	return n
}

// RunesAreBytes claims one rune per byte: a multi-byte rune refutes it.
//
//vsynth:requires len(s) <= 4
//vsynth:ensures result == len(s) // want "ensures: failed"
func RunesAreBytes(s string) int { // want "failed"
	n := 0
	for range s {
		n++
	}
	return n
}

// NoLeadBytes: bytes that start no sequence (ASCII and lone
// continuation bytes) are each one rune, the continuation bytes U+FFFD
// of width 1; a lead byte stops the count.
//
//vsynth:ensures result == -1 || result == len(s)
func NoLeadBytes(s string) int { // want "proved"
	n := 0
	//vsynth:invariant n == i && i <= len(s)
	for i := range s {
		if s[i] >= 0xC0 {
			return -1
		}
		n++
	}
	return n
}

// FirstRune is the first rune of s, or -1.
//
//vsynth:ensures len(s) == 0 ==> result == -1
//vsynth:ensures len(s) > 0 && s[0] < 0x80 ==> result == rune(s[0])
//vsynth:ensures len(s) > 0 && 0x80 <= s[0] && s[0] < 0xC2 ==> result == 0xFFFD
//vsynth:ensures result <= 0x10FFFF && !(0xD800 <= result && result <= 0xDFFF)
//vsynth:ensures len(s) >= 3 && s[0] == 0xED && s[1] >= 0xA0 ==> result == 0xFFFD
//vsynth:ensures len(s) >= 2 && s[0] == 0xC3 && s[1] == 0xA9 ==> result == 0xE9
func FirstRune(s string) rune { // want "proved"
	for _, r := range s {
		return r
	}
	return -1
}

// FirstRuneNonASCII claims that a first byte at or above 0x80 gives a
// rune at or above 0x80 other than U+FFFD: an invalid byte refutes it.
//
//vsynth:requires len(s) > 0 && len(s) <= 4 && s[0] >= 0x80
//vsynth:ensures result >= 0x80 && result != 0xFFFD // want "ensures: failed"
func FirstRuneNonASCII(s string) rune { // want "failed"
	for _, r := range s {
		return r
	}
	return -1
}

// SecondIndex is the byte offset of the second rune: a rune is 1 to 4
// bytes wide.
//
//vsynth:requires len(s) <= 8
//vsynth:ensures len(s) > 0 ==> 1 <= result && result <= 4 && result <= len(s)
func SecondIndex(s string) int { // want "proved"
	for i := range s {
		if i > 0 {
			return i
		}
	}
	return len(s)
}

// SecondIndex3 claims at most 3: a 4-byte rune refutes it.
//
//vsynth:requires len(s) <= 6
//vsynth:ensures result <= 3 // want "ensures: failed"
func SecondIndex3(s string) int { // want "failed"
	for i := range s {
		if i > 0 {
			return i
		}
	}
	return 0
}

// IndexInRange: the key is a valid index of s, by the invariants alone.
//
//vsynth:ensures result >= 0 && result <= len(s)
func IndexInRange(s string) int { // want "proved"
	sum := 0
	//vsynth:invariant 0 <= i && i <= len(s) && 0 <= sum && sum <= i
	for i := range s {
		if s[i] == 'a' {
			sum++
		}
	}
	return sum
}

// LastKeyBad forgets that the key may be the last byte.
//
//vsynth:requires len(s) <= 4
//vsynth:ensures true
func LastKeyBad(s string) byte { // want "failed"
	var b byte
	for i := range s {
		b = s[i+1] // want "bounds: failed"
	}
	return b
}

// CountUnbounded counts without a bound or invariants: the unrolling
// cannot cover every string.
//
//vsynth:ensures result >= 0
func CountUnbounded(s string) int { // want "unknown"
	n := 0
	for range s { // want "unwinding: unknown"
		n++
	}
	return n
}
