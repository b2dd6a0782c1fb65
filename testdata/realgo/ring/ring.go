// Code copied from Go 1.26.8 src/container/ring/ring.go
// (BSD-3-Clause, the Go Authors; see testdata/realgo/README.md). Only //vsynth: contract lines
// were added; the declarations are verbatim, without their doc comments.

package ring

type Ring struct {
	next, prev *Ring
	Value      any // for use by client; untouched by this library
}

//vsynth:requires r != nil
//vsynth:ensures result == r && r.next == r && r.prev == r
func (r *Ring) init() *Ring { // want "proved"
	r.next = r
	r.prev = r
	return r
}

//vsynth:requires r != nil
//vsynth:ensures result != nil
func (r *Ring) Next() *Ring { // want "proved"
	if r.next == nil {
		return r.init()
	}
	return r.next
}

//vsynth:requires r != nil
//vsynth:ensures result != nil
func (r *Ring) Prev() *Ring { // want "unknown"
	if r.next == nil {
		return r.init()
	}
	return r.prev
}

//vsynth:requires r != nil
//vsynth:ensures result != nil
func (r *Ring) Move(n int) *Ring { // want "failed"
	if r.next == nil {
		return r.init()
	}
	switch {
	case n < 0:
		for ; n < 0; n++ {
			r = r.prev
		}
	case n > 0:
		for ; n > 0; n-- {
			r = r.next
		}
	}
	return r
}

//vsynth:ensures n <= 0 ==> result == nil
//vsynth:ensures n > 0 ==> result != nil
func New(n int) *Ring { // want "unknown"
	if n <= 0 {
		return nil
	}
	r := new(Ring)
	p := r
	for i := 1; i < n; i++ {
		p.next = &Ring{prev: p}
		p = p.next
	}
	p.next = r
	r.prev = p
	return r
}

//vsynth:requires r != nil && s != nil
//vsynth:ensures result != nil
func (r *Ring) Link(s *Ring) *Ring { // want "unknown"
	n := r.Next()
	if s != nil {
		p := s.Prev()
		// Note: Cannot use multiple assignment because
		// evaluation order of LHS is not specified.
		r.next = s
		s.prev = r
		n.prev = p
		p.next = n
	}
	return n
}

//vsynth:requires r != nil
//vsynth:ensures n <= 0 ==> result == nil
func (r *Ring) Unlink(n int) *Ring { // want "unknown"
	if n <= 0 {
		return nil
	}
	return r.Link(r.Move(n + 1))
}

//vsynth:ensures r == nil ==> result == 0
//vsynth:ensures result >= 0
func (r *Ring) Len() int { // want "unknown"
	n := 0
	if r != nil {
		n = 1
		for p := r.Next(); p != r; p = p.next {
			n++
		}
	}
	return n
}

//vsynth:ensures true
func (r *Ring) Do(f func(any)) { // want "unsupported"
	if r != nil {
		f(r.Value)
		for p := r.Next(); p != r; p = p.next {
			f(p.Value)
		}
	}
}
