package main

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLLMKeyNotPrinted: the key from VSYNTH_LLM_API_KEY reaches the
// server as a bearer token, and neither stdout, stderr, the cassette nor
// the store holds it, even when the server echoes it in an error.
func TestLLMKeyNotPrinted(t *testing.T) {
	const key = "sk-cli-test-key-9f8e7d6c5b4a"
	var got string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got = r.Header.Get("Authorization")
		w.WriteHeader(http.StatusUnauthorized)
		io.WriteString(w, `{"error": {"message": "invalid key `+got+`"}}`)
	}))
	defer srv.Close()
	dir := t.TempDir()
	spec := "package p\n\nsynth func Lowest(x uint32) uint32\n\tops & neg\n\tensures x == 0 ==> result == 0\n\tensures x != 0 ==> result == x & ^(x - 1)\n"
	if err := os.MkdirAll(filepath.Join(dir, "p"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "p", "p.vspec"), []byte(spec), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	t.Setenv("VSYNTH_LLM_API_KEY", key)
	t.Setenv("XDG_CACHE_HOME", filepath.Join(dir, "cache"))
	var stdout, stderr bytes.Buffer
	code := run([]string{"vsynth", "synth", "--format", "json", "--llm-url", srv.URL + "/v1", "--llm-model", "m", "--llm-cassette", "c.json", "--llm-mode", "record", "p"}, &stdout, &stderr)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if got != "Bearer "+key {
		t.Errorf("the server got Authorization %q", got)
	}
	if !strings.Contains(stderr.String(), "HTTP 401") {
		t.Errorf("stderr lacks the 401:\n%s", stderr.String())
	}
	for name, text := range map[string]string{"stdout": stdout.String(), "stderr": stderr.String()} {
		if strings.Contains(text, key) {
			t.Errorf("%s holds the key:\n%s", name, text)
		}
	}
	filepath.Walk(dir, func(path string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			data, _ := os.ReadFile(path)
			if bytes.Contains(data, []byte(key)) {
				t.Errorf("%s holds the key", path)
			}
		}
		return nil
	})
}
