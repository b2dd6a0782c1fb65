// Code copied from Go 1.26.8 src/encoding/binary/{binary.go,varint.go}
// (BSD-3-Clause, the Go Authors; see testdata/realgo/README.md). Only //vsynth: contract lines
// were added; the declarations are verbatim, without their doc comments.

package binary

import (
	"errors"
	"io"
	"slices"
)

var errBufferTooSmall = errors.New("buffer too small")

type ByteOrder interface {
	Uint16([]byte) uint16
	Uint32([]byte) uint32
	Uint64([]byte) uint64
	PutUint16([]byte, uint16)
	PutUint32([]byte, uint32)
	PutUint64([]byte, uint64)
	String() string
}

type AppendByteOrder interface {
	AppendUint16([]byte, uint16) []byte
	AppendUint32([]byte, uint32) []byte
	AppendUint64([]byte, uint64) []byte
	String() string
}

var LittleEndian littleEndian

var BigEndian bigEndian

type littleEndian struct{}

//vsynth:requires len(b) >= 2
//vsynth:ensures result == uint16(b[0]) | uint16(b[1])<<8
func (littleEndian) Uint16(b []byte) uint16 { // want "proved"
	_ = b[1] // bounds check hint to compiler; see golang.org/issue/14808
	return uint16(b[0]) | uint16(b[1])<<8
}

//vsynth:requires len(b) >= 2
//vsynth:ensures b[0] == byte(v) && b[1] == byte(v>>8)
func (littleEndian) PutUint16(b []byte, v uint16) { // want "proved"
	_ = b[1] // early bounds check to guarantee safety of writes below
	b[0] = byte(v)
	b[1] = byte(v >> 8)
}

//vsynth:requires len(b) < 1<<40
//vsynth:ensures len(result) == len(b)+2
//vsynth:ensures result[len(b)] == byte(v) && result[len(b)+1] == byte(v>>8)
func (littleEndian) AppendUint16(b []byte, v uint16) []byte { // want "proved"
	return append(b,
		byte(v),
		byte(v>>8),
	)
}

//vsynth:requires len(b) >= 4
//vsynth:ensures result == uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16 | uint32(b[3])<<24
func (littleEndian) Uint32(b []byte) uint32 { // want "proved"
	_ = b[3] // bounds check hint to compiler; see golang.org/issue/14808
	return uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16 | uint32(b[3])<<24
}

//vsynth:requires len(b) >= 4
//vsynth:ensures b[0] == byte(v) && b[3] == byte(v>>24)
func (littleEndian) PutUint32(b []byte, v uint32) { // want "proved"
	_ = b[3] // early bounds check to guarantee safety of writes below
	b[0] = byte(v)
	b[1] = byte(v >> 8)
	b[2] = byte(v >> 16)
	b[3] = byte(v >> 24)
}

//vsynth:requires len(b) < 1<<40
//vsynth:ensures len(result) == len(b)+4
func (littleEndian) AppendUint32(b []byte, v uint32) []byte { // want "proved"
	return append(b,
		byte(v),
		byte(v>>8),
		byte(v>>16),
		byte(v>>24),
	)
}

//vsynth:requires len(b) >= 8
//vsynth:ensures byte(result) == b[0] && byte(result>>56) == b[7]
func (littleEndian) Uint64(b []byte) uint64 { // want "proved"
	_ = b[7] // bounds check hint to compiler; see golang.org/issue/14808
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

//vsynth:requires len(b) >= 8
//vsynth:ensures b[0] == byte(v) && b[7] == byte(v>>56)
func (littleEndian) PutUint64(b []byte, v uint64) { // want "proved"
	_ = b[7] // early bounds check to guarantee safety of writes below
	b[0] = byte(v)
	b[1] = byte(v >> 8)
	b[2] = byte(v >> 16)
	b[3] = byte(v >> 24)
	b[4] = byte(v >> 32)
	b[5] = byte(v >> 40)
	b[6] = byte(v >> 48)
	b[7] = byte(v >> 56)
}

//vsynth:requires len(b) < 1<<40
//vsynth:ensures len(result) == len(b)+8
func (littleEndian) AppendUint64(b []byte, v uint64) []byte { // want "proved"
	return append(b,
		byte(v),
		byte(v>>8),
		byte(v>>16),
		byte(v>>24),
		byte(v>>32),
		byte(v>>40),
		byte(v>>48),
		byte(v>>56),
	)
}

//vsynth:ensures result == "LittleEndian"
func (littleEndian) String() string { return "LittleEndian" } // want "proved"

//vsynth:ensures len(result) == 19
func (littleEndian) GoString() string { return "binary.LittleEndian" } // want "proved"

type bigEndian struct{}

//vsynth:requires len(b) >= 2
//vsynth:ensures result == uint16(b[1]) | uint16(b[0])<<8
func (bigEndian) Uint16(b []byte) uint16 { // want "proved"
	_ = b[1] // bounds check hint to compiler; see golang.org/issue/14808
	return uint16(b[1]) | uint16(b[0])<<8
}

//vsynth:requires len(b) >= 2
//vsynth:ensures b[1] == byte(v) && b[0] == byte(v>>8)
func (bigEndian) PutUint16(b []byte, v uint16) { // want "proved"
	_ = b[1] // early bounds check to guarantee safety of writes below
	b[0] = byte(v >> 8)
	b[1] = byte(v)
}

//vsynth:requires len(b) < 1<<40
//vsynth:ensures len(result) == len(b)+2
func (bigEndian) AppendUint16(b []byte, v uint16) []byte { // want "proved"
	return append(b,
		byte(v>>8),
		byte(v),
	)
}

//vsynth:requires len(b) >= 4
//vsynth:ensures result == uint32(b[3]) | uint32(b[2])<<8 | uint32(b[1])<<16 | uint32(b[0])<<24
func (bigEndian) Uint32(b []byte) uint32 { // want "proved"
	_ = b[3] // bounds check hint to compiler; see golang.org/issue/14808
	return uint32(b[3]) | uint32(b[2])<<8 | uint32(b[1])<<16 | uint32(b[0])<<24
}

//vsynth:requires len(b) >= 4
//vsynth:ensures b[3] == byte(v) && b[0] == byte(v>>24)
func (bigEndian) PutUint32(b []byte, v uint32) { // want "proved"
	_ = b[3] // early bounds check to guarantee safety of writes below
	b[0] = byte(v >> 24)
	b[1] = byte(v >> 16)
	b[2] = byte(v >> 8)
	b[3] = byte(v)
}

//vsynth:requires len(b) < 1<<40
//vsynth:ensures len(result) == len(b)+4
func (bigEndian) AppendUint32(b []byte, v uint32) []byte { // want "proved"
	return append(b,
		byte(v>>24),
		byte(v>>16),
		byte(v>>8),
		byte(v),
	)
}

//vsynth:requires len(b) >= 8
//vsynth:ensures byte(result) == b[7] && byte(result>>56) == b[0]
func (bigEndian) Uint64(b []byte) uint64 { // want "proved"
	_ = b[7] // bounds check hint to compiler; see golang.org/issue/14808
	return uint64(b[7]) | uint64(b[6])<<8 | uint64(b[5])<<16 | uint64(b[4])<<24 |
		uint64(b[3])<<32 | uint64(b[2])<<40 | uint64(b[1])<<48 | uint64(b[0])<<56
}

//vsynth:requires len(b) >= 8
//vsynth:ensures b[7] == byte(v) && b[0] == byte(v>>56)
func (bigEndian) PutUint64(b []byte, v uint64) { // want "proved"
	_ = b[7] // early bounds check to guarantee safety of writes below
	b[0] = byte(v >> 56)
	b[1] = byte(v >> 48)
	b[2] = byte(v >> 40)
	b[3] = byte(v >> 32)
	b[4] = byte(v >> 24)
	b[5] = byte(v >> 16)
	b[6] = byte(v >> 8)
	b[7] = byte(v)
}

//vsynth:requires len(b) < 1<<40
//vsynth:ensures len(result) == len(b)+8
func (bigEndian) AppendUint64(b []byte, v uint64) []byte { // want "proved"
	return append(b,
		byte(v>>56),
		byte(v>>48),
		byte(v>>40),
		byte(v>>32),
		byte(v>>24),
		byte(v>>16),
		byte(v>>8),
		byte(v),
	)
}

//vsynth:ensures result == "BigEndian"
func (bigEndian) String() string { return "BigEndian" } // want "proved"

type coder struct {
	order  ByteOrder
	buf    []byte
	offset int
}

type decoder coder

type encoder coder

//vsynth:requires d != nil && d.offset >= 0 && d.offset < len(d.buf)
//vsynth:ensures d.offset == old(d.offset) + 1
func (d *decoder) bool() bool { // want "proved"
	x := d.buf[d.offset]
	d.offset++
	return x != 0
}

//vsynth:requires e != nil && e.offset >= 0 && e.offset < len(e.buf)
//vsynth:ensures e.offset == old(e.offset) + 1
func (e *encoder) bool(x bool) { // want "proved"
	if x {
		e.buf[e.offset] = 1
	} else {
		e.buf[e.offset] = 0
	}
	e.offset++
}

//vsynth:requires d != nil && d.offset >= 0 && d.offset < len(d.buf)
//vsynth:ensures d.offset == old(d.offset) + 1
func (d *decoder) uint8() uint8 { // want "proved"
	x := d.buf[d.offset]
	d.offset++
	return x
}

//vsynth:requires e != nil && e.offset >= 0 && e.offset < len(e.buf)
//vsynth:ensures e.buf[old(e.offset)] == x
func (e *encoder) uint8(x uint8) { // want "proved"
	e.buf[e.offset] = x
	e.offset++
}

//vsynth:requires d != nil && d.order != nil && d.offset >= 0 && d.offset <= len(d.buf)-2
//vsynth:ensures d.offset == old(d.offset) + 2
func (d *decoder) uint16() uint16 { // want "failed"
	x := d.order.Uint16(d.buf[d.offset : d.offset+2])
	d.offset += 2
	return x
}

//vsynth:requires d != nil && d.offset >= 0 && d.offset < len(d.buf)
//vsynth:ensures d.offset == old(d.offset) + 1
func (d *decoder) int8() int8 { return int8(d.uint8()) } // want "proved"

//vsynth:requires n >= 0 && len(buf) < 1<<40 && n < 1<<40
//vsynth:ensures len(pos) == n
func ensure(buf []byte, n int) (buf2, pos []byte) { // want "proved"
	l := len(buf)
	buf = slices.Grow(buf, n)[:l+n]
	return buf, buf[l:]
}

const (
	MaxVarintLen16 = 3
	MaxVarintLen32 = 5
	MaxVarintLen64 = 10
)

//vsynth:requires len(buf) < 1<<40
//vsynth:ensures len(buf) < len(result) && len(result) <= len(buf) + MaxVarintLen64
func AppendUvarint(buf []byte, x uint64) []byte { // want "proved"
	for x >= 0x80 {
		buf = append(buf, byte(x)|0x80)
		x >>= 7
	}
	return append(buf, byte(x))
}

//vsynth:requires len(buf) >= MaxVarintLen64
//vsynth:ensures 1 <= result && result <= MaxVarintLen64
func PutUvarint(buf []byte, x uint64) int { // want "proved"
	i := 0
	for x >= 0x80 {
		buf[i] = byte(x) | 0x80
		x >>= 7
		i++
	}
	buf[i] = byte(x)
	return i + 1
}

//vsynth:ensures -MaxVarintLen64-1 <= result1 && result1 <= len(buf)
//vsynth:ensures result1 <= MaxVarintLen64
func Uvarint(buf []byte) (uint64, int) { // want "proved"
	var x uint64
	var s uint
	for i, b := range buf {
		if i == MaxVarintLen64 {
			// Catch byte reads past MaxVarintLen64.
			// See issue https://golang.org/issues/41185
			return 0, -(i + 1) // overflow
		}
		if b < 0x80 {
			if i == MaxVarintLen64-1 && b > 1 {
				return 0, -(i + 1) // overflow
			}
			return x | uint64(b)<<s, i + 1
		}
		x |= uint64(b&0x7f) << s
		s += 7
	}
	return 0, 0
}

//vsynth:requires len(buf) < 1<<40
//vsynth:ensures len(buf) < len(result) && len(result) <= len(buf) + MaxVarintLen64
func AppendVarint(buf []byte, x int64) []byte { // want "proved"
	ux := uint64(x) << 1
	if x < 0 {
		ux = ^ux
	}
	return AppendUvarint(buf, ux)
}

//vsynth:requires len(buf) >= MaxVarintLen64
//vsynth:ensures 1 <= result && result <= MaxVarintLen64
func PutVarint(buf []byte, x int64) int { // want "proved"
	ux := uint64(x) << 1
	if x < 0 {
		ux = ^ux
	}
	return PutUvarint(buf, ux)
}

//vsynth:ensures result1 <= len(buf)
func Varint(buf []byte) (int64, int) { // want "proved"
	ux, n := Uvarint(buf) // ok to continue in presence of error
	x := int64(ux >> 1)
	if ux&1 != 0 {
		x = ^x
	}
	return x, n
}

var errOverflow = errors.New("binary: varint overflows a 64-bit integer")

//vsynth:ensures true
func ReadUvarint(r io.ByteReader) (uint64, error) { // want "unknown"
	var x uint64
	var s uint
	for i := 0; i < MaxVarintLen64; i++ {
		b, err := r.ReadByte()
		if err != nil {
			if i > 0 && err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return x, err
		}
		if b < 0x80 {
			if i == MaxVarintLen64-1 && b > 1 {
				return x, errOverflow
			}
			return x | uint64(b)<<s, nil
		}
		x |= uint64(b&0x7f) << s
		s += 7
	}
	return x, errOverflow
}

//vsynth:ensures true
func ReadVarint(r io.ByteReader) (int64, error) { // want "unknown"
	ux, err := ReadUvarint(r) // ok to continue in presence of error
	x := int64(ux >> 1)
	if ux&1 != 0 {
		x = ^x
	}
	return x, err
}
