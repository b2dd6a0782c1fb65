package main

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// Malformed and extreme inputs give a clear error and exit 2, or a
// verdict — never a crash or a hang.

// proveModule writes a module with the given files into a temporary
// directory and runs vsynth prove there in-process (see runIn).
func proveModule(t *testing.T, files map[string]string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	return runModule(t, 2*time.Minute, files, append([]string{"prove"}, args...)...)
}

func TestRobustHugeConstant(t *testing.T) {
	code, _, stderr := proveModule(t, map[string]string{"p/f.go": `package p

//vsynth:ensures result == 1<<1000
func F(x int64) int64 { return x }
`}, "./...")
	if code != exitBadInput || !strings.Contains(stderr, "p/f.go:3:") || !strings.Contains(stderr, "overflow") {
		t.Errorf("exit %d, stderr %q: want exit 2 with a positioned overflow error", code, stderr)
	}
}

func TestRobustManyClauses(t *testing.T) {
	var b strings.Builder
	b.WriteString("package p\n\n")
	for i := 0; i < 10000; i++ {
		fmt.Fprintf(&b, "//vsynth:requires x != %d\n", i)
	}
	b.WriteString("//vsynth:ensures result > x || x == 9223372036854775807\nfunc F(x int64) int64 { return x + 1 }\n")
	code, stdout, stderr := proveModule(t, map[string]string{"p/f.go": b.String()}, "./...")
	if code != exitOK || !strings.Contains(stdout, "1 proved") {
		t.Errorf("10,000 requires clauses: exit %d, stdout %q, stderr %q; want proved", code, stdout, stderr)
	}
}

func TestRobustDeepNesting(t *testing.T) {
	expr := strings.Repeat("(", 100000) + "x" + strings.Repeat(")", 100000)
	code, _, stderr := proveModule(t, map[string]string{"p/f.go": "package p\n\n//vsynth:ensures " + expr + " > 0\nfunc F(x int) int { return x }\n"}, "./...")
	if code != exitBadInput || !strings.Contains(stderr, "p/f.go:3:") {
		t.Errorf("deep nesting: exit %d, stderr %.200q; want exit 2 with a position", code, stderr)
	}
}

func TestRobustNonUTF8Spec(t *testing.T) {
	code, _, stderr := proveModule(t, map[string]string{
		"p/f.go":    "package p\n\nfunc F(x int) int { return x }\n",
		"p/p.vspec": "package p\n\nfunc F(x int) int\n\tensures result == x \xff\xfe\n",
	}, "./...")
	if code != exitBadInput || !strings.Contains(stderr, "p/p.vspec:4:") {
		t.Errorf("non-UTF-8 spec: exit %d, stderr %q; want exit 2 with a position", code, stderr)
	}
}

func TestRobustBadGo(t *testing.T) {
	code, _, stderr := proveModule(t, map[string]string{"p/f.go": "package p\n\nfunc F(x int int { return x }\n"}, "./...")
	if code != exitBadInput || !strings.Contains(stderr, "p/f.go:3:") {
		t.Errorf("bad Go: exit %d, stderr %q; want exit 2 with a position", code, stderr)
	}
}

func TestRobustMissingPackage(t *testing.T) {
	code, _, stderr := proveModule(t, map[string]string{"p/f.go": "package p\n"}, "./nosuchdir/...", "nosuchfile.vspec")
	if code != exitBadInput || stderr == "" {
		t.Errorf("missing inputs: exit %d, stderr %q; want exit 2 with an error", code, stderr)
	}
}

func TestRobustEmptySpecFile(t *testing.T) {
	code, _, stderr := proveModule(t, map[string]string{
		"p/f.go":    "package p\n\nfunc F(x int) int { return x }\n",
		"p/p.vspec": "",
	}, "./...")
	if code != exitBadInput || !strings.Contains(stderr, "p/p.vspec") {
		t.Errorf("empty spec file: exit %d, stderr %q; want exit 2 naming the file", code, stderr)
	}
}
