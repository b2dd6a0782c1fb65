package main

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
)

// TestLLMCassettes records, against a scripted fake model, the cassette
// of every testdata/script/synth_llm_*.txtar that has a model.answers
// section (answers served in order, separated by "=== answer" lines) and
// checks that it equals the committed model.cassette: the scripts replay
// exactly what this records. Its record command is the script's
// vsynth line that names --llm-cassette model.cassette, with
// --llm-mode record and the fake server added. After a change to the
// prompts, regenerate with
//
//	VSYNTH_UPDATE_CASSETTES=1 go test ./cmd/vsynth -run TestLLMCassettes
func TestLLMCassettes(t *testing.T) {
	names, err := filepath.Glob("testdata/script/synth_llm_*.txtar")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, name := range names {
		name, _ := filepath.Abs(name) // the recording changes directory
		ar, err := txtar.ParseFile(name)
		if err != nil {
			t.Fatal(err)
		}
		answers, cassetteIdx := -1, -1
		for i, f := range ar.Files {
			switch f.Name {
			case "model.answers":
				answers = i
			case "model.cassette":
				cassetteIdx = i
			}
		}
		if answers < 0 {
			continue
		}
		n++
		t.Run(filepath.Base(name), func(t *testing.T) {
			if cassetteIdx < 0 {
				t.Fatal("model.answers without model.cassette")
			}
			got := recordCassette(t, ar, string(ar.Files[answers].Data))
			if bytes.Equal(got, ar.Files[cassetteIdx].Data) {
				return
			}
			if os.Getenv("VSYNTH_UPDATE_CASSETTES") != "1" {
				t.Fatalf("the committed model.cassette differs from a new recording (prompts changed?): regenerate with VSYNTH_UPDATE_CASSETTES=1 go test ./cmd/vsynth -run TestLLMCassettes\nrecorded:\n%s", got)
			}
			ar.Files[cassetteIdx].Data = got
			if err := os.WriteFile(name, txtar.Format(ar), 0o644); err != nil {
				t.Fatal(err)
			}
		})
	}
	if n == 0 {
		t.Fatal("no script with model.answers")
	}
}

// recordCassette runs the script's record command in a directory of its
// files against a fake model answering answers in order.
func recordCassette(t *testing.T, ar *txtar.Archive, answers string) []byte {
	t.Helper()
	var script []string
	for _, a := range strings.Split(answers, "=== answer\n") {
		if strings.TrimSpace(a) != "" {
			script = append(script, a)
		}
	}
	var mu sync.Mutex
	served := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		if served >= len(script) {
			t.Errorf("the fake model has no answer %d", served+1)
			http.Error(w, "no more answers", http.StatusServiceUnavailable)
			return
		}
		a := script[served]
		served++
		if code, ok := strings.CutPrefix(a, "HTTP "); ok {
			if status, err := strconv.Atoi(strings.TrimSpace(code)); err == nil {
				http.Error(w, "scripted failure", status)
				return
			}
		}
		json.NewEncoder(w).Encode(map[string]any{"choices": []any{map[string]any{"message": map[string]string{"role": "assistant", "content": a}}}})
	}))
	defer srv.Close()
	dir := t.TempDir()
	for _, f := range ar.Files {
		if f.Name == "model.answers" || f.Name == "model.cassette" {
			continue
		}
		p := filepath.Join(dir, f.Name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var args []string
	for _, line := range strings.Split(string(ar.Comment), "\n") {
		fields := strings.Fields(line)
		if len(fields) > 3 && fields[0] == "status" && fields[2] == "vsynth" && strings.Contains(line, "--llm-cassette model.cassette") {
			args = append([]string{"vsynth"}, fields[3:]...)
			break
		}
	}
	if args == nil {
		t.Fatal("no vsynth line with --llm-cassette model.cassette")
	}
	args = append(args[:2:2], append([]string{"--llm-mode", "record", "--llm-url", srv.URL + "/v1", "--llm-model", "fake"}, args[2:]...)...)
	t.Chdir(dir)
	// The script's own stores (as TestScripts gives it), never the
	// user's: proved answers are recorded there, and shown to the model.
	t.Setenv("XDG_CACHE_HOME", filepath.Join(dir, ".cache"))
	var stdout, stderr bytes.Buffer
	code := run(args, &stdout, &stderr)
	if code == exitBadInput {
		t.Fatalf("%s: exit %d\n%s", strings.Join(args, " "), code, stderr.String())
	}
	if served != len(script) {
		t.Errorf("the run asked %d of the %d scripted answers", served, len(script))
	}
	data, err := os.ReadFile(filepath.Join(dir, "model.cassette"))
	if err != nil {
		t.Fatal(err)
	}
	return data
}
