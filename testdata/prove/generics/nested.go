package generics

// A generic function called from another generic body: go/ssa makes an
// instance of FirstIs at AnyFirst's own type parameter (FirstIs[T]),
// which no program runs; only FirstIs[int], the instance UseFirst
// reaches, is a target (a parameterized instance used to be reported
// unsupported: "parameter s of type []T").

//vsynth:ensures result == (len(s) > 0 && s[0] == v)
func FirstIs[T comparable](s []T, v T) bool { // want "proved"
	return len(s) > 0 && s[0] == v
}

// AnyFirst has no contract: its body calls FirstIs at its own T.
func AnyFirst[T comparable](s []T, v T) bool {
	return FirstIs(s, v)
}

// UseFirst instantiates AnyFirst, hence FirstIs, at int.
func UseFirst(s []int, v int) bool {
	return AnyFirst(s, v)
}
