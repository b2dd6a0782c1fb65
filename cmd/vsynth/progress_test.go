package main

import (
	"bytes"
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
