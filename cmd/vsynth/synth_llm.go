package main

import (
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/vsynth/vsynth/synth"
	"github.com/vsynth/vsynth/synth/llm"
)

// llmFlags are synth's flags for the strategy and the language model.
// The API key is read from the environment only (VSYNTH_LLM_API_KEY,
// then OPENAI_API_KEY), so that it shows in no command line.
func llmFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "strategy", Value: "auto", Usage: "enum (enumeration), llm (the model only), or auto (enumeration and the model together when a model is configured, enumeration otherwise)"},
		&cli.StringFlag{Name: "llm-url", EnvVars: []string{"VSYNTH_LLM_URL", "OPENAI_BASE_URL"}, Usage: "base URL of an OpenAI-compatible API (default https://api.openai.com/v1 when --llm-model is set)"},
		&cli.StringFlag{Name: "llm-model", EnvVars: []string{"VSYNTH_LLM_MODEL"}, Usage: "the model's name; setting it configures a model"},
		&cli.IntFlag{Name: "llm-max-calls", Value: 20, Usage: "requests to the model in the whole run, retries included"},
		&cli.DurationFlag{Name: "llm-timeout", Value: 60 * time.Second, Usage: "time limit per request to the model"},
		&cli.IntFlag{Name: "llm-samples", Value: 1, Usage: "answers asked per request (the request's n)"},
		&cli.Float64Flag{Name: "llm-temperature", Value: 0.2, Usage: "the model's sampling temperature"},
		&cli.StringFlag{Name: "llm-cassette", Usage: "file of recorded model answers (see --llm-mode)"},
		&cli.StringFlag{Name: "llm-mode", Value: "replay", Usage: "with --llm-cassette: record (ask the model, store its answers) or replay (answer from the file only, never the network)"},
		&cli.StringFlag{Name: "llm-store", EnvVars: []string{"VSYNTH_LLM_STORE"}, Usage: "file of proved solutions shown to the model for similar specs, or off (default: the experience store's answers.jsonl, whose Go answers it shows)"},
	}
}

// synthStrategy builds the strategy the flags select.
func synthStrategy(c *cli.Context) (synth.Strategy, error) {
	enum, err := enumStrategy(c)
	if err != nil {
		return nil, err
	}
	name := c.String("strategy")
	switch name {
	case "enum", "llm", "auto":
	default:
		return nil, fmt.Errorf("unknown --strategy %q (want enum, llm or auto)", name)
	}
	if name == "enum" {
		return enum, nil
	}
	model, err := llmModel(c)
	if err != nil {
		return nil, err
	}
	if model == nil {
		if name == "llm" {
			return nil, errors.New("--strategy llm needs a model: set --llm-model (or VSYNTH_LLM_MODEL) and --llm-url, or replay a cassette with --llm-cassette")
		}
		return enum, nil
	}
	s := &llm.Strategy{Model: model, ModelName: c.String("llm-model"), Temperature: c.Float64("llm-temperature"), Samples: c.Int("llm-samples")}
	if s.Store, err = llmStore(c); err != nil {
		return nil, err
	}
	if name == "llm" {
		return s, nil
	}
	return &llm.Hybrid{Enum: enum, LLM: s}, nil
}

// llmModel is the configured model, or nil when none is.
func llmModel(c *cli.Context) (llm.Completer, error) {
	budget := &llm.Budget{Max: c.Int("llm-max-calls")}
	if c.Int("llm-max-calls") <= 0 {
		return nil, errors.New("--llm-max-calls must be positive")
	}
	cassette, mode := c.String("llm-cassette"), c.String("llm-mode")
	if mode != llm.Record && mode != llm.Replay {
		return nil, fmt.Errorf("unknown --llm-mode %q (want record or replay)", mode)
	}
	if cassette != "" && mode == llm.Replay {
		return llm.OpenCassette(cassette, llm.Replay, nil, budget)
	}
	modelName, url := c.String("llm-model"), c.String("llm-url")
	if modelName == "" {
		if cassette != "" {
			return nil, errors.New("--llm-mode record needs a model: set --llm-model and --llm-url")
		}
		return nil, nil
	}
	if url == "" {
		url = "https://api.openai.com/v1"
	}
	key := os.Getenv("VSYNTH_LLM_API_KEY")
	if key == "" {
		key = os.Getenv("OPENAI_API_KEY")
	}
	client := &llm.HTTPClient{BaseURL: url, APIKey: key, Timeout: c.Duration("llm-timeout"), Retries: 3, Backoff: time.Second, Budget: budget}
	if cassette != "" {
		return llm.OpenCassette(cassette, llm.Record, client, budget)
	}
	return client, nil
}

// llmStore is the store of proved solutions, or nil when off.
func llmStore(c *cli.Context) (*llm.Store, error) {
	path := c.String("llm-store")
	switch path {
	case "off":
		return nil, nil
	case "":
		store, err := experienceStore(c)
		if err != nil {
			return nil, err
		}
		if store == nil {
			return nil, nil // --experience off and no store named
		}
		path = store.Path()
	}
	return &llm.Store{Path: path}, nil
}
