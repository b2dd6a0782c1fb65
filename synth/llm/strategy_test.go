package llm

import (
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/vsynth/vsynth/synth"
)

const (
	isolateWrong = "func IsolateLowest(x uint32) uint32 {\n\treturn x ^ (x - 1)\n}"
	isolateRight = "func IsolateLowest(x uint32) uint32 {\n\treturn x & -x\n}"
)

// TestWrongThenRight: the model is wrong once, then right; the loop
// closes in two calls and the second prompt carries the counterexample.
func TestWrongThenRight(t *testing.T) {
	p := bitops(t)["IsolateLowest"]
	f := newFakeModel(t, goAnswer(isolateWrong), goAnswer(isolateRight))
	s := &Strategy{Model: f.client(&Budget{Max: 10}), ModelName: "fake"}
	res, err := s.Solve(context.Background(), p, budget(30*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	if res.Verdict != synth.Solved || res.LLMCalls != 2 || res.LLMRejected[Refuted] != 1 || res.Strategy != "llm" {
		t.Fatalf("%s, want solved in 2 calls with 1 refuted", describe(res))
	}
	if got := res.Term.String(); got != "(& p0 (neg p0))" {
		t.Errorf("term %s", got)
	}
	second := f.requests[1].Messages[1].Content
	for _, want := range []string{"x ^ (x - 1)", "refuted: at x = ", "it returns ", "violates: ensures ", "func IsolateLowest(x uint32) uint32", "the constants 0, 1", "//vsynth:ensures"} {
		if !strings.Contains(second, want) {
			t.Errorf("second prompt lacks %q:\n%s", want, second)
		}
	}
	if f.requests[0].Model != "fake" || f.requests[0].N != 1 {
		t.Errorf("request model %q n %d", f.requests[0].Model, f.requests[0].N)
	}
}

// TestGarbageThenRight: an answer without code is a parse rejection.
func TestGarbageThenRight(t *testing.T) {
	p := bitops(t)["IsolateLowest"]
	f := newFakeModel(t, answer("I am sorry, I cannot help with bit tricks."), answer("```go\nfunc IsolateLowest(x uint32) uint32 { return x &\n```"), goAnswer(isolateRight))
	res, err := (&Strategy{Model: f.client(nil)}).Solve(context.Background(), p, budget(30*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	if res.Verdict != synth.Solved || res.LLMCalls != 3 || res.LLMRejected["parse"] != 2 {
		t.Fatalf("%s, want solved after 2 parse rejections", describe(res))
	}
}

// TestDangerousCodeRejected: imports, os/exec, loops, recursion and
// calls are rejected before anything could run them — the os/exec
// candidate would create a file if it ran.
func TestDangerousCodeRejected(t *testing.T) {
	p := bitops(t)["IsolateLowest"]
	marker := filepath.Join(t.TempDir(), "executed")
	execCode := "package bitops\n\nimport \"os/exec\"\n\nfunc IsolateLowest(x uint32) uint32 {\n\texec.Command(\"touch\", \"" + marker + "\").Run()\n\treturn x & -x\n}"
	loop := "func IsolateLowest(x uint32) uint32 {\n\tfor {\n\t}\n}"
	recursion := "func IsolateLowest(x uint32) uint32 {\n\treturn IsolateLowest(x)\n}"
	f := newFakeModel(t, goAnswer(execCode), goAnswer(loop), goAnswer(recursion), goAnswer("func IsolateLowest(x uint64) uint64 { return x & -x }"), goAnswer("func IsolateLowest(x uint32) uint32 { return x & y }"), goAnswer(isolateRight))
	res, err := (&Strategy{Model: f.client(nil)}).Solve(context.Background(), p, budget(30*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{"grammar": 3, "signature": 1, "type": 1}
	if res.Verdict != synth.Solved || res.LLMCalls != 6 || len(res.LLMRejected) != len(want) {
		t.Fatalf("%s, want solved after %v", describe(res), want)
	}
	for k, v := range want {
		if res.LLMRejected[k] != v {
			t.Errorf("rejected %v, want %v", res.LLMRejected, want)
		}
	}
	if _, err := os.Stat(marker); err == nil {
		t.Fatal("the os/exec candidate ran")
	}
}

// TestRetryThenOK: a 429 is retried and both attempts count.
func TestRetryThenOK(t *testing.T) {
	p := bitops(t)["IsolateLowest"]
	f := newFakeModel(t, status(429, `{"error":{"message":"slow down"}}`), goAnswer(isolateRight))
	b := &Budget{Max: 5}
	res, err := (&Strategy{Model: f.client(b)}).Solve(context.Background(), p, budget(30*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	if res.Verdict != synth.Solved || res.LLMCalls != 2 || b.Used() != 2 || f.count() != 2 {
		t.Fatalf("%s, budget used %d, want solved in 2 attempts", describe(res), b.Used())
	}
}

// TestClientErrors: each failure is one line naming what went wrong.
func TestClientErrors(t *testing.T) {
	p := bitops(t)["IsolateLowest"]
	closed := newFakeModel(t, goAnswer(isolateRight))
	closedURL := closed.srv.URL
	closed.srv.Close()
	cases := []struct {
		name  string
		model *HTTPClient
		want  string
		calls int // requests the server saw
	}{
		{"500s exhaust the retries", newFakeModel(t, status(500, "boom")).client(nil), "HTTP 500 Internal Server Error after 3 attempts: boom", 3},
		{"timeout", func() *HTTPClient {
			c := newFakeModel(t, stall(5*time.Second)).client(nil)
			c.Timeout = 100 * time.Millisecond
			return c
		}(), "no answer within 100ms", 1},
		{"malformed JSON", newFakeModel(t, raw(`{"choices": [`)).client(nil), "malformed JSON response", 1},
		{"empty choices", newFakeModel(t, raw(`{"choices": []}`)).client(nil), "the response has no choices", 1},
		{"unreachable", &HTTPClient{BaseURL: closedURL + "/v1", Timeout: time.Second}, "cannot connect", 0},
		{"client error", newFakeModel(t, status(404, "no such model")).client(nil), "HTTP 404 Not Found: no such model", 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := (&Strategy{Model: c.model}).Solve(context.Background(), p, budget(30*time.Second))
			if err == nil || !strings.Contains(err.Error(), c.want) || strings.Contains(err.Error(), "\n") {
				t.Fatalf("error %v, want one line with %q", err, c.want)
			}
			if !strings.HasPrefix(err.Error(), "llm: POST http://127.0.0.1:") {
				t.Errorf("error %q does not name the endpoint", err)
			}
		})
	}
}

// TestBudgetSpent: a model that is always wrong stops at the budget.
func TestBudgetSpent(t *testing.T) {
	p := bitops(t)["IsolateLowest"]
	f := newFakeModel(t, goAnswer(isolateWrong), goAnswer("func IsolateLowest(x uint32) uint32 { return x | 1 }"), goAnswer("func IsolateLowest(x uint32) uint32 { return x }"))
	res, err := (&Strategy{Model: f.client(&Budget{Max: 3})}).Solve(context.Background(), p, budget(30*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	if res.Verdict != synth.Unsolved || res.LLMCalls != 3 || f.count() != 3 || !strings.Contains(res.Reason, "budget") {
		t.Fatalf("%s, want unsolved after 3 calls", describe(res))
	}
	if res.LLMRejected[Refuted] != 3 {
		t.Errorf("rejected %v, want 3 refuted", res.LLMRejected)
	}
}

// TestKeyNeverLeaks: the key is sent as a bearer token and appears
// nowhere else, even when the server echoes it in an error.
func TestKeyNeverLeaks(t *testing.T) {
	const key = "sk-test-0123456789-secret"
	p := bitops(t)["IsolateLowest"]
	echo := func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(401)
		io.WriteString(w, "bad credentials: "+r.Header.Get("Authorization"))
	}
	f := newFakeModel(t, echo)
	c := f.client(nil)
	c.APIKey = key
	_, err := (&Strategy{Model: c}).Solve(context.Background(), p, budget(30*time.Second))
	if err == nil || strings.Contains(err.Error(), key) || !strings.Contains(err.Error(), "401") {
		t.Fatalf("error %v: want a 401 without the key", err)
	}
	if f.auth[0] != "Bearer "+key {
		t.Errorf("Authorization %q", f.auth[0])
	}
	// Recorded: the cassette holds neither key nor URL.
	g := newFakeModel(t, goAnswer(isolateRight))
	gc := g.client(nil)
	gc.APIKey = key
	path := filepath.Join(t.TempDir(), "c.json")
	cas, err := OpenCassette(path, Record, gc, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := (&Strategy{Model: cas}).Solve(context.Background(), p, budget(30*time.Second)); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(data), key) || strings.Contains(string(data), g.srv.URL) || strings.Contains(string(data), "127.0.0.1") {
		t.Errorf("the cassette holds the key or the URL:\n%s", data)
	}
}

// TestSeveralChoices: every choice of an answer is judged; the loop
// closes in one call when a later choice is right.
func TestSeveralChoices(t *testing.T) {
	p := bitops(t)["IsolateLowest"]
	f := newFakeModel(t, answer("```go\n"+isolateWrong+"\n```", "```go\n"+isolateRight+"\n```"))
	res, err := (&Strategy{Model: f.client(nil), Samples: 2}).Solve(context.Background(), p, budget(30*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	if res.Verdict != synth.Solved || res.LLMCalls != 1 || res.LLMRejected[Refuted] != 1 || f.requests[0].N != 2 {
		t.Fatalf("%s n=%d, want solved in one call of n=2", describe(res), f.requests[0].N)
	}
}

// TestRetryAfter: a 429's Retry-After (seconds) is waited instead of
// the backoff.
func TestRetryAfter(t *testing.T) {
	p := bitops(t)["IsolateLowest"]
	busy := func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "1")
		w.WriteHeader(http.StatusTooManyRequests)
	}
	f := newFakeModel(t, busy, goAnswer(isolateRight))
	start := time.Now()
	res, err := (&Strategy{Model: f.client(nil)}).Solve(context.Background(), p, budget(30*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	if res.Verdict != synth.Solved || res.LLMCalls != 2 || time.Since(start) < time.Second {
		t.Fatalf("%s after %v, want solved in 2 calls after waiting 1s", describe(res), time.Since(start))
	}
}
