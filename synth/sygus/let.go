package sygus

import "github.com/vsynth/vsynth/synth"

// let reads (let ((x t)...) body): the bindings are read in the
// enclosing scope (a parallel let), and body with them in scope.
func (ps *parser) let(s *Sexp, scope map[string]*synth.Term) (*synth.Term, error) {
	if len(s.List) != 3 || !s.List[1].IsList() || len(s.List[1].List) == 0 {
		return nil, ps.errorf(s, "let takes a list of bindings and a body")
	}
	bound := map[string]*synth.Term{}
	for _, b := range s.List[1].List {
		if !b.IsList() || len(b.List) != 2 || b.List[0].Kind != Symbol {
			return nil, ps.errorf(b, "expected (name term)")
		}
		if _, dup := bound[b.List[0].Atom]; dup {
			return nil, ps.errorf(b, "%s bound twice in one let", b.List[0].Atom)
		}
		t, err := ps.term(b.List[1], scope)
		if err != nil {
			return nil, err
		}
		bound[b.List[0].Atom] = t
	}
	ps.lets = append(ps.lets, bound)
	defer func() { ps.lets = ps.lets[:len(ps.lets)-1] }()
	return ps.term(s.List[2], scope)
}

// letBound finds a let-bound name, innermost binding first.
func (ps *parser) letBound(name string) (*synth.Term, bool) {
	for i := len(ps.lets) - 1; i >= 0; i-- {
		if t, ok := ps.lets[i][name]; ok {
			return t, true
		}
	}
	return nil, false
}

// expand reads a define-fun body with its parameters bound: the lets
// around the call are not in scope there.
func (ps *parser) expand(body *Sexp, scope map[string]*synth.Term) (*synth.Term, error) {
	saved := ps.lets
	ps.lets = nil
	defer func() { ps.lets = saved }()
	return ps.term(body, scope)
}
