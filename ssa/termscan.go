package ssa

import "github.com/vsynth/vsynth/smt"

// termScan answers a question about terms that holds of a term when it
// holds of the term itself or of one of its subterms (a variable occurs,
// a quantifier occurs), remembering the answer for every subterm: the
// obligations of a function share their assumptions and path conditions,
// so asking each of them costs the size of the function's DAG once, not
// once per obligation.
type termScan struct {
	at   func(*smt.Term) bool // the question, for the root of a term
	memo map[*smt.Term]bool
}

func newTermScan(at func(*smt.Term) bool) *termScan {
	return &termScan{at: at, memo: map[*smt.Term]bool{}}
}

// in reports whether the question holds of t or of a subterm of t. The
// occurrences under binders count: a variable bound by a quantifier
// counts as one of the name occurring.
func (s *termScan) in(t *smt.Term) bool {
	if r, ok := s.memo[t]; ok {
		return r
	}
	r := s.at(t)
	for _, a := range t.Args() {
		if r {
			break
		}
		r = s.in(a)
	}
	s.memo[t] = r
	return r
}
