package provetest

import (
	"fmt"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/vsynth/vsynth/ssa"
)

// Expected verdicts sit in the testdata on the line they describe, as
// comments in the style of x/tools' analysistest:
//
//	func Div(a, b int) int { // want "failed"
//		return a / b // want "divide-by-zero: failed"
//
// A // want comment may also trail a //vsynth: directive or a .vspec
// clause. Each quoted string is a regular expression that must match one
// diagnostic on that line, and every diagnostic must be matched:
//   - on a function's line, its verdict: proved, failed, unknown, unsupported;
//   - on an obligation's line, "KIND: VERDICT" for each obligation not proved;
//   - on an unsupported construct's line, "unsupported: WHAT".

// LineKey is a line of a file.
type LineKey struct {
	File string
	Line int
}

// diagnostics lists what the results say, by line.
func Diagnostics(fset *token.FileSet, results []*ssa.FuncResult) map[LineKey][]string {
	diags := map[LineKey][]string{}
	add := func(pos token.Pos, msg string) {
		p := fset.Position(pos)
		k := LineKey{p.Filename, p.Line}
		diags[k] = append(diags[k], msg)
	}
	for _, r := range results {
		add(r.Target.Pos, string(r.Verdict))
		if r.Verdict == ssa.Unsupported {
			add(r.ReasonPos, "unsupported: "+r.Reason)
		}
		for _, o := range r.Obligations {
			if o.Verdict != ssa.Proved {
				add(o.Pos, fmt.Sprintf("%s: %s", o.Kind, o.Verdict))
			}
		}
	}
	return diags
}

var wantRE = regexp.MustCompile(`// want (.*)$`)

// wants reads the // want comments of the .go and .vspec files under dir.
func Wants(t *testing.T, dir string) map[LineKey][]*regexp.Regexp {
	t.Helper()
	out := map[LineKey][]*regexp.Regexp{}
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !(strings.HasSuffix(path, ".go") || strings.HasSuffix(path, ".vspec")) {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		abs, _ := filepath.Abs(path)
		for i, line := range strings.Split(string(src), "\n") {
			m := wantRE.FindStringSubmatch(line)
			if m == nil {
				continue
			}
			rest := strings.TrimSpace(m[1])
			for rest != "" {
				q, err := strconv.QuotedPrefix(rest)
				if err != nil {
					return fmt.Errorf("%s:%d: bad want comment: %v", path, i+1, err)
				}
				s, _ := strconv.Unquote(q)
				re, err := regexp.Compile(s)
				if err != nil {
					return fmt.Errorf("%s:%d: bad want pattern: %v", path, i+1, err)
				}
				k := LineKey{abs, i + 1}
				out[k] = append(out[k], re)
				rest = strings.TrimSpace(rest[len(q):])
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// CheckWants compares diagnostics with the want comments under dir.
// The want comments inside the spans of skip (functions the run left
// out) do not apply.
func CheckWants(t *testing.T, dir string, fset *token.FileSet, results []*ssa.FuncResult, skip ...LineSpan) {
	t.Helper()
	diags := Diagnostics(fset, results)
	want := Wants(t, dir)
	for k := range want {
		for _, s := range skip {
			if s.contains(k) {
				delete(want, k)
				break
			}
		}
	}
	var keys []LineKey
	seen := map[LineKey]bool{}
	for k := range diags {
		keys, seen[k] = append(keys, k), true
	}
	for k := range want {
		if !seen[k] {
			keys = append(keys, k)
		}
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].File != keys[j].File {
			return keys[i].File < keys[j].File
		}
		return keys[i].Line < keys[j].Line
	})
	for _, k := range keys {
		res := append([]*regexp.Regexp(nil), want[k]...)
		for _, d := range diags[k] {
			matched := false
			for i, re := range res {
				if re != nil && re.MatchString(d) {
					res[i], matched = nil, true
					break
				}
			}
			if !matched {
				t.Errorf("%s:%d: unexpected diagnostic %q", k.File, k.Line, d)
			}
		}
		for _, re := range res {
			if re != nil {
				t.Errorf("%s:%d: no diagnostic matched %q (got %q)", k.File, k.Line, re, diags[k])
			}
		}
	}
}
