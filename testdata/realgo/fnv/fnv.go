// Code copied from Go 1.26.8 src/hash/fnv/fnv.go
// (BSD-3-Clause, the Go Authors; see testdata/realgo/README.md). Only //vsynth: contract lines
// were added; the declarations are verbatim, without their doc comments.

package fnv

import (
	"math/bits"
)

type (
	sum32   uint32
	sum32a  uint32
	sum64   uint64
	sum64a  uint64
	sum128  [2]uint64
	sum128a [2]uint64
)

const (
	offset32        = 2166136261
	offset64        = 14695981039346656037
	offset128Lower  = 0x62b821756295c58d
	offset128Higher = 0x6c62272e07bb0142
	prime32         = 16777619
	prime64         = 1099511628211
	prime128Lower   = 0x13b
	prime128Shift   = 24
)

//vsynth:requires s != nil
//vsynth:ensures *s == offset32
func (s *sum32) Reset() { *s = offset32 } // want "proved"

//vsynth:requires s != nil
//vsynth:ensures *s == offset32
func (s *sum32a) Reset() { *s = offset32 } // want "proved"

//vsynth:requires s != nil
//vsynth:ensures *s == offset64
func (s *sum64) Reset() { *s = offset64 } // want "proved"

//vsynth:requires s != nil
//vsynth:ensures *s == offset64
func (s *sum64a) Reset() { *s = offset64 } // want "proved"

//vsynth:requires s != nil
//vsynth:ensures s[0] == offset128Higher && s[1] == offset128Lower
func (s *sum128) Reset() { s[0] = offset128Higher; s[1] = offset128Lower } // want "proved"

//vsynth:requires s != nil
//vsynth:ensures s[0] == offset128Higher && s[1] == offset128Lower
func (s *sum128a) Reset() { s[0] = offset128Higher; s[1] = offset128Lower } // want "proved"

//vsynth:requires s != nil
//vsynth:ensures result == uint32(*s)
func (s *sum32) Sum32() uint32 { return uint32(*s) } // want "proved"

//vsynth:requires s != nil
//vsynth:ensures result == uint32(*s)
func (s *sum32a) Sum32() uint32 { return uint32(*s) } // want "proved"

//vsynth:requires s != nil
//vsynth:ensures result == uint64(*s)
func (s *sum64) Sum64() uint64 { return uint64(*s) } // want "proved"

//vsynth:requires s != nil
//vsynth:ensures result == uint64(*s)
func (s *sum64a) Sum64() uint64 { return uint64(*s) } // want "proved"

//vsynth:requires s != nil
//vsynth:ensures result0 == len(data) && result1 == nil
//vsynth:ensures len(data) == 0 ==> *s == old(*s)
func (s *sum32) Write(data []byte) (int, error) { // want "unknown"
	hash := *s
	for _, c := range data {
		hash *= prime32
		hash ^= sum32(c)
	}
	*s = hash
	return len(data), nil
}

//vsynth:requires s != nil
//vsynth:ensures result0 == len(data) && result1 == nil
//vsynth:ensures len(data) == 1 ==> *s == (old(*s) ^ sum32a(data[0])) * prime32
func (s *sum32a) Write(data []byte) (int, error) { // want "unknown"
	hash := *s
	for _, c := range data {
		hash ^= sum32a(c)
		hash *= prime32
	}
	*s = hash
	return len(data), nil
}

//vsynth:requires s != nil
//vsynth:ensures result0 == len(data) && result1 == nil
func (s *sum64) Write(data []byte) (int, error) { // want "unknown"
	hash := *s
	for _, c := range data {
		hash *= prime64
		hash ^= sum64(c)
	}
	*s = hash
	return len(data), nil
}

//vsynth:requires s != nil
//vsynth:ensures result0 == len(data) && result1 == nil
func (s *sum64a) Write(data []byte) (int, error) { // want "unknown"
	hash := *s
	for _, c := range data {
		hash ^= sum64a(c)
		hash *= prime64
	}
	*s = hash
	return len(data), nil
}

//vsynth:requires s != nil
//vsynth:ensures result0 == len(data) && result1 == nil
func (s *sum128) Write(data []byte) (int, error) { // want "unknown"
	for _, c := range data {
		// Compute the multiplication
		s0, s1 := bits.Mul64(prime128Lower, s[1])
		s0 += s[1]<<prime128Shift + prime128Lower*s[0]
		// Update the values
		s[1] = s1
		s[0] = s0
		s[1] ^= uint64(c)
	}
	return len(data), nil
}

//vsynth:requires s != nil
//vsynth:ensures result0 == len(data) && result1 == nil
func (s *sum128a) Write(data []byte) (int, error) { // want "unknown"
	for _, c := range data {
		s[1] ^= uint64(c)
		// Compute the multiplication
		s0, s1 := bits.Mul64(prime128Lower, s[1])
		s0 += s[1]<<prime128Shift + prime128Lower*s[0]
		// Update the values
		s[1] = s1
		s[0] = s0
	}
	return len(data), nil
}

//vsynth:ensures result == 4
func (s *sum32) Size() int { return 4 } // want "proved"

//vsynth:ensures result == 16
func (s *sum128) Size() int { return 16 } // want "proved"

//vsynth:ensures result == 1
func (s *sum64a) BlockSize() int { return 1 } // want "proved"
