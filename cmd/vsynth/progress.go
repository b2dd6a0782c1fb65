package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"golang.org/x/term"

	"github.com/vsynth/vsynth/ssa"
)

// progress draws a live line on a terminal for runs longer than a second:
// functions done of the total and how many are refuted so far. It draws
// nothing when stderr is not a terminal (or $TERM is dumb) or the report
// is machine-readable.
type progress struct {
	mu      sync.Mutex
	w       io.Writer // nil when disabled
	total   int
	done    int
	failed  int
	start   time.Time
	last    time.Time
	drawn   bool
	delay   time.Duration // how long a run goes before the line appears
	every   time.Duration // least time between redraws
	nowFunc func() time.Time
}

func newProgress(w io.Writer, total int, textFormat bool) *progress {
	p := &progress{total: total, delay: time.Second, every: 100 * time.Millisecond, nowFunc: time.Now}
	if textFormat && isTerminal(w) {
		p.w = w
	}
	p.start = p.nowFunc()
	return p
}

// isTerminal reports whether w is a terminal that can redraw a line: a
// file the terminal driver answers for (not merely a character device such
// as /dev/null), with $TERM other than "dumb".
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && canRedraw(term.IsTerminal(int(f.Fd())), os.Getenv("TERM"))
}

// canRedraw reports whether a terminal (tty) whose $TERM is termEnv can
// redraw a line with \r and an erase sequence: a dumb one cannot.
func canRedraw(tty bool, termEnv string) bool {
	return tty && termEnv != "dumb"
}

// update records one function's result; it is called from the workers.
func (p *progress) update(r *ssa.FuncResult) {
	if p.w == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done++
	if r.Verdict == ssa.Failed {
		p.failed++
	}
	now := p.nowFunc()
	if now.Sub(p.start) < p.delay || now.Sub(p.last) < p.every && p.done < p.total {
		return
	}
	p.last = now
	p.drawn = true
	fmt.Fprintf(p.w, "\rvsynth: %d/%d functions, %d refuted\x1b[K", p.done, p.total, p.failed)
}

// finish erases the line.
func (p *progress) finish() {
	if p.w == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.drawn {
		fmt.Fprint(p.w, "\r\x1b[K")
	}
}
