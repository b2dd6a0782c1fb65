package rules

import (
	"context"
	"testing"
)

func TestQuickFalse(t *testing.T) {
	rs, err := Parse("f.rules", []byte(`neg-lt:     -x < 0 => 0 < x  for signed
bad-div: x / x => 1
vac: x * C => 0 if C != C
shl: x << C => x * 2 if C == 1 for int8
bad-pow: x / C => x >> log2(C) if isPow2(C) for int8
`))
	if err != nil {
		t.Fatal(err)
	}
	res, err := Check(context.Background(), rs, CheckOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range res {
		t.Logf("%s: %s vac=%v", r.Rule.Name, r.Verdict, r.Vacuous)
		for _, tr := range r.Types {
			t.Logf("  %s %s %s %v %v %v", tr.Type.Name, tr.Verdict, tr.Reason, tr.Inputs, tr.Left, tr.Right)
		}
	}
}
