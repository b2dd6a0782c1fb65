package z3proc

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"strings"
	"time"

	"github.com/vsynth/vsynth/smt"
)

// Command is the Z3 executable a Solver runs.
var Command = "z3"

var _ smt.Solver = (*Solver)(nil)

// Solver is an smt.Solver backed by a Z3 process (see the package
// documentation). It is used by one goroutine at a time.
type Solver struct {
	scopes [][]*smt.Term // scopes[0] is the base; Push appends one
	proc   *process      // nil until the first check, and after a kill
	sat    bool          // the last check answered sat and nothing changed since
	vars   map[string]bool
	reason string
	closed bool
}

// process is one running `z3 -in`.
type process struct {
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	stdout *bufio.Reader
	stderr *bytes.Buffer
	done   chan struct{} // closed when the process has exited
}

// New returns a solver; its process starts at the first check.
func New() *Solver { return &Solver{scopes: [][]*smt.Term{nil}} }

// NewSolver is New as an smt.Solver constructor.
func NewSolver() (smt.Solver, error) { return New(), nil }

func start() (*process, error) {
	cmd := exec.Command(Command, "-in", "-smt2")
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, fmt.Errorf("z3proc: %w", err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, fmt.Errorf("z3proc: %w", err)
	}
	p := &process{cmd: cmd, stdin: stdin, stdout: bufio.NewReaderSize(stdout, 1<<16), stderr: &bytes.Buffer{}, done: make(chan struct{})}
	cmd.Stderr = p.stderr
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("z3proc: starting %s: %w", Command, err)
	}
	go func() {
		cmd.Wait()
		close(p.done)
	}()
	return p, nil
}

func (p *process) kill() {
	p.cmd.Process.Kill()
	p.stdin.Close()
	<-p.done
}

// Assert adds t to the innermost scope.
func (s *Solver) Assert(t *smt.Term) error {
	if s.closed {
		return errClosed
	}
	if !t.Sort().IsBool() {
		return fmt.Errorf("z3proc: assert: term of sort %s, want Bool", t.Sort())
	}
	last := len(s.scopes) - 1
	s.scopes[last] = append(s.scopes[last], t)
	s.sat = false
	return nil
}

// Push opens a scope.
func (s *Solver) Push() error {
	if s.closed {
		return errClosed
	}
	s.scopes = append(s.scopes, nil)
	s.sat = false
	return nil
}

// Pop discards the innermost scope.
func (s *Solver) Pop() error {
	if s.closed {
		return errClosed
	}
	if len(s.scopes) == 1 {
		return errors.New("z3proc: pop without push")
	}
	s.scopes = s.scopes[:len(s.scopes)-1]
	s.sat = false
	return nil
}

// checkCommand decides the query as smt/z3's NewBitVecSolver does.
const checkCommand = "(check-sat-using (if is-qfbv qfbv smt))\n"

var errClosed = errors.New("z3proc: solver is closed")

func (s *Solver) assertions() []*smt.Term {
	var all []*smt.Term
	for _, sc := range s.scopes {
		all = append(all, sc...)
	}
	return all
}

// Check decides the conjunction of the assertions.
func (s *Solver) Check(ctx context.Context, lim smt.Limits) (smt.Result, error) {
	if s.closed {
		return smt.Unknown, errClosed
	}
	s.sat, s.reason = false, ""
	all := s.assertions()
	script, err := checkScript(all, lim)
	if err != nil {
		return smt.Unknown, err
	}
	r, err := s.decide(ctx, lim, all, script)
	if r == smt.Unknown && err == nil && !limitReason(s.reason) && anyLambda(all) {
		// Z3 4.13.3 gives up on satisfiable queries that compare
		// lambdas ("incomplete (theory array)"), which 4.8.12 decides.
		// Such a query is asked again with each lambda replaced by an
		// array defined by a quantified axiom (equisatisfiable, and the
		// model interprets the query's own variables), with a budget of
		// its own (docs/ci.md, "A native newer Z3").
		rewritten, werr := smt.WithoutLambdas(all)
		if werr != nil {
			return r, nil
		}
		script, err := checkScript(rewritten, lim)
		if err != nil {
			return smt.Unknown, err
		}
		return s.decide(ctx, lim, all, script)
	}
	return r, err
}

// checkScript is the script of one check of the conjunction of all.
func checkScript(all []*smt.Term, lim smt.Limits) ([]byte, error) {
	var q bytes.Buffer
	q.WriteString("(reset)\n(set-option :model.completion true)\n")
	// (reset) keeps Z3's global parameters: both limits are set on every
	// check (no timeout is Z3's default, the largest 32-bit value; no
	// resource limit is 0).
	timeout := int64(1<<32 - 1)
	if lim.Timeout > 0 {
		timeout = min(max(lim.Timeout.Milliseconds(), 1), timeout)
	}
	fmt.Fprintf(&q, "(set-option :timeout %d)\n(set-option :rlimit %d)\n", timeout, lim.RLimit)
	if err := smt.WriteScript(&q, "", all); err != nil {
		return nil, fmt.Errorf("z3proc: writing the query: %w", err)
	}
	// The strategy of smt/z3's NewBitVecSolver: Z3's qfbv tactic on a
	// quantifier-free bit-vector query, its smt tactic on anything else.
	script := bytes.TrimSuffix(q.Bytes(), []byte("(check-sat)\n(exit)\n"))
	return append(script, checkCommand...), nil
}

func anyLambda(ts []*smt.Term) bool {
	for _, t := range ts {
		if smt.HasLambda(t) {
			return true
		}
	}
	return false
}

// limitReason reports whether an unknown answer's reason is a limit or a
// cancellation, which asking again would not change.
func limitReason(reason string) bool {
	switch reason {
	case "timeout", "max. resource limit exceeded", "canceled":
		return true
	}
	return false
}

// decide sends script, which ends in a check command, and reads the answer.
func (s *Solver) decide(ctx context.Context, lim smt.Limits, all []*smt.Term, script []byte) (smt.Result, error) {
	s.sat, s.reason = false, ""
	answer, err := s.ask(ctx, lim, script)
	if err != nil || answer == nil {
		return smt.Unknown, err
	}
	word, err := answer.mustAtom()
	if err != nil {
		return smt.Unknown, fmt.Errorf("z3proc: check: %w", err)
	}
	switch word {
	case "sat":
		s.sat = true
		s.vars = map[string]bool{}
		for _, v := range smt.Vars(all...) {
			s.vars[v.Name()] = true
		}
		return smt.Sat, nil
	case "unsat":
		return smt.Unsat, nil
	case "unknown":
		info, err := s.ask(ctx, lim, []byte("(get-info :reason-unknown)\n"))
		if err != nil || info == nil {
			return smt.Unknown, err
		}
		s.reason = reasonOf(*info, lim)
		return smt.Unknown, nil
	}
	return smt.Unknown, fmt.Errorf("z3proc: unexpected answer %q", word)
}

// reasonOf names the limit behind an unknown answer as smt/z3 does.
func reasonOf(info sexpr, lim smt.Limits) string {
	reason := "incomplete"
	if info.isList() && len(info.list) == 2 {
		reason = unquote(info.list[1].String())
	}
	switch {
	case strings.Contains(reason, "timeout"):
		return "timeout"
	case strings.Contains(reason, "resource limit"):
		return "max. resource limit exceeded"
	case reason == "canceled" && lim.RLimit > 0:
		return "max. resource limit exceeded"
	case reason == "canceled" && lim.Timeout > 0:
		return "timeout"
	}
	return reason
}

// ask sends script and reads one response. When ctx ends or the time
// limit is long past, the process is killed and the answer is nil, with
// the reason set; the next check starts a new process.
func (s *Solver) ask(ctx context.Context, lim smt.Limits, script []byte) (*sexpr, error) {
	if s.proc == nil {
		p, err := start()
		if err != nil {
			return nil, err
		}
		s.proc = p
	}
	p := s.proc
	type response struct {
		e   sexpr
		err error
	}
	got := make(chan response, 1)
	go func() {
		if _, err := p.stdin.Write(script); err != nil {
			got <- response{err: err}
			return
		}
		e, err := readSexpr(p.stdout)
		// An option this Z3 does not know is answered "unsupported"
		// and ignored; the answer of the command follows.
		for err == nil && !e.isList() && e.atom == "unsupported" {
			e, err = readSexpr(p.stdout)
		}
		got <- response{e, err}
	}()
	var watchdog <-chan time.Time
	if lim.Timeout > 0 {
		t := time.NewTimer(lim.Timeout + 2*time.Second)
		defer t.Stop()
		watchdog = t.C
	}
	select {
	case r := <-got:
		if r.err != nil {
			p.kill()
			s.proc = nil
			return nil, fmt.Errorf("z3proc: %s: %w%s", Command, r.err, stderrNote(p))
		}
		if msg, ok := errorResponse(r.e); ok {
			return nil, fmt.Errorf("z3proc: %s: %s", Command, msg)
		}
		return &r.e, nil
	case <-ctx.Done():
		s.reason = "canceled"
	case <-watchdog:
		s.reason = "timeout"
	}
	p.kill()
	<-got
	s.proc = nil
	return nil, nil
}

func stderrNote(p *process) string {
	if msg := strings.TrimSpace(p.stderr.String()); msg != "" {
		return ": " + msg
	}
	return ""
}

// Model returns the model of the last check, which answered sat.
func (s *Solver) Model() (smt.Model, error) {
	if !s.sat || s.proc == nil {
		return nil, errors.New("z3proc: no model: the last check did not answer sat")
	}
	return &model{s: s}, nil
}

// ReasonUnknown explains the last unknown answer.
func (s *Solver) ReasonUnknown() string { return s.reason }

// Name is "z3 VERSION (process)": the proof cache keeps the answers of
// the two ways of running Z3 apart.
func (s *Solver) Name() string { return "z3 " + Version() + " (process)" }

// Close stops the process.
func (s *Solver) Close() error {
	if s.closed {
		return nil
	}
	s.closed = true
	if s.proc != nil {
		s.proc.stdin.Write([]byte("(exit)\n"))
		s.proc.stdin.Close()
		select {
		case <-s.proc.done:
		case <-time.After(2 * time.Second):
			s.proc.kill()
		}
		s.proc = nil
	}
	return nil
}
