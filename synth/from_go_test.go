package synth

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

var wantComment = regexp.MustCompile(`^// want "([^"]*)"`)

// TestTermFromGo reads each candidate of testdata/fromgo against the
// bitops example's problems: the file's // want comment gives the
// expected term ("ok: TERM") or rejection reason.
func TestTermFromGo(t *testing.T) {
	problems := map[string]*Problem{}
	for _, target := range loadVspec(t, "../examples/synth/bitops.vspec") {
		problems[target.Problem.GoName] = target.Problem
	}
	names, err := filepath.Glob("testdata/fromgo/*.go.txt")
	if err != nil || len(names) == 0 {
		t.Fatalf("no test files: %v", err)
	}
	funcName := regexp.MustCompile(`func (IsolateLowest|ClearLowest|Average|Max|Lowest)\(`)
	for _, name := range names {
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		m := wantComment.FindSubmatch(src)
		if m == nil {
			t.Fatalf("%s: no // want comment", name)
		}
		want := string(m[1])
		fn := funcName.FindStringSubmatch(string(src))
		p := problems["IsolateLowest"]
		if fn != nil && problems[fn[1]] != nil {
			p = problems[fn[1]]
		}
		term, used, err := TermFromGo(string(src), p)
		got := ""
		var rej *RejectError
		switch {
		case err == nil:
			got = "ok: " + term.String()
			if len(used) == 0 {
				t.Errorf("%s: no productions in the derivation", name)
			}
		case errors.As(err, &rej):
			got = string(rej.Reason)
		default:
			t.Errorf("%s: error that is not a rejection: %v", name, err)
			continue
		}
		if got != want {
			t.Errorf("%s: got %q (%v), want %q", name, got, err, want)
		} else if err != nil {
			t.Logf("%s: %v", name, err)
		}
	}
}
