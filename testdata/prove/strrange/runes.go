package strrange

// RuneCount is the number of runes, by []rune(s).
//
//vsynth:requires len(s) <= 8
//vsynth:ensures 0 <= result && result <= len(s)
//vsynth:ensures len(s) > 0 ==> result >= 1
func RuneCount(s string) int { // want "proved"
	return len([]rune(s))
}

// RuneCountBytes claims a rune per byte.
//
//vsynth:requires len(s) <= 4
//vsynth:ensures result == len(s) // want "ensures: failed"
func RuneCountBytes(s string) int { // want "failed"
	return len([]rune(s))
}

// FirstOf agrees with for range on the first rune.
//
//vsynth:requires 0 < len(s) && len(s) <= 6
//vsynth:ensures result
func FirstOf(s string) bool { // want "proved"
	rs := []rune(s)
	for _, r := range s {
		return rs[0] == r
	}
	return false
}

// RoundTrip claims string([]rune(s)) is as long as s: invalid UTF-8
// (each bad byte becomes the three bytes of U+FFFD) refutes it.
//
//vsynth:requires len(s) <= 2
//vsynth:ensures result // want "ensures: failed"
func RoundTrip(s string) bool { // want "failed"
	return len(string([]rune(s))) == len(s)
}

// Encode is string(rs): each rune is 1 to 4 bytes.
//
//vsynth:requires len(rs) <= 4
//vsynth:ensures len(rs) <= len(result) && len(result) <= 4*len(rs)
//vsynth:ensures len(rs) == 1 && (rs[0] < 0 || rs[0] > 0x10FFFF) ==> result == "\uFFFD"
//vsynth:ensures len(rs) == 1 && rs[0] == 0xE9 ==> result == "é"
func Encode(rs []rune) string { // want "proved"
	return string(rs)
}

// EncodeShort claims at most 3 bytes a rune: U+10000 and up refute it.
//
//vsynth:requires len(rs) <= 2
//vsynth:ensures len(result) <= 3*len(rs) // want "ensures: failed"
func EncodeShort(rs []rune) string { // want "failed"
	return string(rs)
}

// Surrogate: string(r) of a surrogate is U+FFFD, which for range reads
// back as U+FFFD.
//
//vsynth:requires 0xD800 <= r && r <= 0xDFFF
//vsynth:ensures result == 0xFFFD
func Surrogate(r rune) rune { // want "proved"
	for _, c := range string(r) {
		return c
	}
	return 0
}

// RunesUnbounded converts a string of any length: unknown, not assumed.
//
//vsynth:ensures result >= 0
func RunesUnbounded(s string) int { // want "unknown"
	return len([]rune(s)) // want "unwinding: unknown"
}
