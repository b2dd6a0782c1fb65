package sygus

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/vsynth/vsynth/synth"
)

// TestCensus measures, for SyGuS benchmarks, how far any rule set could
// still cut the candidates of the search vsynth bench runs (see
// synth.Census). By default it checks the census on a small search:
// every candidate counted, nothing skipped that is not evaluated. With
// VSYNTH_CENSUS="FILE:SIZE:IMPROVE ..." (files under $VSYNTH_SYGUS_DIR,
// SIZE the --max-size, IMPROVE the --improve duration) it measures those
// benchmarks (docs/rules.md).
func TestCensus(t *testing.T) {
	spec := os.Getenv("VSYNTH_CENSUS")
	if spec == "" {
		spec = "hd/hd-19-d0-prog.sl:3:60s"
	}
	for _, f := range strings.Fields(spec) {
		parts := strings.Split(f, ":")
		if len(parts) != 3 {
			t.Fatalf("VSYNTH_CENSUS entry %q: want FILE:SIZE:IMPROVE", f)
		}
		size, err := strconv.Atoi(parts[1])
		if err != nil {
			t.Fatal(err)
		}
		improve, err := time.ParseDuration(parts[2])
		if err != nil {
			t.Fatal(err)
		}
		p := parseBenchmark(t, parts[0])
		for _, rs := range []string{"none", "seed", "all"} {
			set, err := synth.RuleSet(rs)
			if err != nil {
				t.Fatal(err)
			}
			c := &synth.Census{}
			budget := synth.Budget{Timeout: 30 * time.Minute, MaxSize: size, MaxTerms: 20_000_000, Improve: improve}
			res, err := synth.Enum{Rules: set, Census: c}.Solve(context.Background(), p.Synth(testProver()), budget)
			if err != nil {
				t.Fatal(err)
			}
			c.Finish()
			if res.Candidates != c.Evaluated || res.Pruned != c.Skipped {
				t.Errorf("%s, rules %s: the search counted %d candidates and %d pruned, the census %d and %d", parts[0], rs, res.Candidates, res.Pruned, c.Evaluated, c.Skipped)
			}
			if rs == "none" && (c.Skipped != 0 || c.SkippedUnevaluated != 0) {
				t.Errorf("%s: %d skipped without rules", parts[0], c.Skipped)
			}
			floor := c.Evaluated - c.Duplicates
			t.Logf("%s (up to size %d, improve %s) rules %s: %v size %d; candidates %d, pruned %d (%d never evaluated), duplicates %d (%.1f%%), floor %d, at most %.2f× fewer; duplicates by top: %v",
				parts[0], size, improve, rs, res.Verdict, res.Size, c.Evaluated, c.Skipped, c.SkippedUnevaluated, c.Duplicates, 100*float64(c.Duplicates)/float64(c.Evaluated), floor, float64(c.Evaluated)/float64(floor), c.DuplicatesByTop)
		}
	}
}

// TestCensusExamples lists duplicates the shipped rules leave, by top
// operator, with the earlier term each one computes: what rules are
// missing. VSYNTH_MISSING="FILE:SIZE" picks the benchmark and size.
func TestCensusExamples(t *testing.T) {
	f := os.Getenv("VSYNTH_MISSING")
	if f == "" {
		f = "hd/comp14-sygus2/hd-18-d1-prog.sl:2"
	}
	name, sz, _ := strings.Cut(f, ":")
	size, err := strconv.Atoi(sz)
	if err != nil {
		t.Fatal(err)
	}
	p := parseBenchmark(t, name)
	set, err := synth.RuleSet("all")
	if err != nil {
		t.Fatal(err)
	}
	c := &synth.Census{Examples: 12}
	c.Take(context.Background(), p.Synth(nil), set, size)
	if c.Duplicates == 0 || len(c.Missing) == 0 {
		t.Fatalf("%s up to size %d: %d duplicates, %d examples", name, size, c.Duplicates, len(c.Missing))
	}
	for top, ex := range c.Missing {
		if n := c.DuplicatesByTop[top]; int64(len(ex)) > n || len(ex) > c.Examples {
			t.Errorf("%s: %d examples of %d duplicates", top, len(ex), n)
		}
		t.Logf("%s: %d duplicates, e.g.\n\t%s", top, c.DuplicatesByTop[top], strings.Join(ex, "\n\t"))
	}
}

// parseBenchmark parses a SyGuS benchmark file: name is relative to
// $VSYNTH_SYGUS_DIR when it is set (a copy of the SyGuS-Comp sets, for
// long runs), else to testdata/bench, which holds the files the default
// run uses (see its README).
func parseBenchmark(t *testing.T, name string) *Problem {
	t.Helper()
	dir := os.Getenv("VSYNTH_SYGUS_DIR")
	if dir == "" {
		dir = filepath.Join("testdata", "bench")
	}
	path := filepath.Join(dir, name)
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	p, err := Parse(path, src)
	if err != nil {
		t.Fatal(err)
	}
	return p
}
