// Code copied from github.com/cespare/xxhash/v2 v2.3.0 {xxhash.go,xxhash_other.go,xxhash_safe.go}
// (MIT, Caleb Spare; see testdata/realgo/README.md). Only //vsynth: contract lines
// were added; the declarations are verbatim, without their doc comments.

package xxhash

import (
	"encoding/binary"
	"math/bits"
)

const (
	prime1 uint64 = 11400714785074694791
	prime2 uint64 = 14029467366897019727
	prime3 uint64 = 1609587929392839161
	prime4 uint64 = 9650029242287828579
	prime5 uint64 = 2870177450012600261
)

var primes = [...]uint64{prime1, prime2, prime3, prime4, prime5}

type Digest struct {
	v1    uint64
	v2    uint64
	v3    uint64
	v4    uint64
	total uint64
	mem   [32]byte
	n     int // how much of mem is used
}

//vsynth:ensures result != nil && result.n == 0 && result.total == 0
func New() *Digest { // want "proved"
	return NewWithSeed(0)
}

//vsynth:ensures result != nil && result.n == 0 && result.total == 0
func NewWithSeed(seed uint64) *Digest { // want "proved"
	var d Digest
	d.ResetWithSeed(seed)
	return &d
}

//vsynth:requires d != nil
//vsynth:ensures d.n == 0 && d.total == 0
func (d *Digest) Reset() { // want "proved"
	d.ResetWithSeed(0)
}

//vsynth:requires d != nil
//vsynth:ensures d.n == 0 && d.total == 0 && d.v1 == seed + prime1 + prime2
func (d *Digest) ResetWithSeed(seed uint64) { // want "proved"
	d.v1 = seed + prime1 + prime2
	d.v2 = seed + prime2
	d.v3 = seed
	d.v4 = seed - prime1
	d.total = 0
	d.n = 0
}

//vsynth:ensures result == 8
func (d *Digest) Size() int { return 8 } // want "proved"

//vsynth:ensures result == 32
func (d *Digest) BlockSize() int { return 32 } // want "proved"

//vsynth:requires d != nil && 0 <= d.n && d.n < 32
//vsynth:ensures n == len(b) && err == nil
//vsynth:ensures 0 <= d.n && d.n < 32
func (d *Digest) Write(b []byte) (n int, err error) { // want "unknown"
	n = len(b)
	d.total += uint64(n)

	memleft := d.mem[d.n&(len(d.mem)-1):]

	if d.n+n < 32 {
		// This new data doesn't even fill the current block.
		copy(memleft, b)
		d.n += n
		return
	}

	if d.n > 0 {
		// Finish off the partial block.
		c := copy(memleft, b)
		d.v1 = round(d.v1, u64(d.mem[0:8]))
		d.v2 = round(d.v2, u64(d.mem[8:16]))
		d.v3 = round(d.v3, u64(d.mem[16:24]))
		d.v4 = round(d.v4, u64(d.mem[24:32]))
		b = b[c:]
		d.n = 0
	}

	if len(b) >= 32 {
		// One or more full blocks left.
		nw := writeBlocks(d, b)
		b = b[nw:]
	}

	// Store any remaining partial block.
	copy(d.mem[:], b)
	d.n = len(b)

	return
}

//vsynth:requires d != nil && 0 <= d.n && d.n < 32 && len(b) < 1<<40
//vsynth:ensures len(result) == len(b) + 8
func (d *Digest) Sum(b []byte) []byte { // want "unknown"
	s := d.Sum64()
	return append(
		b,
		byte(s>>56),
		byte(s>>48),
		byte(s>>40),
		byte(s>>32),
		byte(s>>24),
		byte(s>>16),
		byte(s>>8),
		byte(s),
	)
}

//vsynth:requires d != nil && 0 <= d.n && d.n < 32
//vsynth:ensures true
func (d *Digest) Sum64() uint64 { // want "unknown"
	var h uint64

	if d.total >= 32 {
		v1, v2, v3, v4 := d.v1, d.v2, d.v3, d.v4
		h = rol1(v1) + rol7(v2) + rol12(v3) + rol18(v4)
		h = mergeRound(h, v1)
		h = mergeRound(h, v2)
		h = mergeRound(h, v3)
		h = mergeRound(h, v4)
	} else {
		h = d.v3 + prime5
	}

	h += d.total

	b := d.mem[:d.n&(len(d.mem)-1)]
	for ; len(b) >= 8; b = b[8:] {
		k1 := round(0, u64(b[:8]))
		h ^= k1
		h = rol27(h)*prime1 + prime4
	}
	if len(b) >= 4 {
		h ^= uint64(u32(b[:4])) * prime1
		h = rol23(h)*prime2 + prime3
		b = b[4:]
	}
	for ; len(b) > 0; b = b[1:] {
		h ^= uint64(b[0]) * prime5
		h = rol11(h) * prime1
	}

	h ^= h >> 33
	h *= prime2
	h ^= h >> 29
	h *= prime3
	h ^= h >> 32

	return h
}

const (
	magic         = "xxh\x06"
	marshaledSize = len(magic) + 8*5 + 32
)

//vsynth:requires len(b) < 1<<40
//vsynth:ensures len(result) == len(b) + 8
func appendUint64(b []byte, x uint64) []byte { // want "unsupported"
	var a [8]byte
	binary.LittleEndian.PutUint64(a[:], x)
	return append(b, a[:]...)
}

//vsynth:requires len(b) >= 8
//vsynth:ensures len(result0) == len(b) - 8
func consumeUint64(b []byte) ([]byte, uint64) { // want "unknown"
	x := u64(b)
	return b[8:], x
}

//vsynth:requires len(b) >= 8
//vsynth:ensures byte(result) == b[0] && byte(result>>56) == b[7]
func u64(b []byte) uint64 { return binary.LittleEndian.Uint64(b) } // want "unsupported"

//vsynth:requires len(b) >= 4
//vsynth:ensures byte(result) == b[0] && byte(result>>24) == b[3]
func u32(b []byte) uint32 { return binary.LittleEndian.Uint32(b) } // want "unsupported"

//vsynth:ensures result == bits.RotateLeft64(acc + input*prime2, 31) * prime1
func round(acc, input uint64) uint64 { // want "proved"
	acc += input * prime2
	acc = rol31(acc)
	acc *= prime1
	return acc
}

//vsynth:ensures true
func mergeRound(acc, val uint64) uint64 { // want "proved"
	val = round(0, val)
	acc ^= val
	acc = acc*prime1 + prime4
	return acc
}

//vsynth:ensures result == bits.RotateLeft64(x, 1)
func rol1(x uint64) uint64 { return bits.RotateLeft64(x, 1) } // want "proved"

//vsynth:ensures result == bits.RotateLeft64(x, 7)
func rol7(x uint64) uint64 { return bits.RotateLeft64(x, 7) } // want "proved"

//vsynth:ensures result == x<<11 | x>>53
func rol11(x uint64) uint64 { return bits.RotateLeft64(x, 11) } // want "proved"

//vsynth:ensures result == x<<12 | x>>52
func rol12(x uint64) uint64 { return bits.RotateLeft64(x, 12) } // want "proved"

//vsynth:ensures result == x<<18 | x>>46
func rol18(x uint64) uint64 { return bits.RotateLeft64(x, 18) } // want "proved"

//vsynth:ensures result == x<<23 | x>>41
func rol23(x uint64) uint64 { return bits.RotateLeft64(x, 23) } // want "proved"

//vsynth:ensures result == x<<27 | x>>37
func rol27(x uint64) uint64 { return bits.RotateLeft64(x, 27) } // want "proved"

//vsynth:ensures result == x<<31 | x>>33
func rol31(x uint64) uint64 { return bits.RotateLeft64(x, 31) } // want "proved"

//vsynth:ensures true
func Sum64(b []byte) uint64 { // want "unknown"
	// A simpler version would be
	//   d := New()
	//   d.Write(b)
	//   return d.Sum64()
	// but this is faster, particularly for small inputs.

	n := len(b)
	var h uint64

	if n >= 32 {
		v1 := primes[0] + prime2
		v2 := prime2
		v3 := uint64(0)
		v4 := -primes[0]
		for len(b) >= 32 {
			v1 = round(v1, u64(b[0:8:len(b)]))
			v2 = round(v2, u64(b[8:16:len(b)]))
			v3 = round(v3, u64(b[16:24:len(b)]))
			v4 = round(v4, u64(b[24:32:len(b)]))
			b = b[32:len(b):len(b)]
		}
		h = rol1(v1) + rol7(v2) + rol12(v3) + rol18(v4)
		h = mergeRound(h, v1)
		h = mergeRound(h, v2)
		h = mergeRound(h, v3)
		h = mergeRound(h, v4)
	} else {
		h = prime5
	}

	h += uint64(n)

	for ; len(b) >= 8; b = b[8:] {
		k1 := round(0, u64(b[:8]))
		h ^= k1
		h = rol27(h)*prime1 + prime4
	}
	if len(b) >= 4 {
		h ^= uint64(u32(b[:4])) * prime1
		h = rol23(h)*prime2 + prime3
		b = b[4:]
	}
	for ; len(b) > 0; b = b[1:] {
		h ^= uint64(b[0]) * prime5
		h = rol11(h) * prime1
	}

	h ^= h >> 33
	h *= prime2
	h ^= h >> 29
	h *= prime3
	h ^= h >> 32

	return h
}

//vsynth:requires d != nil && len(b) >= 32
//vsynth:ensures 0 < result && result <= len(b) && result % 32 == 0
func writeBlocks(d *Digest, b []byte) int { // want "unknown"
	v1, v2, v3, v4 := d.v1, d.v2, d.v3, d.v4
	n := len(b)
	for len(b) >= 32 {
		v1 = round(v1, u64(b[0:8:len(b)]))
		v2 = round(v2, u64(b[8:16:len(b)]))
		v3 = round(v3, u64(b[16:24:len(b)]))
		v4 = round(v4, u64(b[24:32:len(b)]))
		b = b[32:len(b):len(b)]
	}
	d.v1, d.v2, d.v3, d.v4 = v1, v2, v3, v4
	return n - len(b)
}

//vsynth:ensures true
func Sum64String(s string) uint64 { // want "unknown"
	return Sum64([]byte(s))
}

//vsynth:requires d != nil && 0 <= d.n && d.n < 32
//vsynth:ensures n == len(s) && err == nil
func (d *Digest) WriteString(s string) (n int, err error) { // want "unknown"
	return d.Write([]byte(s))
}
