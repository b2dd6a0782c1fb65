// Code copied from Go 1.26.8 src/internal/stringslite/strings.go, src/strings/strings.go
// (BSD-3-Clause, the Go Authors; see testdata/realgo/README.md). Only //vsynth: contract lines
// were added; the declarations are verbatim, without their doc comments.

package strings

import (
	"unicode"
	"unicode/utf8"
)

//vsynth:ensures result == (len(s) >= len(prefix) && s[:len(prefix)] == prefix)
func HasPrefix(s, prefix string) bool { // want "proved"
	return len(s) >= len(prefix) && s[:len(prefix)] == prefix
}

//vsynth:ensures result == (len(s) >= len(suffix) && s[len(s)-len(suffix):] == suffix)
func HasSuffix(s, suffix string) bool { // want "proved"
	return len(s) >= len(suffix) && s[len(s)-len(suffix):] == suffix
}

//vsynth:ensures found ==> len(after) == len(s)-len(prefix)
//vsynth:ensures !found ==> after == s
func CutPrefix(s, prefix string) (after string, found bool) { // want "proved"
	if !HasPrefix(s, prefix) {
		return s, false
	}
	return s[len(prefix):], true
}

//vsynth:ensures found ==> len(before) == len(s)-len(suffix)
//vsynth:ensures !found ==> before == s
func CutSuffix(s, suffix string) (before string, found bool) { // want "proved"
	if !HasSuffix(s, suffix) {
		return s, false
	}
	return s[:len(s)-len(suffix)], true
}

//vsynth:ensures len(result) <= len(s)
//vsynth:ensures len(prefix) == 0 ==> result == s
func TrimPrefix(s, prefix string) string { // want "proved"
	if HasPrefix(s, prefix) {
		return s[len(prefix):]
	}
	return s
}

//vsynth:ensures len(result) <= len(s)
//vsynth:ensures result == s[:len(result)]
func TrimSuffix(s, suffix string) string { // want "proved"
	if HasSuffix(s, suffix) {
		return s[:len(s)-len(suffix)]
	}
	return s
}

var asciiSpace = [256]uint8{'\t': 1, '\n': 1, '\v': 1, '\f': 1, '\r': 1, ' ': 1}

type asciiSet [8]uint32

//vsynth:ensures len(chars) == 0 ==> ok
func makeASCIISet(chars string) (as asciiSet, ok bool) { // want "proved"
	for i := 0; i < len(chars); i++ {
		c := chars[i]
		if c >= utf8.RuneSelf {
			return as, false
		}
		as[c/32] |= 1 << (c % 32)
	}
	return as, true
}

//vsynth:requires as != nil && as[4] == 0 && as[5] == 0 && as[6] == 0 && as[7] == 0
//vsynth:ensures c >= 128 ==> !result
func (as *asciiSet) contains(c byte) bool { // want "proved"
	return (as[c/32] & (1 << (c % 32))) != 0
}

//vsynth:ensures len(result) <= len(s)
//vsynth:ensures len(result) > 0 ==> result[0] != c
func trimLeftByte(s string, c byte) string { // want "unknown"
	for len(s) > 0 && s[0] == c {
		s = s[1:]
	}
	return s
}

//vsynth:requires as != nil && as[4] == 0 && as[5] == 0 && as[6] == 0 && as[7] == 0
//vsynth:ensures len(result) <= len(s)
func trimLeftASCII(s string, as *asciiSet) string { // want "unknown"
	for len(s) > 0 {
		if !as.contains(s[0]) {
			break
		}
		s = s[1:]
	}
	return s
}

//vsynth:ensures len(result) <= len(s)
//vsynth:ensures len(result) > 0 ==> result[len(result)-1] != c
func trimRightByte(s string, c byte) string { // want "unknown"
	for len(s) > 0 && s[len(s)-1] == c {
		s = s[:len(s)-1]
	}
	return s
}

//vsynth:requires as != nil && as[4] == 0 && as[5] == 0 && as[6] == 0 && as[7] == 0
//vsynth:ensures len(result) <= len(s)
func trimRightASCII(s string, as *asciiSet) string { // want "unknown"
	for len(s) > 0 {
		if !as.contains(s[len(s)-1]) {
			break
		}
		s = s[:len(s)-1]
	}
	return s
}

//vsynth:ensures len(result) <= len(s)
func TrimSpace(s string) string { // want "unsupported"
	// Fast path for ASCII: look for the first ASCII non-space byte.
	for lo, c := range []byte(s) {
		if c >= utf8.RuneSelf {
			// If we run into a non-ASCII byte, fall back to the
			// slower unicode-aware method on the remaining bytes.
			return TrimFunc(s[lo:], unicode.IsSpace)
		}
		if asciiSpace[c] != 0 {
			continue
		}
		s = s[lo:]
		// Now look for the first ASCII non-space byte from the end.
		for hi := len(s) - 1; hi >= 0; hi-- {
			c := s[hi]
			if c >= utf8.RuneSelf {
				return TrimRightFunc(s[:hi+1], unicode.IsSpace)
			}
			if asciiSpace[c] == 0 {
				// At this point, s[:hi+1] starts and ends with ASCII
				// non-space bytes, so we're done. Non-ASCII cases have
				// already been handled above.
				return s[:hi+1]
			}
		}
	}
	return ""
}

//vsynth:ensures s == t ==> result
func EqualFold(s, t string) bool { // want "unsupported"
	// ASCII fast path
	i := 0
	for n := min(len(s), len(t)); i < n; i++ {
		sr := s[i]
		tr := t[i]
		if sr|tr >= utf8.RuneSelf {
			goto hasUnicode
		}

		// Easy case.
		if tr == sr {
			continue
		}

		// Make sr < tr to simplify what follows.
		if tr < sr {
			tr, sr = sr, tr
		}
		// ASCII only, sr/tr must be upper/lower case
		if 'A' <= sr && sr <= 'Z' && tr == sr+'a'-'A' {
			continue
		}
		return false
	}
	// Check if we've exhausted both strings.
	return len(s) == len(t)

hasUnicode:
	s = s[i:]
	t = t[i:]
	for _, sr := range s {
		// If t is exhausted the strings are not equal.
		if len(t) == 0 {
			return false
		}

		// Extract first rune from second string.
		tr, size := utf8.DecodeRuneInString(t)
		t = t[size:]

		// If they match, keep going; if not, return false.

		// Easy case.
		if tr == sr {
			continue
		}

		// Make sr < tr to simplify what follows.
		if tr < sr {
			tr, sr = sr, tr
		}
		// Fast check for ASCII.
		if tr < utf8.RuneSelf {
			// ASCII only, sr/tr must be upper/lower case
			if 'A' <= sr && sr <= 'Z' && tr == sr+'a'-'A' {
				continue
			}
			return false
		}

		// General case. SimpleFold(x) returns the next equivalent rune > x
		// or wraps around to smaller values.
		r := unicode.SimpleFold(sr)
		for r != sr && r < tr {
			r = unicode.SimpleFold(r)
		}
		if r == tr {
			continue
		}
		return false
	}

	// First string is empty, so check if the second one is also empty.
	return len(t) == 0
}

//vsynth:ensures r == ' ' ==> result
func isSeparator(r rune) bool { // want "proved"
	// ASCII alphanumerics and underscore are not separators
	if r <= 0x7F {
		switch {
		case '0' <= r && r <= '9':
			return false
		case 'a' <= r && r <= 'z':
			return false
		case 'A' <= r && r <= 'Z':
			return false
		case r == '_':
			return false
		}
		return true
	}
	// Letters and digits are not separators
	if unicode.IsLetter(r) || unicode.IsDigit(r) {
		return false
	}
	// Otherwise, all we can do for now is treat spaces as separators.
	return unicode.IsSpace(r)
}

//vsynth:ensures -1 <= result && result < len(s)
func IndexFunc(s string, f func(rune) bool) int { // want "unknown"
	return indexFunc(s, f, true)
}

//vsynth:ensures -1 <= result && result < len(s)
func indexFunc(s string, f func(rune) bool, truth bool) int { // want "failed"
	for i, r := range s {
		if f(r) == truth {
			return i
		}
	}
	return -1
}

//vsynth:ensures len(result) <= len(s)
func TrimFunc(s string, f func(rune) bool) string { // want "unknown"
	return TrimRightFunc(TrimLeftFunc(s, f), f)
}

//vsynth:ensures len(result) <= len(s)
func TrimLeftFunc(s string, f func(rune) bool) string { // want "unknown"
	i := indexFunc(s, f, false)
	if i == -1 {
		return ""
	}
	return s[i:]
}

//vsynth:ensures len(result) <= len(s)
func TrimRightFunc(s string, f func(rune) bool) string { // want "unknown"
	i := lastIndexFunc(s, f, false)
	if i >= 0 {
		_, wid := utf8.DecodeRuneInString(s[i:])
		i += wid
	} else {
		i++
	}
	return s[0:i]
}

//vsynth:ensures -1 <= result && result < len(s)
func lastIndexFunc(s string, f func(rune) bool, truth bool) int { // want "unsupported"
	for i := len(s); i > 0; {
		r, size := utf8.DecodeLastRuneInString(s[0:i])
		i -= size
		if f(r) == truth {
			return i
		}
	}
	return -1
}
