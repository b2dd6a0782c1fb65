package llm

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
)

// Cassette modes.
const (
	Record = "record" // ask the model and store every answer
	Replay = "replay" // answer from the file only; a miss is an error
)

// Cassette records a model's answers by request hash and replays them,
// so that runs (tests, CI) are reproducible without a model. The hash
// covers the messages, the temperature and n — not the model name, the
// URL or the key, none of which the file holds.
type Cassette struct {
	path  string
	mode  string
	inner Completer // for Record
	// Budget is charged, on replay, the attempts the recorded answer took.
	budget *Budget

	mu   sync.Mutex
	file cassetteFile
	byID map[string]int
}

type cassetteFile struct {
	Version      int           `json:"version"`
	Interactions []interaction `json:"interactions"`
}

type interaction struct {
	Request  string   `json:"request"` // sha256 of the request (RequestHash)
	Attempts int      `json:"attempts"`
	Choices  []string `json:"choices"`
}

// OpenCassette opens path in mode Record (answers come from inner and
// are added to the file, which need not exist) or Replay (the file must
// exist; inner is not used and may be nil; budget is charged what the
// recorded answers took).
func OpenCassette(path, mode string, inner Completer, budget *Budget) (*Cassette, error) {
	c := &Cassette{path: path, mode: mode, inner: inner, budget: budget, byID: map[string]int{}}
	switch mode {
	case Record:
		if inner == nil {
			return nil, errors.New("llm cassette: recording needs a model")
		}
	case Replay:
	default:
		return nil, fmt.Errorf("llm cassette: unknown mode %q (want record or replay)", mode)
	}
	data, err := os.ReadFile(path)
	switch {
	case errors.Is(err, os.ErrNotExist) && mode == Record:
		c.file.Version = 1
		return c, nil
	case err != nil:
		return nil, fmt.Errorf("llm cassette: %w", err)
	}
	if err := json.Unmarshal(data, &c.file); err != nil {
		return nil, fmt.Errorf("llm cassette %s: %w", path, err)
	}
	if c.file.Version != 1 {
		return nil, fmt.Errorf("llm cassette %s: unknown version %d", path, c.file.Version)
	}
	for i, it := range c.file.Interactions {
		c.byID[it.Request] = i
	}
	return c, nil
}

// RequestHash identifies a request in a cassette.
func RequestHash(req *Request) string {
	data, _ := json.Marshal(struct {
		Messages    []Message `json:"messages"`
		Temperature float64   `json:"temperature"`
		N           int       `json:"n"`
	}{req.Messages, req.Temperature, req.N})
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// Complete implements Completer.
func (c *Cassette) Complete(ctx context.Context, req *Request) (*Response, error) {
	id := RequestHash(req)
	c.mu.Lock()
	i, ok := c.byID[id]
	var it interaction
	if ok {
		it = c.file.Interactions[i]
	}
	c.mu.Unlock()
	if c.mode == Replay {
		if !ok {
			if c.budget.spent() {
				return nil, ErrBudget // recording stopped here too
			}
			return nil, fmt.Errorf("llm cassette %s: no recorded answer for request %.12s (record it again with --llm-mode record)", filepath.Base(c.path), id)
		}
		if err := c.budget.take(max(1, it.Attempts)); err != nil {
			return nil, err
		}
		return &Response{Choices: append([]string(nil), it.Choices...), Attempts: max(1, it.Attempts)}, nil
	}
	resp, err := c.inner.Complete(ctx, req)
	if err != nil {
		return resp, err // failures are not recorded
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	it = interaction{Request: id, Attempts: resp.Attempts, Choices: resp.Choices}
	if i, ok := c.byID[id]; ok {
		c.file.Interactions[i] = it
	} else {
		c.byID[id] = len(c.file.Interactions)
		c.file.Interactions = append(c.file.Interactions, it)
	}
	if err := c.save(); err != nil {
		return nil, err
	}
	return resp, nil
}

// save writes the file (through a temporary file in its directory).
func (c *Cassette) save() error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(c.file); err != nil {
		return fmt.Errorf("llm cassette: %w", err)
	}
	data := buf.Bytes()
	tmp, err := os.CreateTemp(filepath.Dir(c.path), ".cassette-*")
	if err != nil {
		return fmt.Errorf("llm cassette: %w", err)
	}
	_, werr := tmp.Write(data)
	cerr := tmp.Close()
	if werr != nil || cerr != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("llm cassette: writing %s: %w", c.path, errors.Join(werr, cerr))
	}
	if err := os.Rename(tmp.Name(), c.path); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("llm cassette: %w", err)
	}
	return nil
}
