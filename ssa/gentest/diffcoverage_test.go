package gentest

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/vsynth/vsynth/ssa"
)

// TestDifferentialSemantics' default run is a sample: 600 functions
// (VSYNTH_LONG=1: 10,000), kept small so that the ssa package's default
// run stays far from go test's 10-minute limit on a loaded machine
// (docs/soundness.md, "The suite under load"). checkDiffCoverage checks
// that the sample reaches every class of the generator: every operator,
// every integer type converted to, every math/bits function (and each at
// every width), loops and helper calls, and Go's three outcomes
// (returned, divided by zero, shifted by a negative count). A change to
// the generator or to the default count that loses a class fails the
// test instead of shrinking its reach silently.

// diffMinPerClass is how often the default run must reach each class;
// each math/bits function must be called diffMinPerClass times in all,
// and at each of its widths at least once (34 forms: reaching each three
// times would take a larger sample: at 600 functions, bits.Len64 is
// called twice).
const diffMinPerClass = 3

var (
	notRE        = regexp.MustCompile(`![^=]`)
	conversionRE = func() map[string]*regexp.Regexp {
		m := map[string]*regexp.Regexp{}
		for _, t := range diffIntTypes {
			// A conversion, not a typed constant such as int8(-128).
			m[t.name] = regexp.MustCompile(`\W` + t.name + `\([^-\d]`)
		}
		return m
	}()
)

// diffClassCounts counts the classes in the generated functions (each
// function once, helpers included) and the cases' outcomes.
func diffClassCounts(g *diffGen, cases []*diffCase) map[string]int {
	counts := map[string]int{}
	seen := map[*diffFunc]bool{}
	var fns []*diffFunc
	fns = append(fns, g.helpers...)
	for _, c := range cases {
		fns = append(fns, c.fn)
	}
	ops := []string{"+", "-", "*", "/", "%", "&", "|", "^", "&^", "<<", ">>", "==", "!=", "<", "<=", ">", ">=", "&&", "||"}
	for _, f := range fns {
		if seen[f] {
			continue
		}
		seen[f] = true
		for _, op := range ops {
			counts["binary "+op] += strings.Count(f.body, " "+op+" ")
		}
		counts["unary -"] += strings.Count(f.body, "(-")
		counts["unary ^"] += strings.Count(f.body, "(^")
		counts["unary !"] += len(notRE.FindAllString(f.body, -1))
		for _, t := range diffIntTypes {
			counts["conversion to "+t.name] += len(conversionRE[t.name].FindAllString(f.body, -1))
		}
		for _, b := range diffBitsFuncs {
			for _, s := range b.suffixes {
				n := strings.Count(f.body, "bits."+b.name+s+"(")
				counts["bits."+b.name] += n
				counts[bitsWidthClass(b.name, s)] += n
			}
		}
		if strings.Contains(f.body, "\tfor i") {
			counts["a loop"]++
		}
		if len(f.calls) > 0 {
			counts["a helper call"]++
		}
	}
	for _, c := range cases {
		switch c.panicKind() {
		case "":
			counts["outcome: returned"]++
		case ssa.DivideByZero:
			counts["outcome: divide by zero"]++
		case ssa.NegativeShift:
			counts["outcome: negative shift"]++
		}
	}
	return counts
}

// checkDiffCoverage fails the test for each class reached fewer than
// diffMinPerClass times, and logs the rarest.
func checkDiffCoverage(t *testing.T, g *diffGen, cases []*diffCase) {
	t.Helper()
	counts := diffClassCounts(g, cases)
	var names []string
	for name := range counts {
		names = append(names, name)
	}
	sort.Slice(names, func(i, j int) bool {
		if counts[names[i]] != counts[names[j]] {
			return counts[names[i]] < counts[names[j]]
		}
		return names[i] < names[j]
	})
	for _, name := range names {
		least := diffMinPerClass
		if strings.HasPrefix(name, bitsWidthPrefix) {
			least = 1
		}
		if counts[name] < least {
			t.Errorf("the generated functions reach %s %d times, fewer than %d: raise the default count or fix the generator", name, counts[name], least)
		}
	}
	var rare []string
	for _, name := range names {
		if len(rare) < 8 && !strings.HasPrefix(name, bitsWidthPrefix) {
			rare = append(rare, fmt.Sprintf("%s %d", name, counts[name]))
		}
	}
	t.Logf("%d classes; the rarest: %s", len(names), strings.Join(rare, ", "))
}

// bitsWidthPrefix starts the classes of a math/bits function at one width.
const bitsWidthPrefix = "width: "

func bitsWidthClass(name, suffix string) string {
	if suffix == "" {
		suffix = "(uint)"
	}
	return bitsWidthPrefix + "bits." + name + suffix
}
