package llm

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Message is one chat message.
type Message struct {
	Role    string `json:"role"`
	Content string `json:"content"`
}

// Request is one chat-completions request.
type Request struct {
	Model       string    `json:"model"`
	Messages    []Message `json:"messages"`
	Temperature float64   `json:"temperature"`
	N           int       `json:"n"`
}

// Response is a model's answer: the content of each choice, and the
// HTTP attempts it took (retries included).
type Response struct {
	Choices  []string
	Attempts int
}

// Completer answers chat-completions requests: the HTTP client, or a
// cassette in front of one.
type Completer interface {
	Complete(ctx context.Context, req *Request) (*Response, error)
}

// ErrBudget is returned when the call budget is spent.
var ErrBudget = errors.New("llm: call budget exhausted")

// Budget bounds the requests sent to a model (every HTTP attempt counts,
// retries included). It is safe for concurrent use; nil means unbounded.
type Budget struct {
	Max int // 0: unbounded

	mu   sync.Mutex
	used int
}

// take reserves n calls.
func (b *Budget) take(n int) error {
	if b == nil {
		return nil
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.Max > 0 && b.used+n > b.Max {
		return ErrBudget
	}
	b.used += n
	return nil
}

// spent reports whether no call is left.
func (b *Budget) spent() bool {
	if b == nil {
		return false
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.Max > 0 && b.used >= b.Max
}

// Used is the number of calls made.
func (b *Budget) Used() int {
	if b == nil {
		return 0
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.used
}

// HTTPClient is an OpenAI-compatible chat-completions client: it POSTs
// {BaseURL}/chat/completions (served by OpenAI, vLLM, llama.cpp's server
// and Ollama's /v1).
type HTTPClient struct {
	BaseURL string // e.g. http://localhost:8080/v1
	// APIKey, when set, is sent as a bearer token. It is never written
	// anywhere else: errors have it scrubbed, cassettes do not hold it.
	APIKey  string
	Timeout time.Duration // per attempt; 0: none
	// Retries is how many times a 429 or 5xx answer is retried; Backoff is
	// the first wait (doubled each time; a Retry-After header of at most
	// a minute is honoured instead).
	Retries int
	Backoff time.Duration
	Budget  *Budget
	HTTP    *http.Client // nil: a client of its own
}

type chatResponse struct {
	Choices []struct {
		Message struct {
			Content *string `json:"content"`
		} `json:"message"`
	} `json:"choices"`
	Error *struct {
		Message string `json:"message"`
	} `json:"error"`
}

// Complete implements Completer. On an error, the response, when not
// nil, says how many attempts were sent (they count as calls).
func (c *HTTPClient) Complete(ctx context.Context, req *Request) (*Response, error) {
	attempts := 0
	resp, err := c.complete(ctx, req, &attempts)
	if err != nil && attempts > 0 {
		return &Response{Attempts: attempts}, err
	}
	return resp, err
}

func (c *HTTPClient) complete(ctx context.Context, req *Request, attempts *int) (*Response, error) {
	body, err := json.Marshal(req)
	if err != nil {
		return nil, fmt.Errorf("llm: encoding the request: %w", err)
	}
	endpoint := strings.TrimRight(c.BaseURL, "/") + "/chat/completions"
	shown := redactURL(endpoint)
	client := c.HTTP
	if client == nil {
		client = &http.Client{}
	}
	wait := c.Backoff
	if wait <= 0 {
		wait = 500 * time.Millisecond
	}
	for attempt := 1; ; attempt++ {
		if err := c.Budget.take(1); err != nil {
			if attempt > 1 {
				return nil, fmt.Errorf("llm: POST %s: retrying: %w", shown, err)
			}
			return nil, err
		}
		*attempts = attempt
		status, retryAfter, data, err := c.post(ctx, client, endpoint, body)
		if err != nil {
			return nil, c.scrub(fmt.Errorf("llm: POST %s: %w", shown, err))
		}
		if status == http.StatusTooManyRequests || status >= 500 {
			if attempt > c.Retries {
				return nil, c.scrub(fmt.Errorf("llm: POST %s: HTTP %d %s after %d attempts%s", shown, status, http.StatusText(status), attempt, snippet(data)))
			}
			d := wait
			if retryAfter > 0 {
				d = retryAfter
			}
			wait *= 2
			select {
			case <-ctx.Done():
				return nil, fmt.Errorf("llm: POST %s: waiting to retry: %w", shown, ctx.Err())
			case <-time.After(d):
			}
			continue
		}
		if status != http.StatusOK {
			return nil, c.scrub(fmt.Errorf("llm: POST %s: HTTP %d %s%s", shown, status, http.StatusText(status), snippet(data)))
		}
		var cr chatResponse
		if err := json.Unmarshal(data, &cr); err != nil {
			return nil, fmt.Errorf("llm: POST %s: malformed JSON response: %w", shown, err)
		}
		if cr.Error != nil {
			return nil, c.scrub(fmt.Errorf("llm: POST %s: the server answered with an error: %s", shown, oneLine(cr.Error.Message)))
		}
		resp := &Response{Attempts: attempt}
		for _, ch := range cr.Choices {
			if ch.Message.Content != nil {
				resp.Choices = append(resp.Choices, *ch.Message.Content)
			}
		}
		if len(resp.Choices) == 0 {
			return nil, fmt.Errorf("llm: POST %s: the response has no choices", shown)
		}
		return resp, nil
	}
}

// post sends one attempt; err is a transport failure, in one line.
func (c *HTTPClient) post(ctx context.Context, client *http.Client, endpoint string, body []byte) (status int, retryAfter time.Duration, data []byte, err error) {
	actx := ctx
	if c.Timeout > 0 {
		var cancel context.CancelFunc
		actx, cancel = context.WithTimeout(ctx, c.Timeout)
		defer cancel()
	}
	hreq, err := http.NewRequestWithContext(actx, http.MethodPost, endpoint, bytes.NewReader(body))
	if err != nil {
		return 0, 0, nil, err
	}
	hreq.Header.Set("Content-Type", "application/json")
	if c.APIKey != "" {
		hreq.Header.Set("Authorization", "Bearer "+c.APIKey)
	}
	resp, err := client.Do(hreq)
	if err == nil {
		defer resp.Body.Close()
		data, err = io.ReadAll(io.LimitReader(resp.Body, 16<<20))
	}
	if err != nil {
		var ne net.Error
		var oe *net.OpError
		switch {
		case ctx.Err() != nil:
			return 0, 0, nil, ctx.Err()
		case actx.Err() != nil || errors.As(err, &ne) && ne.Timeout():
			return 0, 0, nil, fmt.Errorf("no answer within %v", c.Timeout)
		case errors.As(err, &oe) && oe.Op == "dial":
			return 0, 0, nil, fmt.Errorf("cannot connect: %v", oe.Err)
		}
		return 0, 0, nil, errors.New(oneLine(err.Error()))
	}
	if s := resp.Header.Get("Retry-After"); s != "" {
		if secs, err := strconv.Atoi(s); err == nil && secs >= 0 && secs <= 60 {
			retryAfter = time.Duration(secs) * time.Second
		}
	}
	return resp.StatusCode, retryAfter, data, nil
}

// scrub removes the API key from an error's text, should a server echo
// it back.
func (c *HTTPClient) scrub(err error) error {
	if c.APIKey == "" || !strings.Contains(err.Error(), c.APIKey) {
		return err
	}
	return errors.New(strings.ReplaceAll(err.Error(), c.APIKey, "[key]"))
}

// redactURL drops user information and the query from a URL for messages.
func redactURL(s string) string {
	u, err := url.Parse(s)
	if err != nil {
		return "(invalid URL)"
	}
	u.User, u.RawQuery, u.Fragment = nil, "", ""
	return u.String()
}

func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 200 {
		s = s[:200] + "..."
	}
	return s
}

func snippet(data []byte) string {
	s := oneLine(string(data))
	if s == "" {
		return ""
	}
	return ": " + s
}
