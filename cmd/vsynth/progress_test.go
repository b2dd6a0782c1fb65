package main

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/vsynth/vsynth/ssa"
)

// TestProgressLine drives the progress line with a fake clock: nothing in
// the first second, then "done/total, refuted" redrawn in place, erased at
// the end.
func TestProgressLine(t *testing.T) {
	var buf bytes.Buffer
	now := time.Unix(0, 0)
	p := &progress{w: &buf, total: 3, delay: time.Second, every: 100 * time.Millisecond, nowFunc: func() time.Time { return now }}
	p.start = now
	p.update(&ssa.FuncResult{Verdict: ssa.Failed})
	if buf.Len() != 0 {
		t.Fatalf("progress drawn before a second: %q", buf.String())
	}
	now = now.Add(1500 * time.Millisecond)
	p.update(&ssa.FuncResult{Verdict: ssa.Proved})
	if got, want := buf.String(), "\rvsynth: 2/3 functions, 1 refuted\x1b[K"; got != want {
		t.Fatalf("progress = %q, want %q", got, want)
	}
	now = now.Add(10 * time.Millisecond)
	p.update(&ssa.FuncResult{Verdict: ssa.Failed})
	if !strings.HasSuffix(buf.String(), "\rvsynth: 3/3 functions, 2 refuted\x1b[K") {
		t.Fatalf("the last function is always drawn: %q", buf.String())
	}
	p.finish()
	if !strings.HasSuffix(buf.String(), "\r\x1b[K") {
		t.Fatalf("the line is not erased: %q", buf.String())
	}
}

// TestProgressOffWhenNotATerminal checks that nothing is drawn on a pipe
// or a file, or with a machine format.
func TestProgressOffWhenNotATerminal(t *testing.T) {
	var buf bytes.Buffer
	for _, text := range []bool{true, false} {
		p := newProgress(&buf, 10, text)
		p.start = p.start.Add(-time.Hour)
		p.update(&ssa.FuncResult{Verdict: ssa.Failed})
		p.finish()
	}
	if buf.Len() != 0 {
		t.Fatalf("progress written to a buffer: %q", buf.String())
	}
}

// TestProgressNotTerminal checks that the progress line stays off where it
// cannot be redrawn: /dev/null (a character device, not a terminal), a
// pipe, and a real terminal when $TERM is dumb.
func TestProgressNotTerminal(t *testing.T) {
	null, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer null.Close()
	if isTerminal(null) {
		t.Errorf("%s is taken for a terminal", os.DevNull)
	}
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	if isTerminal(w) {
		t.Errorf("a pipe is taken for a terminal")
	}
	if p := newProgress(null, 3, true); p.w != nil {
		t.Errorf("progress drawn on %s", os.DevNull)
	}
	if canRedraw(true, "dumb") || !canRedraw(true, "xterm-256color") || !canRedraw(true, "") || canRedraw(false, "xterm") {
		t.Errorf("canRedraw: a dumb terminal or a non-terminal redraws, or a capable one does not")
	}
}
