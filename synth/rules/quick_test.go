package rules

import (
	"context"
	"testing"
	"time"
)

func TestQuickSeed(t *testing.T) {
	rs, err := Shipped()
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	res, err := Check(context.Background(), rs, CheckOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range res {
		if r.Verdict != Proved {
			t.Errorf("%s: %s %+v", r.Rule.Name, r.Verdict, r.Types)
			for _, tr := range r.Types {
				t.Logf("  %s %s %s %v %v %v", tr.Type.Name, tr.Verdict, tr.Reason, tr.Inputs, tr.Left, tr.Right)
			}
		}
	}
	t.Logf("%d rules in %v", len(rs), time.Since(start))
}
