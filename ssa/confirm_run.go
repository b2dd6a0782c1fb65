package ssa

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Each counterexample runs in a process of its own — the replay binary
// of its package with its index — under the time limit (the process is
// killed when it is reached) and the address-space limit the binary sets
// itself on Linux, so that a case that loops or allocates without bound
// costs only itself. The report follows a random marker on stdout, which
// the function under test cannot print by chance.

// runAll runs every case of b, opts.Jobs at a time.
func (b *replayBuild) runAll(ctx context.Context, opts ConfirmOptions) error {
	marker, err := replayMarker()
	if err != nil {
		return err
	}
	next := make(chan *confirmCase)
	var wg sync.WaitGroup
	for range opts.Jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for c := range next {
				c.outcome = b.runCase(ctx, c, marker, opts)
			}
		}()
	}
	for _, c := range b.cases {
		if c.verdict == "" {
			next <- c
		}
	}
	close(next)
	wg.Wait()
	if ctx.Err() != nil {
		return fmt.Errorf("confirm: %w", ctx.Err())
	}
	return nil
}

// replayMarker is a random marker for the reports of replays.
func replayMarker() (string, error) {
	var nonce [12]byte
	if _, err := rand.Read(nonce[:]); err != nil {
		return "", fmt.Errorf("confirm: %w", err)
	}
	return "vsynth-replay-" + hex.EncodeToString(nonce[:]) + ":", nil
}

// runCase runs one case and reads its report.
func (b *replayBuild) runCase(ctx context.Context, c *confirmCase, marker string, opts ConfirmOptions) *replayOutcome {
	cctx, cancel := context.WithTimeout(ctx, opts.Timeout)
	defer cancel()
	cmd := exec.CommandContext(cctx, b.binaries[c.res.Target.Package], strconv.Itoa(c.index), marker, strconv.FormatUint(opts.Memory, 10))
	cmd.Dir = b.work
	cmd.WaitDelay = time.Second
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	return readOutcome(stdout.Bytes(), stderr.Bytes(), err, cctx.Err() != nil && ctx.Err() == nil, marker, opts)
}

// readOutcome interprets how a replay process ended.
func readOutcome(stdout, stderr []byte, runErr error, timedOut bool, marker string, opts ConfirmOptions) *replayOutcome {
	if timedOut {
		return &replayOutcome{crash: fmt.Sprintf("Go did not finish within %s", opts.Timeout)}
	}
	if i := bytes.LastIndex(stdout, []byte(marker)); i >= 0 && runErr == nil {
		line, _, _ := bytes.Cut(stdout[i+len(marker):], []byte("\n"))
		var o replayOutcome
		if err := json.Unmarshal(line, &o); err != nil {
			return &replayOutcome{crash: fmt.Sprintf("the replay's report is garbled: %v", err)}
		}
		return &o
	}
	msg := firstLines(stderr, 1)
	switch {
	case bytes.Contains(stderr, []byte("out of memory")):
		return &replayOutcome{crash: fmt.Sprintf("Go needs more than the replay's memory limit (%s) for it: %s", byteSize(opts.Memory), msg)}
	case bytes.Contains(stderr, []byte("stack exceeds")) || bytes.Contains(stderr, []byte("stack overflow")):
		return &replayOutcome{crash: "Go overflowed the stack: " + msg}
	}
	var ee *exec.ExitError
	switch {
	case errors.As(runErr, &ee):
		if msg == "" {
			msg = ee.String()
		}
		return &replayOutcome{crash: "the replay process died: " + msg}
	case runErr != nil:
		return &replayOutcome{crash: "the replay could not run: " + runErr.Error()}
	}
	return &replayOutcome{crash: "the replay exited without a report (the function ended the process)"}
}

// byteSize writes n bytes in GiB or MiB.
func byteSize(n uint64) string {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return fmt.Sprintf("%d GiB", n>>30)
	case n >= 1<<20:
		return strings.TrimSuffix(fmt.Sprintf("%.1f", float64(n)/(1<<20)), ".0") + " MiB"
	}
	return fmt.Sprintf("%d bytes", n)
}
