package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/urfave/cli/v2"
)

// configName is the config file vsynth reads at the module root (the
// directory of the go.mod around the working directory).
const configName = ".vsynth.json"

// configKeys are the flags a config file may set: a team's settings for
// the gate. A flag on the command line, or its environment variable, wins
// over the file.
var configKeys = []string{"fail-on", "baseline", "strict", "timeout", "rlimit", "unroll", "max-terms", "exclude"}

// applyConfig reads the config file of the module around the working
// directory, if there is one, and sets the flags it names that the
// command has and that were not given. It returns the file's name, or "".
func applyConfig(c *cli.Context) (string, error) {
	name := findConfig()
	if name == "" {
		return "", nil
	}
	b, err := os.ReadFile(name)
	if err != nil {
		return "", err
	}
	var values map[string]any
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	if err := dec.Decode(&values); err != nil {
		return "", fmt.Errorf("%s: %w", relFile(name), err)
	}
	keys := make([]string, 0, len(values))
	for k := range values {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		if !slices.Contains(configKeys, k) {
			return "", fmt.Errorf("%s: unknown setting %q (want one of %s)", relFile(name), k, strings.Join(configKeys, ", "))
		}
		if !hasFlag(c, k) || c.IsSet(k) {
			continue
		}
		var vals []string
		switch v := values[k].(type) {
		case string:
			vals = []string{v}
		case json.Number:
			vals = []string{v.String()}
		case bool:
			vals = []string{fmt.Sprint(v)}
		case []any:
			for _, e := range v {
				s, ok := e.(string)
				if !ok {
					return "", fmt.Errorf("%s: %s: want a list of strings", relFile(name), k)
				}
				vals = append(vals, s)
			}
		default:
			return "", fmt.Errorf("%s: %s: want a string, a number, a boolean or a list of strings", relFile(name), k)
		}
		if k == "baseline" && len(vals) == 1 && !filepath.IsAbs(vals[0]) {
			// Relative to the file, not to the working directory.
			vals[0] = relFile(filepath.Join(filepath.Dir(name), vals[0]))
		}
		for _, v := range vals {
			if err := c.Set(k, v); err != nil {
				return "", fmt.Errorf("%s: %s: %w", relFile(name), k, err)
			}
		}
	}
	return name, nil
}

// hasFlag reports whether c's command has the flag name.
func hasFlag(c *cli.Context, name string) bool {
	for _, f := range c.Command.Flags {
		if slices.Contains(f.Names(), name) {
			return true
		}
	}
	return false
}

// findConfig returns the config file at the root of the module around the
// working directory, or "".
func findConfig() string {
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			name := filepath.Join(dir, configName)
			if _, err := os.Stat(name); errors.Is(err, fs.ErrNotExist) {
				return ""
			}
			return name
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}
