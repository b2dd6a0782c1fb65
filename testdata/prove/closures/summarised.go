package closures

func set5(m map[int]int) { m[0] = 5 }
func set6(m map[int]int) { m[0] = 6 }

// LoopFuncMap calls one of two closures that write a map inside a loop
// with an invariant: what a function value may write is not
// summarised (the map's regions are per width, so "every region" cannot
// be named), so it is unsupported, never proved (Go returns 6 for c).
//
//vsynth:requires n == 1 && m != nil
//vsynth:ensures result == 1
func LoopFuncMap(m map[int]int, n int, c bool) int { // want "unsupported"
	f := set5
	if c {
		f = set6
	}
	m[0] = 1
	//vsynth:invariant 0 <= i && i <= n
	for i := 0; i < n; i++ {
		f(m) // want "unsupported: call of a function value inside a loop with invariants"
	}
	return m[0]
}
