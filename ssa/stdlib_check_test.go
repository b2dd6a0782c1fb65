package ssa

import (
	"go/types"
	"runtime"
	"strings"
	"testing"

	"github.com/vsynth/vsynth/internal/testlimits"
)

// TestStdlibContractsRandom runs every shipped standard-library contract
// against the compiled function (stdlib_random_test.go): by default 300
// inputs per function (edge values first), 20000 with VSYNTH_LONG=1. It
// fails on any input within a contract's requires on which the function
// panics or an ensures clause is false, and when a function's inputs
// rarely meet its requires (the check would then say little).
func TestStdlibContractsRandom(t *testing.T) {
	prog := loadStdlibProbe(t)
	targets := stdlibTargets(prog)
	cs, err := shippedContracts()
	if err != nil {
		t.Fatal(err)
	}
	if len(targets) != len(cs) {
		t.Fatalf("%d shipped contracts, %d registered by a load that imports every package", len(cs), len(targets))
	}
	for _, tg := range targets {
		if tg.Unsupported != nil {
			t.Fatalf("%s: %s", tg.Short, tg.Unsupported.What)
		}
	}
	n := 300
	if testlimits.Long() {
		n = 20000
	}
	out, failed := runStdlibProgram(t, targets, n, 1)
	ran := 0
	for _, line := range strings.Split(out, "\n") {
		f := strings.Fields(line)
		switch {
		case len(f) == 0:
		case f[0] == "FAIL":
			t.Errorf("%s", line)
		case f[0] == "RAN" && len(f) == 4:
			ran++
			t.Logf("%s: %s inputs run, %s within its requires", f[1], f[2], f[3])
			if f[3] == "0" || len(f[3])+1 < len(f[2]) {
				t.Errorf("%s: %s of %s inputs within its requires: too few for the check to say much", f[1], f[3], f[2])
			}
		}
	}
	if failed || ran != len(targets) {
		t.Fatalf("%d of %d functions checked; output:\n%s", ran, len(targets), out)
	}
}

// TestStdlibContractsCatchWrong checks that the randomized check catches a
// wrong contract: each mutant states something the function does not do.
func TestStdlibContractsCatchWrong(t *testing.T) {
	prog := loadStdlibProbe(t)
	byName := map[string]*Target{}
	for _, tg := range stdlibTargets(prog) {
		byName[tg.Short] = tg
	}
	mutants := []struct{ fn, from, to string }{
		{"strings.IndexByte", "result < len(s)", "result < len(s)-1"},
		{"utf8.RuneLen", "r <= 0xFFFF && (r < 0xD800 || r > 0xDFFF) ==> result == 3", "r <= 0xFFFF ==> result == 3"},
		{"utf8.DecodeRuneInString", "s[0] >= RuneSelf && size == 1 ==> r == RuneError", "s[0] >= RuneSelf ==> r == RuneError"},
		{"strconv.Itoa", "len(result) <= 20", "len(result) <= 19"},
		{"strings.Repeat", "requires count >= 0", "requires count >= -1"},
	}
	// One program checks every mutant (one build): each must fail.
	var muts []*Target
	for _, m := range mutants {
		orig := byName[m.fn]
		if orig == nil {
			t.Fatalf("no shipped contract of %s", m.fn)
		}
		if !strings.Contains(orig.stdlib.Spec, m.from) {
			t.Fatalf("%s: the contract has no %q", m.fn, m.from)
		}
		mut := *orig
		fn, _ := orig.Func.Object().(*types.Func)
		checked, err := prog.foreignSpec(&mut, fn, strings.Replace(orig.stdlib.Spec, m.from, m.to, 1), prog.imp)
		if err != nil {
			t.Fatal(err)
		}
		mut.Spec = checked
		muts = append(muts, &mut)
	}
	out, _ := runStdlibProgram(t, muts, 2000, 1)
	for _, m := range mutants {
		caught := ""
		for _, line := range strings.Split(out, "\n") {
			if strings.HasPrefix(line, "FAIL "+m.fn+" ") {
				caught = line
			}
		}
		if caught == "" {
			t.Errorf("the mutant %q -> %q of %s passed the check", m.from, m.to, m.fn)
			continue
		}
		t.Logf("caught: %s", caught)
	}
}

// TestStdlibContractsVersion checks that the contracts were checked
// against the running Go release: after a Go upgrade, run the checks
// (VSYNTH_LONG=1 go test -run TestStdlibContracts ./ssa) and update
// ssa/stdlib/VERSION.
func TestStdlibContractsVersion(t *testing.T) {
	v := stdlibGoVersion()
	if got := runtime.Version(); got != v && !strings.HasPrefix(got, v+".") {
		t.Errorf("the shipped standard-library contracts were checked against %s, the tests run %s: re-check them and update ssa/stdlib/VERSION", v, got)
	}
}

// TestStdlibContractsAssumptions checks what a proof relying on a shipped
// contract states: nothing for a contract proved against the program's Go
// release, the randomized check for the others, and, under another Go
// release than the contracts', that release for every contract.
func TestStdlibContractsAssumptions(t *testing.T) {
	prog := loadStdlibProbe(t)
	find := func(short string) *Target {
		for _, tg := range stdlibTargets(prog) {
			if tg.Short == short {
				return tg
			}
		}
		t.Fatalf("no shipped contract of %s", short)
		return nil
	}
	if a := find("strings.HasPrefix").foreign.Assumptions; len(a) != 0 {
		t.Errorf("strings.HasPrefix, proved: assumptions %q", a)
	}
	if a := find("strings.Index").foreign.Assumptions; len(a) != 1 || !strings.Contains(a[0], "checked by randomized runs against "+stdlibGoVersion()) {
		t.Errorf("strings.Index, checked by runs: assumptions %q", a)
	}
	for fn, tg := range prog.contracts {
		if tg.stdlib != nil {
			delete(prog.contracts, fn)
		}
	}
	if err := prog.shipStdlibContracts(prog.imp, func() string { return "go1.99.1" }); err != nil {
		t.Fatal(err)
	}
	for _, short := range []string{"strings.HasPrefix", "strings.Index"} {
		if a := find(short).foreign.Assumptions; len(a) != 1 || !strings.Contains(a[0], "not against go1.99.1") {
			t.Errorf("%s under go1.99.1: assumptions %q", short, a)
		}
	}
}

// TestStdlibSplitShipped checks the reading of a shipped file: one
// contract per marker, with its file's line numbers, and the errors of a
// malformed marker.
func TestStdlibSplitShipped(t *testing.T) {
	src := "package strings\n\n//vsynth-stdlib: random exact\nfunc A(s string) int\n\tensures result >= 0\n\n//vsynth-stdlib: proved internal/stringslite.B\nfunc B(s string) bool\n"
	cs, err := splitShipped("strings.vspec", src)
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 2 || cs[0].Name != "A" || !cs[0].Exact || cs[0].Proved() || cs[0].Line != 4 ||
		cs[1].Name != "B" || cs[1].Exact || !cs[1].Proved() || cs[1].Line != 8 || cs[1].Path != "strings" {
		t.Fatalf("split: %+v %+v", cs[0], cs[1])
	}
	if got := strings.Split(cs[1].Spec, "\n"); len(got) < 8 || got[7] != "func B(s string) bool" || got[3] != "" {
		t.Errorf("B's spec keeps the file's lines: %q", got)
	}
	for _, bad := range []struct{ src, want string }{
		{"package p\n//vsynth-stdlib: random fast\nfunc A()\n", `unknown word "fast"`},
		{"package p\n//vsynth-stdlib: proved\nfunc A()\n", "names the functions it was proved against"},
		{"package p\n//vsynth-stdlib: random p.A\nfunc A()\n", "names the functions it was proved against"},
		{"package p\n//vsynth-stdlib: random\n", "no func after"},
		{"package p\n", "no function"},
	} {
		if _, err := splitShipped("p.vspec", bad.src); err == nil || !strings.Contains(err.Error(), bad.want) {
			t.Errorf("%q: err = %v, want %q", bad.src, err, bad.want)
		}
	}
}
