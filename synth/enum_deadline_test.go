package synth

import (
	"context"
	"sync/atomic"
	"testing"
	"time"
)

// pastDeadline is a context whose deadline has passed but whose timer
// has not fired (Err is nil): what a loaded machine shows for a while.
type pastDeadline struct{ context.Context }

func (pastDeadline) Deadline() (time.Time, bool) { return time.Now().Add(-time.Second), true }

// TestEnumeratorReadsTheClock: the enumerator stops at a deadline that
// has passed even when the context's timer has not fired yet.
func TestEnumeratorReadsTheClock(t *testing.T) {
	for _, w := range []int{1, 2} {
		e := &Enumerator{Grammar: enumGrammar(), MaxSize: 6, Workers: w}
		out, _, counts := e.Run(pastDeadline{context.Background()}, enumPoints(16), func(*Search, int32, []uint64) bool { return false })
		if out != OutOfBudget || counts.Built > deadlineEvery {
			t.Errorf("%d workers: outcome %v after %d combinations; want OutOfBudget within %d", w, out, counts.Built, deadlineEvery)
		}
	}
}

// TestEnumeratorStopsWithinBlock bounds the work done after the
// deadline by counting, not by time: every combination passes Skip, which
// cancels the context at the 20000th; at most deadlineEvery more per
// worker may follow.
func TestEnumeratorStopsWithinBlock(t *testing.T) {
	for _, w := range []int{1, 2, 4} {
		ctx, cancel := context.WithCancel(context.Background())
		var calls, after atomic.Int64
		var canceled atomic.Bool
		skip := func(*Search, int, int, []int32) bool {
			if canceled.Load() {
				after.Add(1)
			} else if calls.Add(1) == 20000 {
				canceled.Store(true)
				cancel()
			}
			return false
		}
		e := &Enumerator{Grammar: enumGrammar(), MaxSize: 6, Workers: w, Skip: skip}
		out, _, _ := e.Run(ctx, enumPoints(200), func(*Search, int32, []uint64) bool { return false })
		cancel()
		if out != OutOfBudget || !canceled.Load() {
			t.Fatalf("%d workers: outcome %v, canceled %v; want OutOfBudget after the cancel", w, out, canceled.Load())
		}
		if n := after.Load(); n > int64(w*deadlineEvery) {
			t.Errorf("%d workers: %d combinations after the deadline; want at most %d", w, n, w*deadlineEvery)
		}
	}
}

// TestUnitsBounded: a level's blocks each hold at most blockCombos
// combinations of a two-hole production, however large the banks, and
// together they hold every combination once.
func TestUnitsBounded(t *testing.T) {
	var s *search
	e := &Enumerator{Grammar: enumGrammar(), MaxSize: 3, Workers: 1}
	e.Run(context.Background(), enumPoints(16), func(p *Search, _ int32, _ []uint64) bool { s = p.s; return false })
	const size = 5
	for len(s.bank[0]) <= size {
		s.bank[0] = append(s.bank[0], nil)
	}
	big := 0
	for _, b := range s.bank[0][:size] {
		big = max(big, len(b))
	}
	if big <= blockCombos {
		t.Fatalf("largest bank %d: the test needs one over %d", big, blockCombos)
	}
	got := map[int]int{} // production: combinations
	for _, u := range s.units(size) {
		p := s.g.NTs[u.nt].Prods[u.prod]
		if len(p.Holes) != 2 {
			continue
		}
		b0, b1 := s.bank[0][u.sizes[0]], s.bank[0][u.sizes[1]]
		lo1, hi1 := 0, len(b1)
		if u.hi1 > 0 {
			lo1, hi1 = u.lo1, u.hi1
		}
		n := (u.hi - u.lo) * (hi1 - lo1)
		if n > blockCombos && (u.hi-u.lo > 1 || hi1-lo1 > 1) {
			t.Errorf("block of %d combinations (%d x %d): want at most %d", n, u.hi-u.lo, hi1-lo1, blockCombos)
		}
		if u.lo < 0 || u.hi > len(b0) || lo1 < 0 || hi1 > len(b1) {
			t.Errorf("block out of its banks: %+v", u)
		}
		got[u.prod] += n
	}
	for pi, p := range s.g.NTs[0].Prods {
		if len(p.Holes) != 2 {
			continue
		}
		want := 0
		for a := 0; a <= size-1; a++ {
			if s.symmetric(p) && a > size-1-a {
				continue // commutative: sizes in order (pairs are ordered inside a block)
			}
			want += len(s.bank[0][a]) * len(s.bank[0][size-1-a])
		}
		if got[pi] != want {
			t.Errorf("production %d: blocks hold %d combinations, want %d", pi, got[pi], want)
		}
	}
}

// TestEnumeratorDeterministicSplitBlocks: blocks split on the second
// hole (a bank over blockCombos at size 3) keep the one-worker order with
// several workers.
func TestEnumeratorDeterministicSplitBlocks(t *testing.T) {
	want, _, wantCount := enumTrace(1, 4, 0)
	for _, w := range []int{2, 4} {
		got, out, count := enumTrace(w, 4, 0)
		if got != want || out != SizeLimit || count != wantCount {
			t.Errorf("%d workers: outcome %v, %v built; one worker: %v built, same trace %v", w, out, count, wantCount, got == want)
		}
	}
}
