package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestRobustInputs feeds every kind of input vsynth reads — Go sources
// with directives, .vspec files for prove and for synth, rule files,
// SyGuS files — malformed and extreme content: bytes that are not UTF-8,
// constants too large for any type, expressions nested 100,000 deep,
// 10,000 clauses, syntax errors. Each must end in a clear error naming
// the file (exit 2), or a verdict, within a minute: never a crash, a
// panic's stack trace or a hang.
func TestRobustInputs(t *testing.T) {
	deep := strings.Repeat("(", 100000) + "x" + strings.Repeat(")", 100000)
	hugeDecimal := "1" + strings.Repeat("0", 400) // beyond any integer type
	var manyVspec strings.Builder
	manyVspec.WriteString("package p\n\nfunc F(x int64) int64\n")
	for i := 0; i < 10000; i++ {
		fmt.Fprintf(&manyVspec, "\trequires x != %d\n", i)
	}
	manyVspec.WriteString("\tensures result > x || x == 9223372036854775807\n")
	goFile := "package p\n\nfunc F(x int64) int64 { return x + 1 }\n"
	sygus := func(constraint string) string {
		return "(set-logic BV)\n(synth-fun f ((x (_ BitVec 8))) (_ BitVec 8))\n(declare-var x (_ BitVec 8))\n" + constraint + "\n(check-synth)\n"
	}

	cases := []struct {
		name  string
		files map[string]string
		args  []string
		code  int    // the exit status
		where string // a regexp the error must match: the file and line
	}{
		// prove: Go sources.
		{"go/non-utf8-directive", map[string]string{"p/f.go": "package p\n\n//vsynth:ensures result == x \xff\xfe\nfunc F(x int) int { return x }\n"},
			[]string{"prove", "./..."}, exitBadInput, `p/f\.go:3:`},
		{"go/non-utf8-code", map[string]string{"p/f.go": "package p\n\nfunc F(x int) int { return x /* \xff */ }\n\nvar s = \"\xc3\x28\"\n"},
			[]string{"prove", "./..."}, exitBadInput, `p/f\.go:\d+:`},
		{"go/huge-constant-in-code", map[string]string{"p/f.go": "package p\n\n//vsynth:ensures result >= x\nfunc F(x int64) int64 { return x + " + hugeDecimal + " }\n"},
			[]string{"prove", "./..."}, exitBadInput, `p/f\.go:4:`},
		{"go/huge-decimal-in-spec", map[string]string{"p/f.go": "package p\n\n//vsynth:ensures result != " + hugeDecimal + "\nfunc F(x int64) int64 { return x }\n"},
			[]string{"prove", "./..."}, exitBadInput, `p/f\.go:3:`},
		{"go/deep-nesting-in-code", map[string]string{"p/f.go": "package p\n\nfunc F(x int) int { return " + deep + " }\n"},
			[]string{"prove", "./..."}, exitBadInput, `p/f\.go:3:`},
		{"go/nul-bytes", map[string]string{"p/f.go": "package p\n\x00\x00\nfunc F(x int) int { return x }\n"},
			[]string{"prove", "./..."}, exitBadInput, `p/f\.go`}, // the go command names no line
		// prove: .vspec files.
		{"vspec/huge-constant", map[string]string{"p/f.go": goFile, "p/p.vspec": "package p\n\nfunc F(x int64) int64\n\tensures result == 1<<1000\n"},
			[]string{"prove", "./..."}, exitBadInput, `p/p\.vspec:4:`},
		{"vspec/deep-nesting", map[string]string{"p/f.go": goFile, "p/p.vspec": "package p\n\nfunc F(x int64) int64\n\tensures " + deep + " > 0\n"},
			[]string{"prove", "./..."}, exitBadInput, `p/p\.vspec:4:`},
		{"vspec/10000-clauses", map[string]string{"p/f.go": goFile, "p/p.vspec": manyVspec.String()},
			[]string{"prove", "./..."}, exitOK, ``},
		{"vspec/garbage", map[string]string{"p/f.go": goFile, "p/p.vspec": "\x00\x01\x02 ))) func ((( \xff\n"},
			[]string{"prove", "./..."}, exitBadInput, `p/p\.vspec:1:`},
		// synth: .vspec files.
		{"synth/non-utf8", map[string]string{"p/p.vspec": "package p\n\nsynth func F(x uint8) uint8\n\tensures result == x \xff\n"},
			[]string{"synth", "p"}, exitBadInput, `p/p\.vspec:4:`},
		{"synth/deep-nesting", map[string]string{"p/p.vspec": "package p\n\nsynth func F(x uint8) uint8\n\tensures result == " + deep + "\n"},
			[]string{"synth", "p"}, exitBadInput, `p/p\.vspec:4:`},
		// The error names the line of the harness vsynth generates from the
		// spec, not the .vspec's (docs/soundness.md).
		{"synth/huge-constant", map[string]string{"p/p.vspec": "package p\n\nsynth func F(x uint8) uint8\n\tensures result == x + " + hugeDecimal + "\n"},
			[]string{"synth", "p"}, exitBadInput, `constant overflow`},
		// synth: SyGuS files.
		{"sygus/non-utf8", map[string]string{"p.sl": sygus("(constraint (= (f x) x\xff\xfe))")},
			[]string{"synth", "p.sl"}, exitBadInput, `p\.sl:\d+:`},
		{"sygus/huge-constant", map[string]string{"p.sl": sygus("(constraint (= (f x) (bvadd x " + hugeDecimal + ")))")},
			[]string{"synth", "p.sl"}, exitBadInput, `p\.sl:\d+:`},
		{"sygus/deep-nesting", map[string]string{"p.sl": sygus("(constraint " + strings.Repeat("(not ", 100000) + "(= (f x) x)" + strings.Repeat(")", 100000) + ")")},
			[]string{"synth", "p.sl"}, exitBadInput, `p\.sl:\d+:`},
		{"sygus/unbalanced", map[string]string{"p.sl": sygus("(constraint (= (f x) x)")},
			[]string{"synth", "p.sl"}, exitBadInput, `p\.sl:\d+:`},
		// rules check: rule files.
		{"rules/non-utf8", map[string]string{"r.rules": "ok: x + 0 => x\nbad: x \xff => x\n"},
			[]string{"rules", "check", "r.rules"}, exitBadInput, `r\.rules:2:`},
		{"rules/huge-constant", map[string]string{"r.rules": "big: x + " + hugeDecimal + " => x\n"},
			[]string{"rules", "check", "r.rules"}, exitBadInput, `r\.rules:1:`},
		{"rules/deep-nesting", map[string]string{"r.rules": "deep: " + deep + " => x\n"},
			[]string{"rules", "check", "r.rules"}, exitBadInput, `r\.rules:1:`},
		{"rules/no-arrow", map[string]string{"r.rules": "broken: x + 0\n"},
			[]string{"rules", "check", "r.rules"}, exitBadInput, `r\.rules:1:`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, stdout, stderr := runIn(t, c.files, c.args...)
			if code != c.code {
				t.Fatalf("exit %d, want %d\nstdout: %.300q\nstderr: %.300q", code, c.code, stdout, stderr)
			}
			if strings.Contains(stderr, "goroutine ") || strings.Contains(stderr, "panic") || strings.Contains(stderr, "internal error") {
				t.Errorf("a crash, not an error: %.500q", stderr)
			}
			if c.where != "" && !regexp.MustCompile(c.where).MatchString(stderr) {
				t.Errorf("the error does not name the place (%s): %.300q", c.where, stderr)
			}
			if c.code == exitBadInput && len(stderr) > 2000 {
				t.Errorf("the error is %d bytes long: not a clear message", len(stderr))
			}
		})
	}
}

// runIn writes the files into a temporary directory (with a go.mod) and
// runs vsynth there in-process, without the proof cache for prove.
func runIn(t *testing.T, files map[string]string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	return runModule(t, time.Minute, files, args...)
}

// runModule is runIn with a bound on the run's wall time.
func runModule(t *testing.T, limit time.Duration, files map[string]string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	dir := t.TempDir()
	files["go.mod"] = "module example.com/m\n\ngo 1.24\n"
	for name, src := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(dir)
	t.Setenv("XDG_CACHE_HOME", filepath.Join(dir, ".cache")) // answers are recorded there, never in the user's
	setTestLimits(t)
	if args[0] == "prove" {
		args = append([]string{"prove", "--no-cache"}, args[1:]...)
	}
	var out, errOut bytes.Buffer
	start := time.Now()
	code = run(append([]string{"vsynth"}, args...), &out, &errOut)
	if d := time.Since(start); d > limit {
		t.Errorf("vsynth took %s", d)
	}
	return code, out.String(), errOut.String()
}
