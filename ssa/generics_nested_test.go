package ssa

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestGenericInstancesConcrete checks that the targets of a generic
// function are its instances at concrete types only: go/ssa also makes
// instances at the type parameters of another generic body that calls it
// (FirstIs[T] in AnyFirst, testdata/prove/generics/nested.go), which no
// program runs and which used to be reported unsupported. Their verdicts
// are checked by TestProveConstructs/generics.
func TestGenericInstancesConcrete(t *testing.T) {
	dir, _ := filepath.Abs(filepath.Join("..", "testdata", "prove"))
	prog, err := Load(LoadConfig{Dir: dir}, []string{"./generics"})
	if err != nil {
		t.Fatal(err)
	}
	var first []string
	for _, tg := range prog.Targets {
		if strings.Contains(tg.Name, ".FirstIs") {
			first = append(first, tg.Name)
		}
		if tg.Func != nil && slicesContainsParameterized(tg) {
			t.Errorf("%s: a target at type parameters", tg.Name)
		}
	}
	if len(first) != 1 || !strings.HasSuffix(first[0], ".FirstIs[int]") {
		t.Errorf("FirstIs targets: %v, want only FirstIs[int]", first)
	}
}

func slicesContainsParameterized(tg *Target) bool {
	for _, a := range tg.Func.TypeArgs() {
		if parameterized(a) {
			return true
		}
	}
	return false
}
