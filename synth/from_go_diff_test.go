package synth

import (
	"math/rand"
	"os"
	"path/filepath"
	"testing"
)

// fromGoCases are Go functions given both as source for TermFromGo and
// compiled here: their terms must compute what Go computes.
var fromGoCases = []struct {
	src string
	fn  func(x, y int32) int32
}{
	{`func F(x, y int32) int32 {
	if x < y {
		return y
	} else if x > y {
		return x - y
	}
	return 3
}`, func(x, y int32) int32 {
		if x < y {
			return y
		} else if x > y {
			return x - y
		}
		return 3
	}},
	{`func F(x, y int32) int32 {
	r := x
	if y > 0 {
		r += y
	}
	if r < 0 {
		r = -r
	}
	{
		r := r * 2
		_ = r
	}
	return r ^ 1
}`, func(x, y int32) int32 {
		r := x
		if y > 0 {
			r += y
		}
		if r < 0 {
			r = -r
		}
		{
			r := r * 2
			_ = r
		}
		return r ^ 1
	}},
	{`func F(x, y int32) int32 {
	var t int32
	if x&1 == 0 && y != 0 || x == -1 {
		t = x >> 31
	} else {
		t = ^y &^ x
	}
	return t + (x << 3) - int32(y)
}`, func(x, y int32) int32 {
		var t int32
		if x&1 == 0 && y != 0 || x == -1 {
			t = x >> 31
		} else {
			t = ^y &^ x
		}
		return t + (x << 3) - int32(y)
	}},
	{`func F(x, y int32) int32 {
	a, b := y, x
	a, b = b, a
	if !(a <= b) {
		return a
	}
	return b * -1
}`, func(x, y int32) int32 {
		a, b := y, x
		a, b = b, a
		if !(a <= b) {
			return a
		}
		return b * -1
	}},
}

// TestTermFromGoSemantics compares each case's term with the compiled
// function on edge and random inputs.
func TestTermFromGoSemantics(t *testing.T) {
	dir := t.TempDir()
	spec := "package p\n\nsynth func F(x, y int32) int32\n\tops + - * & | ^ &^ << >> neg com < <= == != if && || not\n\tconsts -1 0 1 2 3 31\n\tensures true\n"
	name := filepath.Join(dir, "p.vspec")
	if err := os.WriteFile(name, []byte(spec), 0o644); err != nil {
		t.Fatal(err)
	}
	p := loadVspec(t, name)[0].Problem
	rng := rand.New(rand.NewSource(1))
	edges := []int32{0, 1, -1, 2, 31, 32, -2147483648, 2147483647}
	for i, c := range fromGoCases {
		term, _, err := TermFromGo(c.src, p)
		if err != nil {
			t.Errorf("case %d: %v", i, err)
			continue
		}
		check := func(x, y int32) {
			want := c.fn(x, y)
			got, ok := EvalTerm(term, []uint64{uint64(uint32(x)), uint64(uint32(y))})
			if !ok || int32(uint32(got)) != want {
				t.Errorf("case %d at x = %d, y = %d: term %s gives %d (ok %v), Go %d", i, x, y, term, int32(uint32(got)), ok, want)
			}
		}
		for _, x := range edges {
			for _, y := range edges {
				check(x, y)
			}
		}
		for range 1000 {
			check(int32(rng.Uint32()), int32(rng.Uint32()))
		}
	}
}
