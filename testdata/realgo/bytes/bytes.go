// Code copied from Go 1.26.8 src/bytes/{buffer.go,bytes.go}
// (BSD-3-Clause, the Go Authors; see testdata/realgo/README.md). Only //vsynth: contract lines
// were added; the declarations are verbatim, without their doc comments.

package bytes

import (
	"errors"
	"io"
)

const smallBufferSize = 64

type Buffer struct {
	buf      []byte // contents are the bytes buf[off : len(buf)]
	off      int    // read at &buf[off], write at &buf[len(buf)]
	lastRead readOp // last read operation, so that Unread* can work correctly.

	// Copying and modifying a non-zero Buffer is prone to error,
	// but we cannot employ the noCopy trick used by WaitGroup and Mutex,
	// which causes vet's copylocks checker to report misuse, as vet
	// cannot reliably distinguish the zero and non-zero cases.
	// See #26462, #25907, #47276, #48398 for history.
}

type readOp int8

const (
	opRead      readOp = -1 // Any other read operation.
	opInvalid   readOp = 0  // Non-read operation.
	opReadRune1 readOp = 1  // Read rune of size 1.
	opReadRune2 readOp = 2  // Read rune of size 2.
	opReadRune3 readOp = 3  // Read rune of size 3.
	opReadRune4 readOp = 4  // Read rune of size 4.
)

var ErrTooLarge = errors.New("bytes.Buffer: too large")

var errNegativeRead = errors.New("bytes.Buffer: reader returned negative count from Read")

const maxInt = int(^uint(0) >> 1)

var errUnreadByte = errors.New("bytes.Buffer: UnreadByte: previous operation was not a successful read")

//vsynth:requires b != nil && 0 <= b.off && b.off <= len(b.buf)
//vsynth:ensures len(result) == len(b.buf) - b.off
func (b *Buffer) Bytes() []byte { return b.buf[b.off:] } // want "proved"

//vsynth:requires b != nil
//vsynth:ensures len(result) == 0
func (b *Buffer) AvailableBuffer() []byte { return b.buf[len(b.buf):] } // want "proved"

//vsynth:requires b == nil || (0 <= b.off && b.off <= len(b.buf))
//vsynth:ensures b == nil ==> result == "<nil>"
//vsynth:ensures b != nil ==> len(result) == len(b.buf) - b.off
func (b *Buffer) String() string { // want "proved"
	if b == nil {
		// Special case, useful in debugging.
		return "<nil>"
	}
	return string(b.buf[b.off:])
}

//vsynth:requires b != nil
//vsynth:ensures result == (len(b.buf) <= b.off)
func (b *Buffer) empty() bool { return len(b.buf) <= b.off } // want "proved"

//vsynth:requires b != nil
//vsynth:ensures result == len(b.buf) - b.off
func (b *Buffer) Len() int { return len(b.buf) - b.off } // want "proved"

//vsynth:requires b != nil
//vsynth:ensures result == cap(b.buf)
func (b *Buffer) Cap() int { return cap(b.buf) } // want "proved"

//vsynth:requires b != nil
//vsynth:ensures result >= 0
func (b *Buffer) Available() int { return cap(b.buf) - len(b.buf) } // want "proved"

//vsynth:requires b != nil && 0 <= b.off && b.off <= len(b.buf)
//vsynth:requires 0 <= n && n <= len(b.buf) - b.off
//vsynth:ensures len(b.buf) - b.off == n
func (b *Buffer) Truncate(n int) { // want "proved"
	if n == 0 {
		b.Reset()
		return
	}
	b.lastRead = opInvalid
	if n < 0 || n > b.Len() {
		panic("bytes.Buffer: truncation out of range")
	}
	b.buf = b.buf[:b.off+n]
}

//vsynth:requires b != nil
//vsynth:ensures len(b.buf) == 0 && b.off == 0
func (b *Buffer) Reset() { // want "proved"
	b.buf = b.buf[:0]
	b.off = 0
	b.lastRead = opInvalid
}

//vsynth:requires b != nil && n >= 0
//vsynth:ensures result1 ==> len(b.buf) == old(len(b.buf)) + n
func (b *Buffer) tryGrowByReslice(n int) (int, bool) { // want "proved"
	if l := len(b.buf); n <= cap(b.buf)-l {
		b.buf = b.buf[:l+n]
		return l, true
	}
	return 0, false
}

//vsynth:requires b != nil && 0 <= b.off && b.off <= len(b.buf) && n >= 0
//vsynth:ensures len(result) <= n
//vsynth:ensures 0 <= b.off && b.off <= len(b.buf)
func (b *Buffer) Next(n int) []byte { // want "proved"
	b.lastRead = opInvalid
	m := b.Len()
	if n > m {
		n = m
	}
	data := b.buf[b.off : b.off+n]
	b.off += n
	if n > 0 {
		b.lastRead = opRead
	}
	return data
}

//vsynth:requires b != nil && 0 <= b.off && b.off <= len(b.buf)
//vsynth:ensures result1 == nil ==> b.off == old(b.off) + 1
func (b *Buffer) ReadByte() (byte, error) { // want "unknown"
	if b.empty() {
		// Buffer is empty, reset to recover space.
		b.Reset()
		return 0, io.EOF
	}
	c := b.buf[b.off]
	b.off++
	b.lastRead = opRead
	return c, nil
}

//vsynth:requires b != nil && 0 <= b.off
//vsynth:ensures b.off >= 0
func (b *Buffer) UnreadByte() error { // want "proved"
	if b.lastRead == opInvalid {
		return errUnreadByte
	}
	b.lastRead = opInvalid
	if b.off > 0 {
		b.off--
	}
	return nil
}

//vsynth:requires b != nil && 0 <= b.off && b.off <= len(b.buf) && len(b.buf) < 1<<40
//vsynth:ensures result == nil
func (b *Buffer) WriteByte(c byte) error { // want "unknown"
	b.lastRead = opInvalid
	m, ok := b.tryGrowByReslice(1)
	if !ok {
		m = b.grow(1)
	}
	b.buf[m] = c
	return nil
}

//vsynth:requires b != nil && 0 <= b.off && b.off <= len(b.buf) && n >= 0 && n < 1<<40 && len(b.buf) < 1<<40
//vsynth:ensures result >= 0
func (b *Buffer) grow(n int) int { // want "unknown"
	m := b.Len()
	// If buffer is empty, reset to recover space.
	if m == 0 && b.off != 0 {
		b.Reset()
	}
	// Try to grow by means of a reslice.
	if i, ok := b.tryGrowByReslice(n); ok {
		return i
	}
	if b.buf == nil && n <= smallBufferSize {
		b.buf = make([]byte, n, smallBufferSize)
		return 0
	}
	c := cap(b.buf)
	if n <= c/2-m {
		// We can slide things down instead of allocating a new
		// slice. We only need m+n <= c to slide, but
		// we instead let capacity get twice as large so we
		// don't spend all our time copying.
		copy(b.buf, b.buf[b.off:])
	} else if c > maxInt-c-n {
		panic(ErrTooLarge)
	} else {
		// Add b.off to account for b.buf[:b.off] being sliced off the front.
		b.buf = growSlice(b.buf[b.off:], b.off+n)
	}
	// Restore b.off and len(b.buf).
	b.off = 0
	b.buf = b.buf[:m+n]
	return m
}

//vsynth:requires n >= 0 && n < 1<<40 && len(b) < 1<<40
//vsynth:ensures len(result) == len(b)
func growSlice(b []byte, n int) []byte { // want "unknown"
	defer func() {
		if recover() != nil {
			panic(ErrTooLarge)
		}
	}()
	// TODO(http://golang.org/issue/51462): We should rely on the append-make
	// pattern so that the compiler can call runtime.growslice. For example:
	//	return append(b, make([]byte, n)...)
	// This avoids unnecessary zero-ing of the first len(b) bytes of the
	// allocated slice, but this pattern causes b to escape onto the heap.
	//
	// Instead use the append-make pattern with a nil slice to ensure that
	// we allocate buffers rounded up to the closest size class.
	c := len(b) + n // ensure enough space for n elements
	if c < 2*cap(b) {
		// The growth rate has historically always been 2x. In the future,
		// we could rely purely on append to determine the growth rate.
		c = 2 * cap(b)
	}
	b2 := append([]byte(nil), make([]byte, c)...)
	i := copy(b2, b)
	return b2[:i]
}

//vsynth:ensures result != nil && result.off == 0
func NewBuffer(buf []byte) *Buffer { return &Buffer{buf: buf} } // want "proved"

//vsynth:ensures result != nil && len(result.buf) == len(s)
func NewBufferString(s string) *Buffer { // want "proved"
	return &Buffer{buf: []byte(s)}
}

//vsynth:ensures result == (len(a) == len(b) && forall i int :: 0 <= i && i < len(a) ==> a[i] == b[i])
func Equal(a, b []byte) bool { // want "unknown"
	// Neither cmd/compile nor gccgo allocates for these string conversions.
	return string(a) == string(b)
}

//vsynth:ensures result ==> len(s) >= len(prefix)
func HasPrefix(s, prefix []byte) bool { // want "unknown"
	return len(s) >= len(prefix) && Equal(s[:len(prefix)], prefix)
}

//vsynth:ensures result ==> len(s) >= len(suffix)
func HasSuffix(s, suffix []byte) bool { // want "unknown"
	return len(s) >= len(suffix) && Equal(s[len(s)-len(suffix):], suffix)
}

//vsynth:ensures len(result) <= len(s)
func TrimPrefix(s, prefix []byte) []byte { // want "unknown"
	if HasPrefix(s, prefix) {
		return s[len(prefix):]
	}
	return s
}

//vsynth:ensures len(result) <= len(s)
func TrimSuffix(s, suffix []byte) []byte { // want "unknown"
	if HasSuffix(s, suffix) {
		return s[:len(s)-len(suffix)]
	}
	return s
}

//vsynth:ensures b == nil ==> result == nil
//vsynth:ensures len(result) == len(b)
func Clone(b []byte) []byte { // want "unknown"
	if b == nil {
		return nil
	}
	return append([]byte{}, b...)
}

//vsynth:ensures found ==> len(after) == len(s) - len(prefix)
func CutPrefix(s, prefix []byte) (after []byte, found bool) { // want "unknown"
	if !HasPrefix(s, prefix) {
		return s, false
	}
	return s[len(prefix):], true
}
