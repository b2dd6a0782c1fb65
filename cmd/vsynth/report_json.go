package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/vsynth/vsynth/ssa"
)

// orderedStrings is a JSON object that keeps its keys in order
// (parameters in declaration order).
type orderedStrings []ssa.Binding

func (o orderedStrings) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, kv := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(kv.Name)
		v, _ := json.Marshal(kv.Value)
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// UnmarshalJSON reads an object keeping its keys in order.
func (o *orderedStrings) UnmarshalJSON(data []byte) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return fmt.Errorf("want an object of strings, got %v", tok)
	}
	*o = nil
	for dec.More() {
		kt, err := dec.Token()
		if err != nil {
			return err
		}
		k, _ := kt.(string)
		var v string
		if err := dec.Decode(&v); err != nil {
			return err
		}
		*o = append(*o, ssa.Binding{Name: k, Value: v})
	}
	_, err = dec.Token()
	return err
}

func toJSONCex(c *ssa.Counterexample) *jsonCex {
	if c == nil {
		return nil
	}
	return &jsonCex{Inputs: c.Inputs, Globals: c.Globals, Outputs: c.Outputs, Panic: c.Panic, State: c.State, Aliases: c.Aliases, Unshown: c.Unshown}
}

// writeJSON writes the model as one JSON document.
func (m *reportModel) writeJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(m)
}

// readJSONReport reads a JSON report written by --format json or --json.
func readJSONReport(name string) (*reportModel, error) {
	b, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	var m reportModel
	dec := json.NewDecoder(bytes.NewReader(b))
	if err := dec.Decode(&m); err != nil {
		return nil, fmt.Errorf("%s: not a vsynth JSON report: %w", name, err)
	}
	if m.Results == nil {
		return nil, fmt.Errorf("%s: not a vsynth JSON report: no results", name)
	}
	m.restore()
	return &m, nil
}
