package mutationtest

// quantifierHelpers evaluate, in the mutation driver (mutation_driver_test.go), a spec's quantifiers in Go (the spec parser
// writes forall k T :: E as __vsynth_forall(func(k T) bool { return E }))
// over -zzvQuantRange..zzvQuantRange, converted to T, which the file that
// includes them defines. Bounded, the evaluation is exact for quantifiers
// over the indices of shorter slices — every quantifier of this project's
// contracts and invariants, whose guards are 0 <= k && k < len(a) or
// narrower, on the slices of the driver and of counterexamples.
const quantifierHelpers = `func __vsynth_forall[T zzvInteger](body func(T) bool) bool {
	for i := -zzvQuantRange; i <= zzvQuantRange; i++ {
		if !body(T(i)) {
			return false
		}
	}
	return true
}
func __vsynth_exists[T zzvInteger](body func(T) bool) bool {
	for i := -zzvQuantRange; i <= zzvQuantRange; i++ {
		if body(T(i)) {
			return true
		}
	}
	return false
}

func __vsynth_range_entry[T any](x T, check func(int)) T {
	// A range over an integer reaches its head only when it runs at
	// least once (go/ssa rotates the loop); one over a sequence always.
	v := reflect.ValueOf(x)
	if v.CanInt() && v.Int() <= 0 || v.CanUint() && v.Uint() == 0 {
		return x
	}
	check(0)
	return x
}

type zzvInteger interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr
}
`
