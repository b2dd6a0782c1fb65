package rules

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// TestAppendAtomicConcurrent: concurrent appends all land, and the file
// parses at every point a reader could look.
func TestAppendAtomicConcurrent(t *testing.T) {
	path := filepath.Join(t.TempDir(), "learned.rules")
	if err := os.WriteFile(path, []byte("// header\nfirst: x + 0 => x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	stop := make(chan struct{})
	readerErr := make(chan error, 1)
	go func() {
		for {
			select {
			case <-stop:
				readerErr <- nil
				return
			default:
			}
			src, err := os.ReadFile(path)
			if err != nil {
				readerErr <- err
				return
			}
			if _, err := Parse(path, src); err != nil {
				readerErr <- fmt.Errorf("a reader saw a broken file: %w", err)
				return
			}
		}
	}()
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := AppendAtomic(path, fmt.Sprintf("// provenance %d\nr%d: x * %d => %d * x\n", i, i, i, i)); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	close(stop)
	if err := <-readerErr; err != nil {
		t.Fatal(err)
	}
	src, _ := os.ReadFile(path)
	rs, err := Parse(path, src)
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != 9 {
		t.Errorf("%d rules after 8 appends to 1, want 9:\n%s", len(rs), src)
	}
	leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".learned.rules.tmp*"))
	if len(leftovers) > 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
}

// TestAppendAtomicRefusesBadRules: an append that would not parse leaves
// the file as it was.
func TestAppendAtomicRefusesBadRules(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.rules")
	orig := "a: x + 0 => x\n"
	os.WriteFile(path, []byte(orig), 0o644)
	err := AppendAtomic(path, "a: x - 0 => x\n") // duplicate name
	if err == nil || !strings.Contains(err.Error(), "already defined") {
		t.Errorf("err = %v", err)
	}
	if got, _ := os.ReadFile(path); string(got) != orig {
		t.Errorf("file changed to %q", got)
	}
}
