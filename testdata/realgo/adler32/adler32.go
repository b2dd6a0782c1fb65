// Code copied from Go 1.26.8 src/hash/adler32/adler32.go
// (BSD-3-Clause, the Go Authors; see testdata/realgo/README.md). Only //vsynth: contract lines
// were added; the declarations are verbatim, without their doc comments.

package adler32

const (
	// mod is the largest prime that is less than 65536.
	mod = 65521
	// nmax is the largest n such that
	// 255 * n * (n+1) / 2 + (n+1) * (mod-1) <= 2^32-1.
	// It is mentioned in RFC 1950 (search for "5552").
	nmax = 5552
)

const Size = 4

type digest uint32

//vsynth:requires d != nil
//vsynth:ensures *d == 1
func (d *digest) Reset() { *d = 1 } // want "proved"

//vsynth:ensures result == 4
func (d *digest) Size() int { return Size } // want "proved"

//vsynth:ensures result == 4
func (d *digest) BlockSize() int { return 4 } // want "proved"

//vsynth:requires d&0xffff < mod && d>>16 < mod
//vsynth:ensures result&0xffff < mod && result>>16 < mod
func update(d digest, p []byte) digest { // want "unknown"
	s1, s2 := uint32(d&0xffff), uint32(d>>16)
	for len(p) > 0 {
		var q []byte
		if len(p) > nmax {
			p, q = p[:nmax], p[nmax:]
		}
		for len(p) >= 4 {
			s1 += uint32(p[0])
			s2 += s1
			s1 += uint32(p[1])
			s2 += s1
			s1 += uint32(p[2])
			s2 += s1
			s1 += uint32(p[3])
			s2 += s1
			p = p[4:]
		}
		for _, x := range p {
			s1 += uint32(x)
			s2 += s1
		}
		s1 %= mod
		s2 %= mod
		p = q
	}
	return digest(s2<<16 | s1)
}

//vsynth:requires d != nil && *d&0xffff < mod && *d>>16 < mod
//vsynth:ensures nn == len(p) && err == nil
func (d *digest) Write(p []byte) (nn int, err error) { // want "unknown"
	*d = update(*d, p)
	return len(p), nil
}

//vsynth:requires d != nil
//vsynth:ensures result == uint32(*d)
func (d *digest) Sum32() uint32 { return uint32(*d) } // want "proved"

//vsynth:requires d != nil && len(in) < 1<<40
//vsynth:ensures len(result) == len(in)+4
//vsynth:ensures result[len(in)+3] == byte(*d)
func (d *digest) Sum(in []byte) []byte { // want "proved"
	s := uint32(*d)
	return append(in, byte(s>>24), byte(s>>16), byte(s>>8), byte(s))
}

//vsynth:ensures result&0xffff < mod && result>>16 < mod
func Checksum(data []byte) uint32 { return uint32(update(1, data)) } // want "unknown"
