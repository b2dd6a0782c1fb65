package vsynthlint

import (
	"fmt"
	"strconv"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/vsynth/vsynth/analysis/vsynthanalyzer"
)

func init() { register.Plugin("vsynth", New) }

// Settings are the linter's settings in .golangci.yml
// (linters.settings.custom.vsynth.settings): the analyzer's flags. A
// setting left out keeps the flag's default.
type Settings struct {
	RLimit  *uint64 `json:"rlimit"`
	Timeout *string `json:"timeout"` // a Go duration: "2m", "30s"
	Unroll  *int    `json:"unroll"`
	Infer   *bool   `json:"infer"`
	Confirm *bool   `json:"confirm"`
	Jobs    *int    `json:"jobs"`
}

type plugin struct{}

// New is the plugin's constructor: it applies the settings to
// vsynthanalyzer.Analyzer's flags.
func New(settings any) (register.LinterPlugin, error) {
	s, err := register.DecodeSettings[Settings](settings)
	if err != nil {
		return nil, fmt.Errorf("vsynth linter settings: %w", err)
	}
	for _, f := range s.flags() {
		if err := vsynthanalyzer.Analyzer.Flags.Set(f[0], f[1]); err != nil {
			return nil, fmt.Errorf("vsynth linter settings: %s: %w", f[0], err)
		}
	}
	return plugin{}, nil
}

// flags lists the settings given as flag name and value.
func (s Settings) flags() [][2]string {
	var fs [][2]string
	if s.RLimit != nil {
		fs = append(fs, [2]string{"rlimit", strconv.FormatUint(*s.RLimit, 10)})
	}
	if s.Timeout != nil {
		fs = append(fs, [2]string{"timeout", *s.Timeout})
	}
	if s.Unroll != nil {
		fs = append(fs, [2]string{"unroll", strconv.Itoa(*s.Unroll)})
	}
	if s.Infer != nil {
		fs = append(fs, [2]string{"infer", strconv.FormatBool(*s.Infer)})
	}
	if s.Confirm != nil {
		fs = append(fs, [2]string{"confirm", strconv.FormatBool(*s.Confirm)})
	}
	if s.Jobs != nil {
		fs = append(fs, [2]string{"jobs", strconv.Itoa(*s.Jobs)})
	}
	return fs
}

// BuildAnalyzers returns vsynth's analyzer.
func (plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	return []*analysis.Analyzer{vsynthanalyzer.Analyzer}, nil
}

// GetLoadMode asks for types: the analyzer builds SSA from them.
func (plugin) GetLoadMode() string { return register.LoadModeTypesInfo }
