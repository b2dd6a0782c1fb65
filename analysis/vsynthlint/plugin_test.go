package vsynthlint

import (
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"

	"github.com/vsynth/vsynth/analysis/vsynthanalyzer"
)

// restoreFlags puts the analyzer's flags back as they were when the test ends.
func restoreFlags(t *testing.T) {
	t.Helper()
	saved := map[string]string{}
	for _, name := range []string{"rlimit", "timeout", "unroll", "infer", "confirm", "jobs"} {
		f := vsynthanalyzer.Analyzer.Flags.Lookup(name)
		if f == nil {
			t.Fatalf("the analyzer has no flag -%s", name)
		}
		saved[name] = f.Value.String()
	}
	t.Cleanup(func() {
		for name, v := range saved {
			vsynthanalyzer.Analyzer.Flags.Set(name, v)
		}
	})
}

func TestRegistered(t *testing.T) {
	newPlugin, err := register.GetPlugin("vsynth")
	if err != nil {
		t.Fatal(err)
	}
	p, err := newPlugin(nil)
	if err != nil {
		t.Fatalf("no settings: %v", err)
	}
	as, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatal(err)
	}
	if len(as) != 1 || as[0] != vsynthanalyzer.Analyzer {
		t.Errorf("BuildAnalyzers = %v, want vsynthanalyzer.Analyzer alone", as)
	}
	if m := p.GetLoadMode(); m != register.LoadModeTypesInfo {
		t.Errorf("GetLoadMode = %q, want %q (the analyzer needs types)", m, register.LoadModeTypesInfo)
	}
}

func TestSettingsSetTheAnalyzerFlags(t *testing.T) {
	restoreFlags(t)
	// The settings as golangci-lint passes them: decoded from YAML into
	// map[string]any, numbers as int or float64.
	settings := map[string]any{"rlimit": 12345, "timeout": "7s", "unroll": 4.0, "infer": false, "confirm": false, "jobs": 1}
	if _, err := New(settings); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"rlimit": "12345", "timeout": "7s", "unroll": "4", "infer": "false", "confirm": "false", "jobs": "1"}
	for name, v := range want {
		if got := vsynthanalyzer.Analyzer.Flags.Lookup(name).Value.String(); got != v {
			t.Errorf("-%s = %s, want %s", name, got, v)
		}
	}
}

func TestSettingsLeftOutKeepDefaults(t *testing.T) {
	restoreFlags(t)
	before := vsynthanalyzer.Analyzer.Flags.Lookup("rlimit").Value.String()
	if _, err := New(map[string]any{"unroll": 3}); err != nil {
		t.Fatal(err)
	}
	if got := vsynthanalyzer.Analyzer.Flags.Lookup("rlimit").Value.String(); got != before {
		t.Errorf("-rlimit = %s after settings without it, want %s", got, before)
	}
}

func TestSettingsErrors(t *testing.T) {
	restoreFlags(t)
	for _, tc := range []struct {
		settings map[string]any
		want     string
	}{
		{map[string]any{"rlimt": 5}, `unknown field "rlimt"`},
		{map[string]any{"timeout": "soon"}, "timeout"},
		{map[string]any{"rlimit": -1}, "rlimit"},
		{map[string]any{"confirm": "yes"}, "confirm"},
	} {
		_, err := New(tc.settings)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("New(%v) = %v, want an error mentioning %q", tc.settings, err, tc.want)
		}
	}
}
