package ifacemem

// Interface method calls in clauses (ssa/ifaces_spec_call.go).

// Limit is implemented by *Cfg only (a pointer method that checks nil).
type Limit interface{ Max() int }

// Cfg configures a limit.
type Cfg struct{ M int }

func (c *Cfg) Max() int {
	if c == nil {
		return 0
	}
	return c.M
}

// Below returns an index below the limit.
//
//vsynth:requires l != nil && 0 <= i && i < l.Max()
//vsynth:ensures 0 <= result && result < l.Max()
func Below(l Limit, i int) int { // want "proved"
	return i
}

// BelowBad does not require i below the limit.
//
//vsynth:requires l != nil && 0 <= i
//vsynth:ensures result < l.Max() // want "ensures: failed"
func BelowBad(l Limit, i int) int { // want "failed"
	return i
}

// Sized is implemented by Buf and *Buf: Size through a nil *Buf panics.
type Sized interface{ Size() int }

// Buf is a byte buffer.
type Buf []byte

func (b Buf) Size() int { return len(b) }

// Last's requires is not defined for a nil *Buf in s, whose Size
// panics.
//
//vsynth:requires s != nil && s.Size() > 0 // want "well-defined: failed"
func Last(s Sized) int { // want "failed"
	return 0
}

// Nexter is implemented by *Ctr, whose method writes the counter.
type Nexter interface{ Next() int }

// Ctr counts.
type Ctr struct{ n int }

func (c *Ctr) Next() int {
	c.n++
	return c.n
}

// Positive calls a method that writes memory in its requires: not a
// clause.
//
//vsynth:requires n != nil && n.Next() > 0 // want "unsupported: call to Next in a clause"
func Positive(n Nexter) bool { // want "unsupported"
	return true
}
