package text

// RuneCount is the number of runes of s, decoded as for range does (an
// invalid byte is one rune, U+FFFD): at most one per byte.
//
//vsynth:ensures 0 <= result && result <= len(s)
//vsynth:ensures len(s) > 0 ==> result > 0
func RuneCount(s string) int {
	n := 0
	//vsynth:invariant 0 <= n && n <= i && i <= len(s)
	//vsynth:invariant i > 0 ==> n > 0
	//vsynth:decreases len(s) - i
	for i := range s {
		_ = i
		n++
	}
	return n
}

// IndexRune is the byte offset of the first rune r in s, or -1.
//
//vsynth:ensures result == -1 || 0 <= result && result < len(s)
func IndexRune(s string, r rune) int {
	//vsynth:invariant 0 <= i && i <= len(s)
	for i, c := range s {
		if c == r {
			return i
		}
	}
	return -1
}

// RuneAt mixes up byte and rune indices: it takes i < len(s), the bytes,
// as an index of []rune(s), which has fewer elements when s holds a
// multi-byte rune. vsynth refutes its bounds obligation with such a
// string.
//
//vsynth:requires 0 <= i && i < len(s) && len(s) <= 8
//vsynth:ensures true
func RuneAt(s string, i int) rune {
	return []rune(s)[i]
}
