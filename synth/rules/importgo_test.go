package rules

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestImportGoTranslations(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"(Mul(8|16|32|64)  (Const(8|16|32|64)  [1]) x) => x", "1 * x => x for int8, uint8"},
		{"(Neg(8|16|32|64) (Mul(8|16|32|64) x (Const(8|16|32|64) <t> [c]))) => (Mul(8|16|32|64) x (Const(8|16|32|64) <t> [-c]))", "-(x * C) => x * -C for int8, uint8"},
		{"(Div16 <t> n (Const16 [c])) && c < 0 && c != -1<<15 => (Neg16 (Div16 <t> n (Const16 <t> [-c])))", "n / C => -(n / -C) if (C < 0) && (C != (-1 << 15)) for int16"},
		{"(Div8u  (Const8  [c])  (Const8  [d])) && d != 0 => (Const8  [int8(uint8(c)/uint8(d))])", "C / D => C / D if D != 0 for uint8"},
		{"(Eq(64|32|16|8) x x) => (ConstBool [true])", "x == x => true for int64, uint64"},
		{"(EqB (ConstBool [false]) x) => (Not x)", ""}, // no integer operation
		{"(Add64 (Add64 i:(Const64 <t>) z) x) && (z.Op != OpConst64 && x.Op != OpConst64) => (Add64 i (Add64 <t> z x))", "(K1 + z) + x => K1 + (z + x) for int64, uint64"},
		{"(Lsh64x64 (Const64 [0]) _) => (Const64 [0])", "0 << w1 => 0 for uint64"},
		{"(Rsh64x64 x (Const64 [c])) => x", ""}, // signed right shift: skipped
	} {
		out, skips := ImportGo(tc.in)
		first := ""
		if lines := strings.Split(out, "\n"); len(lines) > 0 && out != "" {
			first = lines[0]
			if i := strings.Index(first, ": "); i >= 0 {
				first = first[i+2:]
			}
			if i := strings.Index(first, "  //"); i >= 0 {
				first = first[:i]
			}
		}
		if first != tc.want {
			t.Errorf("%s:\n got %q (skips %v)\nwant %q", tc.in, first, skips, tc.want)
		}
	}
}

// TestImportGoCompilerRules translates the Go compiler's own rules and
// proves a sample of them (all of them: VSYNTH_LONG=1, about a minute).
func TestImportGoCompilerRules(t *testing.T) {
	goroot, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile(filepath.Join(strings.TrimSpace(string(goroot)), "src/cmd/compile/internal/ssa/_gen/generic.rules"))
	if err != nil {
		t.Fatal(err)
	}
	text, skips := ImportGo(string(src))
	rs, err := Parse("generic.rules", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) < 300 || len(skips) == 0 {
		t.Fatalf("%d rules translated, %d skipped", len(rs), len(skips))
	}
	sample := rs
	if os.Getenv("VSYNTH_LONG") == "" {
		sample = nil
		for i := 0; i < len(rs); i += 10 {
			sample = append(sample, rs[i])
		}
	}
	res, err := Check(context.Background(), sample, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range res {
		if r.Verdict == Failed {
			t.Errorf("compiler rule refuted: %s", r.Rule)
		}
	}
	t.Logf("%d translated, %d skipped, %d checked", len(rs), len(skips), len(sample))
}
