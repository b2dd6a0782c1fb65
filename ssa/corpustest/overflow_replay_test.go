package corpustest

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/vsynth/vsynth/internal/provetest"
	"github.com/vsynth/vsynth/internal/testmod"
	"github.com/vsynth/vsynth/ssa"
)

// TestOverflowNotInstrumented: an overflow the replay cannot rewrite
// (the left side of a += that would be evaluated twice) is not confirmed,
// so its obligation is unknown, never failed; one the replay rewrites in
// the same package is confirmed.
func TestOverflowNotInstrumented(t *testing.T) {
	dir := t.TempDir()
	testmod.WriteFile(t, filepath.Join(dir, "go.mod"), "module example.com/ovf\n\ngo 1.24\n")
	testmod.WriteFile(t, filepath.Join(dir, "p", "p.go"), `package p

//vsynth:requires len(a) > 0
//vsynth:nooverflow
func AddLast(a []int32, x int32) {
	a[len(a)-1] += x
}

//vsynth:requires len(a) > 0
//vsynth:nooverflow
func AddFirst(a []int32, x int32) {
	a[0] += x
}
`)
	prog, results := provetest.ProveDir(t, dir, "./...")
	if _, err := prog.Confirm(t.Context(), results, ssa.ConfirmOptions{}); err != nil {
		t.Fatal(err)
	}
	for _, r := range results {
		want := ssa.Failed
		if r.Target.Short == "p.AddLast" {
			want = ssa.Unknown
		}
		if r.Verdict != want {
			t.Errorf("%s: %s, want %s", r.Target.Short, r.Verdict, want)
		}
		for _, o := range r.Obligations {
			if o.Kind != ssa.Overflow || o.Verdict == ssa.Proved && o.Confirmation == ssa.NotConfirmed {
				continue // len(a)-1 cannot wrap
			}
			switch {
			case want == ssa.Unknown && (o.Confirmation != ssa.Refused || !strings.Contains(o.Reason, "Go did not wrap at the operation")):
				t.Errorf("%s: overflow %s (%s), want unknown: Go did not wrap at the operation", r.Target.Short, o.Verdict, o.Reason)
			case want == ssa.Failed && o.Confirmation != ssa.Confirmed:
				t.Errorf("%s: overflow %s (%s), want confirmed", r.Target.Short, o.Verdict, o.Reason)
			}
		}
	}
}
