// Code copied from Go 1.26.8 src/encoding/hex/hex.go
// (BSD-3-Clause, the Go Authors; see testdata/realgo/README.md). Only //vsynth: contract lines
// were added; the declarations are verbatim, without their doc comments.

package hex

import (
	"errors"
	"fmt"
	"slices"
)

const (
	hextable        = "0123456789abcdef"
	reverseHexTable = "" +
		"\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff" +
		"\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff" +
		"\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff" +
		"\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\xff\xff\xff\xff\xff\xff" +
		"\xff\x0a\x0b\x0c\x0d\x0e\x0f\xff\xff\xff\xff\xff\xff\xff\xff\xff" +
		"\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff" +
		"\xff\x0a\x0b\x0c\x0d\x0e\x0f\xff\xff\xff\xff\xff\xff\xff\xff\xff" +
		"\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff" +
		"\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff" +
		"\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff" +
		"\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff" +
		"\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff" +
		"\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff" +
		"\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff" +
		"\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff" +
		"\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff"
)

var ErrLength = errors.New("encoding/hex: odd length hex string")

//vsynth:requires 0 <= n && n < 1<<62
//vsynth:ensures result == 2*n
func EncodedLen(n int) int { return n * 2 } // want "proved"

//vsynth:requires len(dst) >= 2*len(src)
//vsynth:ensures result == 2*len(src)
//vsynth:ensures forall k int :: 0 <= k && k < len(src) ==> dst[2*k] == hextable[src[k]>>4]
func Encode(dst, src []byte) int { // want "unknown"
	j := 0
	for _, v := range src {
		dst[j] = hextable[v>>4]
		dst[j+1] = hextable[v&0x0f]
		j += 2
	}
	return len(src) * 2
}

//vsynth:requires len(dst) < 1<<40 && len(src) < 1<<40
//vsynth:ensures len(result) == len(dst) + 2*len(src)
func AppendEncode(dst, src []byte) []byte { // want "unknown"
	n := EncodedLen(len(src))
	dst = slices.Grow(dst, n)
	Encode(dst[len(dst):][:n], src)
	return dst[:len(dst)+n]
}

type InvalidByteError byte

//vsynth:ensures len(result) > 0
func (e InvalidByteError) Error() string { // want "unsupported"
	return fmt.Sprintf("encoding/hex: invalid byte: %#U", rune(e))
}

//vsynth:ensures result == x / 2
func DecodedLen(x int) int { return x / 2 } // want "proved"

//vsynth:requires len(dst) >= len(src)/2
//vsynth:ensures 0 <= result0 && result0 <= len(src)/2
func Decode(dst, src []byte) (int, error) { // want "unknown"
	i, j := 0, 1
	for ; j < len(src); j += 2 {
		p := src[j-1]
		q := src[j]

		a := reverseHexTable[p]
		b := reverseHexTable[q]
		if a > 0x0f {
			return i, InvalidByteError(p)
		}
		if b > 0x0f {
			return i, InvalidByteError(q)
		}
		dst[i] = (a << 4) | b
		i++
	}
	if len(src)%2 == 1 {
		// Check for invalid char before reporting bad length,
		// since the invalid char (if present) is an earlier problem.
		if reverseHexTable[src[j-1]] > 0x0f {
			return i, InvalidByteError(src[j-1])
		}
		return i, ErrLength
	}
	return i, nil
}

//vsynth:requires len(dst) < 1<<40 && len(src) < 1<<40
//vsynth:ensures len(result0) <= len(dst) + len(src)/2
func AppendDecode(dst, src []byte) ([]byte, error) { // want "unknown"
	n := DecodedLen(len(src))
	dst = slices.Grow(dst, n)
	n, err := Decode(dst[len(dst):][:n], src)
	return dst[:len(dst)+n], err
}

//vsynth:requires len(src) < 1<<40
//vsynth:ensures len(result) == 2*len(src)
func EncodeToString(src []byte) string { // want "unknown"
	dst := make([]byte, EncodedLen(len(src)))
	Encode(dst, src)
	return string(dst)
}

//vsynth:requires len(s) < 1<<40
//vsynth:ensures len(result0) <= len(s)/2
func DecodeString(s string) ([]byte, error) { // want "unknown"
	dst := make([]byte, DecodedLen(len(s)))
	n, err := Decode(dst, []byte(s))
	return dst[:n], err
}

//vsynth:ensures 32 <= result && result <= 126
func toChar(b byte) byte { // want "proved"
	if b < 32 || b > 126 {
		return '.'
	}
	return b
}
