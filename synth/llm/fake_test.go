package llm

import (
	"encoding/json"
	"fmt"
	"go/token"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/vsynth/vsynth/internal/testlimits"
	"github.com/vsynth/vsynth/specs"
	"github.com/vsynth/vsynth/synth"
)

// fakeModel is a scripted chat-completions server: each request gets the
// next step of the script (the last one repeats).
type fakeModel struct {
	srv      *httptest.Server
	mu       sync.Mutex
	script   []step
	requests []Request
	auth     []string
}

// step is one scripted answer.
type step func(w http.ResponseWriter, r *http.Request)

// answer is a well-formed response with the given choices.
func answer(choices ...string) step {
	return func(w http.ResponseWriter, r *http.Request) {
		var resp struct {
			Choices []map[string]any `json:"choices"`
		}
		resp.Choices = []map[string]any{}
		for i, c := range choices {
			resp.Choices = append(resp.Choices, map[string]any{"index": i, "message": map[string]string{"role": "assistant", "content": c}})
		}
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(resp)
	}
}

// goAnswer is a response with one ```go block.
func goAnswer(code string) step { return answer("Here it is:\n```go\n" + code + "\n```\n") }

func status(code int, body string) step {
	return func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(code)
		io.WriteString(w, body)
	}
}

func raw(body string) step {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, body)
	}
}

func stall(d time.Duration) step {
	return func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(d):
		}
	}
}

func newFakeModel(t *testing.T, script ...step) *fakeModel {
	f := newFakeModelB(t, script...)
	t.Cleanup(f.srv.Close)
	return f
}

// newFakeModelB is newFakeModel for benchmarks too: the caller closes
// the server; errors go to tb.
func newFakeModelB(tb testing.TB, script ...step) *fakeModel {
	f := &fakeModel{script: script}
	f.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost || r.URL.Path != "/v1/chat/completions" {
			tb.Errorf("fake model: %s %s", r.Method, r.URL.Path)
			http.NotFound(w, r)
			return
		}
		var req Request
		if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
			tb.Errorf("fake model: request body: %v", err)
		}
		f.mu.Lock()
		f.requests = append(f.requests, req)
		f.auth = append(f.auth, r.Header.Get("Authorization"))
		s := f.script[min(len(f.requests), len(f.script))-1]
		f.mu.Unlock()
		s(w, r)
	}))
	return f
}

func (f *fakeModel) client(budget *Budget) *HTTPClient {
	return &HTTPClient{BaseURL: f.srv.URL + "/v1", Timeout: 5 * time.Second, Retries: 2, Backoff: time.Millisecond, Budget: budget}
}

func (f *fakeModel) count() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.requests)
}

// bitops loads the example's problems by function name.
func bitops(t testing.TB) map[string]*synth.Problem {
	t.Helper()
	const name = "../../examples/synth/bitops.vspec"
	src, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	f, err := specs.ParseFile(fset, name, src)
	if err != nil {
		t.Fatal(err)
	}
	targets, err := synth.FromVspec(fset, f, &synth.Prover{Limits: testlimits.Limits})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]*synth.Problem{}
	for _, tg := range targets {
		out[tg.Problem.GoName] = tg.Problem
	}
	return out
}

func budget(d time.Duration) synth.Budget {
	return synth.Budget{Timeout: d, MaxSize: 12, MaxTerms: 2_000_000, Improve: time.Second}
}

func describe(res *synth.Result) string {
	return fmt.Sprintf("%s %q calls=%d rejected=%v llm_error=%q", res.Verdict, res.Reason, res.LLMCalls, res.LLMRejected, res.LLMError)
}
