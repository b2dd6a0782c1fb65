package specs

import (
	"go/token"
	"strings"
	"testing"
)

// TestFrameShapes checks what each location of a modifies clause denotes
// (frame.go) and the locations it rejects.
func TestFrameShapes(t *testing.T) {
	fset, pkg, _ := loadCheckPackage(t)
	checked, err := checkVspec(t, fset, pkg, "package mathx\nfunc (p *Point) Norm() int32\n\tmodifies p, *p, p.X, p.secret\n")
	if err != nil {
		t.Fatal(err)
	}
	locs, has := checked.Func.Frame()
	if !has || len(locs) != 4 {
		t.Fatalf("frame: %d locations, has %v", len(locs), has)
	}
	want := []FrameShape{FramePointee, FrameVariable, FrameVariable, FrameVariable}
	for i, loc := range locs {
		if got, ok := checked.FrameShapeOf(loc.Expr); !ok || got != want[i] {
			t.Errorf("%s: shape %v (ok %v), want %v", loc.Text, got, ok, want[i])
		}
	}
	checked, err = checkVspec(t, fset, pkg, "package mathx\nfunc Max(xs []int) int\n\tmodifies xs, xs[1:], xs[0], xs[:cap(xs)]\n")
	if err != nil {
		t.Fatal(err)
	}
	locs, _ = checked.Func.Frame()
	want = []FrameShape{FrameElements, FrameElements, FrameVariable, FrameElements}
	for i, loc := range locs {
		if got, ok := checked.FrameShapeOf(loc.Expr); !ok || got != want[i] {
			t.Errorf("%s: shape %v (ok %v), want %v", loc.Text, got, ok, want[i])
		}
	}
	if got := locs[0].FrameText(); got != "xs, xs[1:], xs[0], xs[:cap(xs)]" {
		t.Errorf("FrameText %q", got)
	}
	// A value method's receiver is the function's own copy: not memory.
	_, err = checkVspec(t, fset, pkg, "package mathx\nfunc (p Point) Sum() int32\n\tmodifies p.X\n")
	if err == nil || !strings.Contains(err.Error(), "modifies p.X: not a location") {
		t.Errorf("value receiver field: %v", err)
	}
	_, err = checkVspec(t, fset, pkg, "package mathx\nfunc Abs(x int32) int32\n\tmodifies x\n")
	if err == nil || !strings.Contains(err.Error(), "not a value of type int32") {
		t.Errorf("integer parameter: %v", err)
	}
}

// TestFrameNothing: "modifies nothing" is the empty frame, and a
// function without modifies has none.
func TestFrameNothing(t *testing.T) {
	fset, pkg, _ := loadCheckPackage(t)
	checked, err := checkVspec(t, fset, pkg, "package mathx\nfunc Void(x int)\n\tmodifies nothing\n")
	if err != nil {
		t.Fatal(err)
	}
	if locs, has := checked.Func.Frame(); !has || len(locs) != 0 {
		t.Errorf("modifies nothing: %d locations, has %v", len(locs), has)
	}
	checked, err = checkVspec(t, fset, pkg, "package mathx\nfunc Void(x int)\n\trequires x > 0\n")
	if err != nil {
		t.Fatal(err)
	}
	if _, has := checked.Func.Frame(); has {
		t.Error("a spec without modifies has a frame")
	}
	if _, err := ParseFile(token.NewFileSet(), "x.vspec", []byte("package mathx\nfunc Void(x int)\n\tmodifies\n")); err == nil || !strings.Contains(err.Error(), "missing locations after modifies") {
		t.Errorf("empty modifies: %v", err)
	}
}
