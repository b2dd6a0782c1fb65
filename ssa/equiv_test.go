package ssa

import (
	"context"
	"strings"
	"testing"

	"github.com/vsynth/vsynth/internal/testlimits"
	"github.com/vsynth/vsynth/internal/testsolver"
)

const equivSrc = `package eq

func double(x int8) int8    { return x + x }
func shiftOne(x int8) int8  { return x << 1 }
func half(x int8) int8      { return x / 2 }
func sra(x int8) int8       { return x >> 1 }
func div(x, y uint16) uint16 { return x / y }
func one(x, y uint16) uint16 { return 1 }
func nonzero(x, y uint16) bool { return y != 0 && x == y }
func same(x, y uint16) bool    { return x == y }
func pow2(c uint8) bool     { return c != 0 && c&(c-1) == 0 }
func never(c uint8) bool    { return c != c }
`

var equivLimits = testlimits.Limits

func TestEquivalent(t *testing.T) {
	p, err := LoadFile("eq.go", []byte(equivSrc))
	if err != nil {
		t.Fatal(err)
	}
	s, err := testsolver.New()
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	check := func(f, g, pre string) *EquivResult {
		t.Helper()
		r, err := p.Equivalent(ctx, s, f, g, pre, equivLimits)
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	if r := check("double", "shiftOne", ""); r.Verdict != Proved {
		t.Errorf("x + x vs x << 1: %s", r.Verdict)
	}
	// Division truncates toward zero, the arithmetic shift rounds down.
	if r := check("half", "sra", ""); r.Verdict != Failed || r.Inputs[0].Value[0] != '-' {
		t.Errorf("x / 2 vs x >> 1: %s %v", r.Verdict, r.Inputs)
	}
	// x / x panics at x == 0, 1 does not.
	r := check("div", "one", "same")
	if r.Verdict != Failed || !r.Left.Panics || r.Right.Panics || r.Right.Value != "1" {
		t.Errorf("x / y vs 1: %+v", r)
	}
	if r := check("div", "one", "nonzero"); r.Verdict != Proved {
		t.Errorf("x / y vs 1 where y != 0 && x == y: %s", r.Verdict)
	}
	v, _, err := p.Satisfiable(ctx, s, "never", equivLimits)
	if err != nil || v != Failed {
		t.Errorf("c != c satisfiable: %s %v", v, err)
	}
	models, complete, err := p.Models(ctx, s, "pow2", []string{"c"}, 9, equivLimits)
	if err != nil || !complete || len(models) != 8 {
		t.Errorf("powers of two of uint8: %d models, complete %v, %v", len(models), complete, err)
	}
	if _, err := p.Equivalent(ctx, s, "double", "div", "", equivLimits); err == nil || !strings.Contains(err.Error(), "different parameters") {
		t.Errorf("mismatched signatures: %v", err)
	}
}
