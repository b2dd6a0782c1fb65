package smt

import "fmt"

// Array terms: SMT-LIB's theory ArraysEx over bit-vector indices.

// Select is the element of array a at index i.
//
// Reads through stores fold when the indices are decided syntactically:
// Select(Store(a, i, v), j) is v when i and j are the same term or equal
// constants, and Select(a, j) when they are distinct constants.
func Select(a, i *Term) *Term {
	if !a.sort.IsArray() || a.sort.Index() != i.sort {
		panic(fmt.Sprintf("smt: select: array of sort %s at index of sort %s", a.sort, i.sort))
	}
	for a.op == OpStore {
		same, known := sameIndex(a.args[1], i)
		if !known {
			break
		}
		if same {
			return a.args[2]
		}
		a = a.args[0]
	}
	if a.op == OpConstArray {
		return a.args[0]
	}
	return &Term{op: OpSelect, sort: a.sort.Elem(), args: []*Term{a, i}}
}

// Store is array a with index i mapped to v.
//
// Store(Store(a, i, u), j, v) folds to Store(a, j, v) when i and j are the
// same term or equal constants, and Store(a, i, Select(a, i)) folds to a.
func Store(a, i, v *Term) *Term {
	if !a.sort.IsArray() || a.sort.Index() != i.sort || a.sort.Elem() != v.sort {
		panic(fmt.Sprintf("smt: store: array of sort %s, index of sort %s, value of sort %s", a.sort, i.sort, v.sort))
	}
	if v.op == OpSelect && v.args[0] == a {
		if same, known := sameIndex(v.args[1], i); known && same {
			return a
		}
	}
	if a.op == OpStore {
		if same, known := sameIndex(a.args[1], i); known && same {
			a = a.args[0]
		}
	}
	return &Term{op: OpStore, sort: a.sort, args: []*Term{a, i, v}}
}

// sameIndex decides syntactically whether two bit-vector terms are equal:
// known reports whether it could (the same term, or two constants).
func sameIndex(i, j *Term) (same, known bool) {
	if i == j {
		return true, true
	}
	if i.IsConst() && j.IsConst() {
		return i.value.Cmp(j.value) == 0, true
	}
	return false, false
}

// ConstArray is the array of sort s that maps every index to v.
func ConstArray(s Sort, v *Term) *Term {
	if !s.IsArray() || s.Elem() != v.sort {
		panic(fmt.Sprintf("smt: constant array of sort %s with element of sort %s", s, v.sort))
	}
	return &Term{op: OpConstArray, sort: s, args: []*Term{v}}
}

// Lambda is the array that maps every index x (a variable built by Var)
// to body, as SMT-LIB's (lambda ((x S)) body). Reads of a lambda are not
// folded: a lambda that reads another at two indices would multiply
// with each level of nesting, where the solver expands reads only on
// demand; EliminateArrays expands them by beta reduction (a bounded
// number of times). Substitution does not rename binders, so x's name
// must be fresh: it must not occur free in any term substituted into
// body later (the lowering draws it from its counter of fresh names).
func Lambda(x, body *Term) *Term {
	if x.op != OpVar || body.sort.IsArray() {
		panic(fmt.Sprintf("smt: lambda binding %s to a body of sort %s", x, body.sort))
	}
	return &Term{op: OpLambda, sort: ArraySort(x.sort, body.sort), args: []*Term{body}, bound: []*Term{x}}
}

// HasLambda reports whether t contains a lambda.
func HasLambda(t *Term) bool {
	seen := map[*Term]bool{}
	var walk func(t *Term) bool
	walk = func(t *Term) bool {
		if seen[t] {
			return false
		}
		seen[t] = true
		if t.op == OpLambda {
			return true
		}
		for _, a := range t.args {
			if walk(a) {
				return true
			}
		}
		return false
	}
	return walk(t)
}
