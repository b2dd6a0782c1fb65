package ssa

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestDirCacheTrim: Trim removes entries unused for longer than the age
// bound, then the least recently used until the size bound holds; a hit
// (Get) makes an entry recent; files that are not entries stay, stale
// temporary files go.
func TestDirCacheTrim(t *testing.T) {
	dir := t.TempDir()
	c := &DirCache{Dir: dir, Salt: "test"}
	now := time.Date(2026, 12, 7, 12, 0, 0, 0, time.UTC)
	data := make([]byte, 100)
	// key i was last used i days ago.
	for i := range 10 {
		key := fmt.Sprintf("key%d", i)
		if err := c.Put(key, data); err != nil {
			t.Fatal(err)
		}
		when := now.Add(-time.Duration(i) * 24 * time.Hour)
		if err := os.Chtimes(c.path(key), when, when); err != nil {
			t.Fatal(err)
		}
	}
	foreign := filepath.Join(dir, "README")
	os.WriteFile(foreign, []byte("not an entry"), 0o644)
	staleTmp := filepath.Join(filepath.Dir(c.path("key0")), ".tmp-123")
	freshTmp := filepath.Join(filepath.Dir(c.path("key0")), ".tmp-456")
	for _, f := range []string{staleTmp, freshTmp} {
		os.WriteFile(f, data, 0o644)
	}
	old := now.Add(-2 * time.Hour)
	os.Chtimes(staleTmp, old, old)
	os.Chtimes(freshTmp, now, now)

	has := func(key string) bool {
		_, err := os.Stat(c.path(key))
		return err == nil
	}

	// Age: entries unused for more than 7.5 days go (keys 8 and 9).
	st, err := c.Trim(0, 180*time.Hour, now)
	if err != nil {
		t.Fatal(err)
	}
	if st.Entries != 10 || st.Removed != 2 || st.Bytes != 1000 || st.Freed != 200 {
		t.Errorf("age trim: %+v", st)
	}
	for i := range 10 {
		if has(fmt.Sprintf("key%d", i)) != (i < 8) {
			t.Errorf("age trim: key%d present %v", i, !(i < 8))
		}
	}
	if _, err := os.Stat(staleTmp); err == nil {
		t.Error("a temporary file two hours old survived")
	}
	if _, err := os.Stat(freshTmp); err != nil {
		t.Error("a fresh temporary file (a write in progress) was removed")
	}
	if _, err := os.Stat(foreign); err != nil {
		t.Error("a file that is not an entry was removed")
	}

	// A hit makes key7 (the oldest left) the most recently used.
	if _, ok := c.Get("key7"); !ok {
		t.Fatal("key7 missing")
	}
	// Size: 8 entries of 100 bytes down to at most 450: the four least
	// recently used go (6, 5, 4, 3), key7 stays.
	st, err = c.Trim(450, 0, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if st.Entries != 8 || st.Removed != 4 || st.Freed != 400 {
		t.Errorf("size trim: %+v", st)
	}
	for i, want := range map[int]bool{0: true, 1: true, 2: true, 3: false, 4: false, 5: false, 6: false, 7: true} {
		if has(fmt.Sprintf("key%d", i)) != want {
			t.Errorf("size trim: key%d present %v, want %v", i, !want, want)
		}
	}
	// Within both bounds nothing goes.
	if st, err := c.Trim(1000, 0, time.Now()); err != nil || st.Removed != 0 || st.Entries != 4 {
		t.Errorf("trim within bounds: %+v, %v", st, err)
	}
	// A cache never written is not an error.
	if st, err := (&DirCache{Dir: filepath.Join(dir, "none")}).Trim(1, time.Hour, now); err != nil || st.Entries != 0 {
		t.Errorf("missing cache: %+v, %v", st, err)
	}
}

// TestDirCacheTrimDue: a trim is due on a new cache and after the
// interval, not within it.
func TestDirCacheTrimDue(t *testing.T) {
	c := &DirCache{Dir: filepath.Join(t.TempDir(), "cache")}
	now := time.Date(2026, 12, 7, 12, 0, 0, 0, time.UTC)
	if !c.TrimDue(time.Hour, now) {
		t.Error("a new cache: no trim due")
	}
	if c.TrimDue(time.Hour, now.Add(30*time.Minute)) {
		t.Error("half an hour after a trim: a trim is due")
	}
	if !c.TrimDue(time.Hour, now.Add(61*time.Minute)) {
		t.Error("over an hour after a trim: no trim due")
	}
	if c.TrimDue(time.Hour, now.Add(62*time.Minute)) {
		t.Error("a minute after the last trim: a trim is due")
	}
}
