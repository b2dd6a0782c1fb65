package rules

import (
	"fmt"
	"hash/fnv"
	"math/rand"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
)

// This file is the self-contained measurement of equivalence reduction:
// a plain bottom-up enumerator over x, y, 0, 1, -1 and + - * & | ^ << >>
// neg com at int32 that skips every term the rule set reduces, and a
// search for target functions by testing (the enumerative half of CEGIS).
// vsynth synth's enumerator is not in this package; see docs/rules.md.

type enumStats struct {
	kept, visited, classes int
	found                  *Expr
}

var measureOps = []string{"+", "-", "*", "&", "|", "^", "<<", ">>"}

// enumerateCount enumerates every term up to maxSize, keeping those the
// engine cannot reduce, and counts the distinct behaviours of the kept
// terms on fixed inputs.
func enumerateCount(e *Engine, maxSize int) enumStats {
	return enumerate(e, maxSize, nil)
}

// enumerate enumerates terms by size, skipping reducible ones; when
// target is set it stops at the first term that agrees with it on the
// inputs.
func enumerate(e *Engine, maxSize int, target func(x, y int64) (int64, bool)) enumStats {
	rng := rand.New(rand.NewSource(7))
	var inputs []Env
	for _, v := range []int64{0, 1, -1, 2, 7, -8, 1 << 30, -1 << 31, 31, 32} {
		for _, w := range []int64{0, 1, -1, 3, -5, 31, 1 << 31} {
			inputs = append(inputs, Env{"x": e.t.norm(v), "y": e.t.norm(w)})
		}
	}
	for range 32 {
		inputs = append(inputs, Env{"x": e.t.norm(int64(rng.Uint64())), "y": e.t.norm(int64(rng.Uint64()))})
	}
	var st enumStats
	classes := map[uint64]bool{}
	bySize := map[int][]*Expr{}
	for size := 1; size <= maxSize; size++ {
		var cands []*Expr
		if size == 1 {
			cands = []*Expr{NewVar("x"), NewVar("y"), NewLit(0), NewLit(1), NewLit(-1)}
		} else {
			for _, a := range bySize[size-1] {
				cands = append(cands, NewUnary("-", a), NewUnary("^", a))
			}
			for _, op := range measureOps {
				for ls := 1; ls < size-1; ls++ {
					for _, a := range bySize[ls] {
						for _, b := range bySize[size-1-ls] {
							cands = append(cands, NewBinary(op, a, b))
						}
					}
				}
			}
		}
		for _, c := range cands {
			st.visited++
			if e.Reducible(c) != nil {
				continue
			}
			st.kept++
			bySize[size] = append(bySize[size], c)
			h := fnv.New64a()
			match := target != nil
			for _, env := range inputs {
				v, err := Eval(c, e.t, env)
				fmt.Fprint(h, v, err != nil, ";")
				if match {
					want, ok := target(env["x"], env["y"])
					match = err == nil && ok && v == want
				}
			}
			classes[h.Sum64()] = true
			if match {
				st.found = c
				st.classes = len(classes)
				return st
			}
		}
	}
	st.classes = len(classes)
	return st
}

// measureTargets are small bit-twiddling functions in the style of the
// Hacker's Delight benchmarks, as Go on int32 values.
var measureTargets = []struct {
	name string
	f    func(x, y int32) int32
}{
	{"turn-off-rightmost-1", func(x, y int32) int32 { return x & (x - 1) }},
	{"isolate-rightmost-1", func(x, y int32) int32 { return x & -x }},
	{"right-propagate-rightmost-1", func(x, y int32) int32 { return x | (x - 1) }},
	{"mask-trailing-0s", func(x, y int32) int32 { return ^x & (x - 1) }},
	{"isolate-rightmost-0", func(x, y int32) int32 { return ^x & (x + 1) }},
	{"turn-off-trailing-1s-and", func(x, y int32) int32 { return (x & (x + 1)) & y }},
	{"average-floor", func(x, y int32) int32 { return (x & y) + ((x ^ y) >> 1) }},
	{"xor-via-or-and", func(x, y int32) int32 { return (x | y) - (x & y) }},
	{"sign-of-diff", func(x, y int32) int32 { return (x - y) >> 31 }},
	{"abs-parts", func(x, y int32) int32 { return (x ^ (x >> 31)) - (x >> 31) }},
}

// TestMeasureReduction enumerates until each target is found with no
// rules, the seed rules, and seed plus learned rules (the shipped set),
// plus the rules of the file VSYNTH_EXTRA_RULES if set, and writes the
// table to the file VSYNTH_MEASURE if set. Times are the median of three
// runs. It checks that reduction never loses a target the unreduced
// search finds.
func TestMeasureReduction(t *testing.T) {
	all, err := Shipped()
	if err != nil {
		t.Fatal(err)
	}
	var seed []*Rule
	for _, r := range all {
		if strings.HasPrefix(r.File, "synth/rules/sets/seed") {
			seed = append(seed, r)
		}
	}
	configs := []struct {
		name  string
		rules []*Rule
	}{{"none", nil}, {"seed", seed}, {"seed+learned", all}}
	if f := os.Getenv("VSYNTH_EXTRA_RULES"); f != "" {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		extra, err := Parse(f, src)
		if err != nil {
			t.Fatal(err)
		}
		configs = append(configs, struct {
			name  string
			rules []*Rule
		}{"seed+learned+" + filepath.Base(f), append(append([]*Rule(nil), all...), extra...)})
	}
	i32, _ := TypeNamed("int32")
	// The default run is a quick check that reduction loses nothing;
	// VSYNTH_LONG=1 gives the figures of docs/rules.md.
	maxSize, repeats := 5, 1
	if os.Getenv("VSYNTH_LONG") != "" {
		maxSize, repeats = 6, 3
	}
	var table strings.Builder
	table.WriteString("| target | size |")
	for _, c := range configs {
		fmt.Fprintf(&table, " visited: %s | time |", c.name)
	}
	table.WriteString(" seed / seed+learned |\n|---|---|")
	for range configs {
		table.WriteString("---|---|")
	}
	table.WriteString("---|\n")
	for _, tc := range measureTargets {
		target := func(x, y int64) (int64, bool) { return int64(tc.f(int32(x), int32(y))), true }
		var rows []enumStats
		var times []time.Duration
		for _, c := range configs {
			eng := NewEngine(c.rules, i32)
			var runs []time.Duration
			var st enumStats
			for range repeats {
				start := time.Now()
				st = enumerate(eng, maxSize, target)
				runs = append(runs, time.Since(start))
			}
			sort.Slice(runs, func(i, j int) bool { return runs[i] < runs[j] })
			rows = append(rows, st)
			times = append(times, runs[len(runs)/2])
		}
		if rows[0].found == nil {
			t.Logf("%s: not found up to size %d", tc.name, maxSize)
			continue
		}
		fmt.Fprintf(&table, "| %s | %d |", tc.name, rows[0].found.Size())
		for i, st := range rows {
			if st.found == nil {
				t.Errorf("%s: found without rules (%s) but lost with %s", tc.name, rows[0].found, configs[i].name)
				continue
			}
			fmt.Fprintf(&table, " %d | %v |", st.visited, times[i].Round(100*time.Microsecond))
		}
		fmt.Fprintf(&table, " %.2f× |\n", float64(rows[1].visited)/float64(rows[2].visited))
	}
	t.Logf("\n%s", table.String())
	if f := os.Getenv("VSYNTH_MEASURE"); f != "" {
		if err := os.WriteFile(f, []byte(table.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
