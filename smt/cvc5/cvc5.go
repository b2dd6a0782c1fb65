package cvc5

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"strings"
	"time"

	"github.com/vsynth/vsynth/smt"
)

// Command is the cvc5 executable run by Check.
var Command = "cvc5"

// Check decides the conjunction of assertions with cvc5. With a timeout
// in lim, cvc5 is given that time limit and killed shortly after it; a
// check that runs out of time is Unknown with reason "timeout".
func Check(ctx context.Context, assertions []*smt.Term, lim smt.Limits) (smt.Result, string, error) {
	// cvc5 reads (lambda ...) as a function, not an array: each lambda
	// becomes an array constant defined by a quantified axiom.
	assertions, err := smt.WithoutLambdas(assertions)
	if err != nil {
		return smt.Unknown, "", fmt.Errorf("cvc5: %w", err)
	}
	var script bytes.Buffer
	if err := smt.WriteScript(&script, smt.Logic(assertions), assertions); err != nil {
		return smt.Unknown, "", fmt.Errorf("cvc5: writing the query: %w", err)
	}
	args := []string{"--lang=smt2"}
	if lim.Timeout > 0 {
		args = append(args, fmt.Sprintf("--tlimit=%d", max(lim.Timeout.Milliseconds(), 1)))
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, lim.Timeout+2*time.Second)
		defer cancel()
	}
	cmd := exec.CommandContext(ctx, Command, args...)
	cmd.Stdin = &script
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err = cmd.Run()
	answer := strings.TrimSpace(stdout.String())
	if i := strings.IndexByte(answer, '\n'); i >= 0 {
		answer = answer[:i]
	}
	switch answer {
	case "unsat":
		return smt.Unsat, "", nil
	case "sat":
		return smt.Sat, "", nil
	case "unknown":
		return smt.Unknown, "incomplete", nil
	}
	if ctx.Err() != nil {
		return smt.Unknown, "timeout", nil
	}
	var ee *exec.ExitError
	if errors.As(err, &ee) && (strings.Contains(stderr.String()+stdout.String(), "time limit") || strings.Contains(stderr.String()+stdout.String(), "interrupted by timeout")) {
		return smt.Unknown, "timeout", nil
	}
	msg := strings.TrimSpace(stderr.String() + " " + stdout.String())
	if err != nil {
		return smt.Unknown, "", fmt.Errorf("cvc5: %w: %s", err, msg)
	}
	return smt.Unknown, "", fmt.Errorf("cvc5: unexpected answer %q", msg)
}

// Version is the first line of `cvc5 --version`.
func Version() (string, error) {
	out, err := exec.Command(Command, "--version").Output()
	if err != nil {
		return "", fmt.Errorf("cvc5: %w", err)
	}
	line, _, _ := strings.Cut(string(out), "\n")
	return strings.TrimSpace(line), nil
}
