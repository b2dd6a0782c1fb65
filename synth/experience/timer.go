package experience

import (
	"context"
	"sync"
	"time"

	"github.com/vsynth/vsynth/synth"
)

// ProofTimer remembers how long the proofs of a problem's candidates
// took, to record the answer's.
type ProofTimer struct {
	mu     sync.Mutex
	proved map[string]time.Duration
}

// TimeProofs wraps p.Verify so that the time of every proved candidate
// is remembered.
func TimeProofs(p *synth.Problem) *ProofTimer {
	pt := &ProofTimer{proved: map[string]time.Duration{}}
	verify := p.Verify
	if verify == nil {
		return pt
	}
	p.Verify = func(ctx context.Context, t *synth.Term) (*synth.Check, error) {
		start := time.Now()
		c, err := verify(ctx, t)
		if err == nil && c != nil && c.Verdict == synth.CheckProved {
			pt.mu.Lock()
			pt.proved[t.String()] = time.Since(start)
			pt.mu.Unlock()
		}
		return c, err
	}
	return pt
}

// ProofTime is how long t's proof took (0 when none was seen).
func (pt *ProofTimer) ProofTime(t *synth.Term) time.Duration {
	pt.mu.Lock()
	defer pt.mu.Unlock()
	return pt.proved[t.String()]
}
