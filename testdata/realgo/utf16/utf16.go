// Code copied from Go 1.26.8 src/unicode/utf16/utf16.go
// (BSD-3-Clause, the Go Authors; see testdata/realgo/README.md). Only //vsynth: contract lines
// were added; the declarations are verbatim, without their doc comments.

package utf16

const (
	replacementChar = '\uFFFD'     // Unicode replacement character
	maxRune         = '\U0010FFFF' // Maximum valid Unicode code point.
)

const (
	// 0xd800-0xdc00 encodes the high 10 bits of a pair.
	// 0xdc00-0xe000 encodes the low 10 bits of a pair.
	// the value is those 20 bits plus 0x10000.
	surr1 = 0xd800
	surr2 = 0xdc00
	surr3 = 0xe000

	surrSelf = 0x10000
)

//vsynth:ensures result == (surr1 <= r && r < surr3)
func IsSurrogate(r rune) bool { // want "proved"
	return surr1 <= r && r < surr3
}

//vsynth:ensures result == replacementChar || (surrSelf <= result && result <= maxRune)
func DecodeRune(r1, r2 rune) rune { // want "proved"
	if surr1 <= r1 && r1 < surr2 && surr2 <= r2 && r2 < surr3 {
		return (r1-surr1)<<10 | (r2 - surr2) + surrSelf
	}
	return replacementChar
}

//vsynth:ensures (r1 == replacementChar && r2 == replacementChar) || (surr1 <= r1 && r1 < surr2 && surr2 <= r2 && r2 < surr3)
//vsynth:ensures surrSelf <= r && r <= maxRune ==> DecodeRune(r1, r2) == r
func EncodeRune(r rune) (r1, r2 rune) { // want "proved"
	if r < surrSelf || r > maxRune {
		return replacementChar, replacementChar
	}
	r -= surrSelf
	return surr1 + (r>>10)&0x3ff, surr2 + r&0x3ff
}

//vsynth:ensures result == -1 || result == 1 || result == 2
func RuneLen(r rune) int { // want "proved"
	switch {
	case 0 <= r && r < surr1, surr3 <= r && r < surrSelf:
		return 1
	case surrSelf <= r && r <= maxRune:
		return 2
	default:
		return -1
	}
}

//vsynth:requires len(s) < 1<<40
//vsynth:ensures len(s) <= len(result) && len(result) <= 2*len(s)
func Encode(s []rune) []uint16 { // want "unknown"
	n := len(s)
	for _, v := range s {
		if v >= surrSelf {
			n++
		}
	}

	a := make([]uint16, n)
	n = 0
	for _, v := range s {
		switch RuneLen(v) {
		case 1: // normal rune
			a[n] = uint16(v)
			n++
		case 2: // needs surrogate sequence
			r1, r2 := EncodeRune(v)
			a[n] = uint16(r1)
			a[n+1] = uint16(r2)
			n += 2
		default:
			a[n] = uint16(replacementChar)
			n++
		}
	}
	return a[:n]
}

//vsynth:requires len(a) < 1<<40
//vsynth:ensures len(a)+1 <= len(result) && len(result) <= len(a)+2
func AppendRune(a []uint16, r rune) []uint16 { // want "proved"
	// This function is inlineable for fast handling of ASCII.
	switch {
	case 0 <= r && r < surr1, surr3 <= r && r < surrSelf:
		// normal rune
		return append(a, uint16(r))
	case surrSelf <= r && r <= maxRune:
		// needs surrogate sequence
		r1, r2 := EncodeRune(r)
		return append(a, uint16(r1), uint16(r2))
	}
	return append(a, replacementChar)
}

//vsynth:requires len(s) < 1<<40
//vsynth:ensures len(result) <= len(s)
func Decode(s []uint16) []rune { // want "unknown"
	// Preallocate capacity to hold up to 64 runes.
	// Decode inlines, so the allocation can live on the stack.
	buf := make([]rune, 0, 64)
	return decode(s, buf)
}

//vsynth:requires len(s) < 1<<40 && len(buf) == 0
//vsynth:ensures len(result) <= len(s)
func decode(s []uint16, buf []rune) []rune { // want "unknown"
	for i := 0; i < len(s); i++ {
		var ar rune
		switch r := s[i]; {
		case r < surr1, surr3 <= r:
			// normal rune
			ar = rune(r)
		case surr1 <= r && r < surr2 && i+1 < len(s) &&
			surr2 <= s[i+1] && s[i+1] < surr3:
			// valid surrogate sequence
			ar = DecodeRune(rune(r), rune(s[i+1]))
			i++
		default:
			// invalid surrogate sequence
			ar = replacementChar
		}
		buf = append(buf, ar)
	}
	return buf
}
