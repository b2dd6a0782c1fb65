// Code copied from Go 1.26.8 src/hash/crc32/{crc32.go,crc32_generic.go}
// (BSD-3-Clause, the Go Authors; see testdata/realgo/README.md). Only //vsynth: contract lines
// were added; the declarations are verbatim, without their doc comments.

package crc32

const Size = 4

const (
	// IEEE is by far and away the most common CRC-32 polynomial.
	// Used by ethernet (IEEE 802.3), v.42, fddi, gzip, zip, png, ...
	IEEE = 0xedb88320

	// Castagnoli's polynomial, used in iSCSI.
	// Has better error detection characteristics than IEEE.
	// https://dx.doi.org/10.1109/26.231911
	Castagnoli = 0x82f63b78

	// Koopman's polynomial.
	// Also has better error detection characteristics than IEEE.
	// https://dx.doi.org/10.1109/DSN.2002.1028931
	Koopman = 0xeb31d82e
)

type Table [256]uint32

type digest struct {
	crc uint32
	tab *Table
}

//vsynth:ensures result == Size
func (d *digest) Size() int { return Size } // want "proved"

//vsynth:ensures result == 1
func (d *digest) BlockSize() int { return 1 } // want "proved"

//vsynth:requires d != nil
//vsynth:ensures d.crc == 0
func (d *digest) Reset() { d.crc = 0 } // want "proved"

//vsynth:requires d != nil
//vsynth:ensures result == d.crc
func (d *digest) Sum32() uint32 { return d.crc } // want "proved"

//vsynth:ensures result != nil
//vsynth:ensures result[0] == 0
func simpleMakeTable(poly uint32) *Table { // want "unknown"
	t := new(Table)
	simplePopulateTable(poly, t)
	return t
}

//vsynth:requires t != nil
//vsynth:ensures t[0] == 0
//vsynth:ensures t[128] == poly
func simplePopulateTable(poly uint32, t *Table) { // want "unknown"
	for i := 0; i < 256; i++ {
		crc := uint32(i)
		for j := 0; j < 8; j++ {
			if crc&1 == 1 {
				crc = (crc >> 1) ^ poly
			} else {
				crc >>= 1
			}
		}
		t[i] = crc
	}
}

//vsynth:requires tab != nil
//vsynth:ensures len(p) == 0 ==> result == crc
func simpleUpdate(crc uint32, tab *Table, p []byte) uint32 { // want "unknown"
	crc = ^crc
	for _, v := range p {
		crc = tab[byte(crc)^v] ^ (crc >> 8)
	}
	return ^crc
}

const slicing8Cutoff = 16

type slicing8Table [8]Table

//vsynth:ensures result != nil
func slicingMakeTable(poly uint32) *slicing8Table { // want "unsupported"
	t := new(slicing8Table)
	simplePopulateTable(poly, &t[0])
	for i := 0; i < 256; i++ {
		crc := t[0][i]
		for j := 1; j < 8; j++ {
			crc = t[0][crc&0xFF] ^ (crc >> 8)
			t[j][i] = crc
		}
	}
	return t
}
