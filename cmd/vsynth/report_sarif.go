package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

// SARIF 2.1.0, the subset code scanning reads.

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool        sarifTool         `json:"tool"`
	Invocations []sarifInvocation `json:"invocations"`
	Results     []sarifResult     `json:"results"`
}

// sarifInvocation says whether the run completed; a tool error (exit 2)
// is a notification.
type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ExitCode                   *int                `json:"exitCode,omitempty"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
	Properties                 map[string]any      `json:"properties,omitempty"`
}

type sarifNotification struct {
	Level   string       `json:"level"`
	Message sarifMessage `json:"message"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name            string            `json:"name"`
	Version         string            `json:"version"`
	SemanticVersion string            `json:"semanticVersion,omitempty"`
	InformationURI  string            `json:"informationUri"`
	Rules           []sarifRule       `json:"rules"`
	Properties      map[string]string `json:"properties,omitempty"`
}

type sarifRule struct {
	ID               string       `json:"id"`
	Name             string       `json:"name"`
	ShortDescription sarifMessage `json:"shortDescription"`
	FullDescription  sarifMessage `json:"fullDescription"`
	Help             sarifMessage `json:"help"`
	HelpURI          string       `json:"helpUri,omitempty"`
}

type sarifMessage struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             sarifMessage      `json:"message"`
	Locations           []sarifLocation   `json:"locations,omitempty"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
	// BaselineState, with a baseline: "unchanged" for an accepted
	// finding, "new" for one that is not in the baseline.
	BaselineState string `json:"baselineState,omitempty"`
	// Suppressions: a //vsynth:ignore accepts the finding.
	Suppressions []sarifSuppression `json:"suppressions,omitempty"`
}

type sarifSuppression struct {
	Kind          string `json:"kind"`
	Justification string `json:"justification"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           *sarifRegion  `json:"region,omitempty"`
}

type sarifArtifact struct {
	URI string `json:"uri"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
}

// writeSARIF writes m's findings as a SARIF 2.1.0 log. With strict, a
// vacuous proof is an error.
func (m *reportModel) writeSARIF(w io.Writer, strict bool) error {
	index := map[string]int{}
	driver := sarifDriver{Name: "vsynth", Version: version, SemanticVersion: version, InformationURI: "https://github.com/vsynth/vsynth",
		Properties: map[string]string{"go": runtime.Version()}}
	if s := m.Solver; s != nil {
		driver.Properties["solver"] = s.Name + " " + s.Version
	}
	for i, r := range findingRules {
		index[r.id] = i
		driver.Rules = append(driver.Rules, sarifRule{ID: r.id, Name: r.name,
			ShortDescription: sarifMessage{Text: r.short}, FullDescription: sarifMessage{Text: r.full},
			Help:    sarifMessage{Text: r.help, Markdown: ruleHelpMarkdown(r)},
			HelpURI: "https://github.com/vsynth/vsynth#what-vsynth-checks"})
	}
	inv := sarifInvocation{ExecutionSuccessful: m.Error == ""}
	if s := m.Solver; s != nil {
		// The flags that decided the verdicts: SARIF's property bag of
		// the invocation.
		inv.Properties = map[string]any{"solver": s.Name, "solverVersion": s.Version, "rlimit": s.RLimit, "timeoutMs": s.TimeoutMS}
		if s.CrossCheck != "" {
			inv.Properties["crossCheck"] = s.CrossCheck
		}
	}
	if m.Error != "" {
		code := exitBadInput
		inv.ExitCode = &code
		for _, line := range strings.Split(m.Error, "\n") {
			inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, sarifNotification{Level: "error", Message: sarifMessage{Text: line}})
		}
	}
	run := sarifRun{Tool: sarifTool{Driver: driver}, Invocations: []sarifInvocation{inv}, Results: []sarifResult{}}
	root := repoRoot()
	for _, f := range m.findings(strict) {
		res := sarifResult{
			RuleID: f.rule, RuleIndex: index[f.rule], Level: f.level,
			Message:             sarifMessage{Text: f.message},
			PartialFingerprints: map[string]string{"vsynthFinding/v1": f.fingerprint},
		}
		if f.suppressed != "" {
			res.Suppressions = []sarifSuppression{{Kind: "inSource", Justification: f.suppressed}}
		}
		if m.baseline != nil {
			res.BaselineState = "new"
			if acceptable(f) && m.baseline[f.fingerprint] {
				res.BaselineState = "unchanged"
			}
		}
		if file, line, col := splitPos(f.pos); file != "" {
			loc := sarifLocation{PhysicalLocation: sarifPhysical{ArtifactLocation: sarifArtifact{URI: uriPath(repoRelative(root, file))}}}
			if line > 0 {
				loc.PhysicalLocation.Region = &sarifRegion{StartLine: line, StartColumn: col}
			}
			res.Locations = []sarifLocation{loc}
		}
		run.Results = append(run.Results, res)
	}
	log := sarifLog{Schema: "https://json.schemastore.org/sarif-2.1.0.json", Version: "2.1.0", Runs: []sarifRun{run}}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(log)
}

// repoRoot is the root of the version-control repository around the
// working directory (the directory holding .git), or the working directory.
func repoRoot() string {
	wd, err := os.Getwd()
	if err != nil {
		return ""
	}
	for dir := wd; ; {
		if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return wd
		}
		dir = parent
	}
}

// repoRelative rewrites file (relative to the working directory, or
// absolute) relative to root, with forward slashes.
func repoRelative(root, file string) string {
	abs := file
	if !filepath.IsAbs(abs) {
		wd, err := os.Getwd()
		if err != nil {
			return filepath.ToSlash(file)
		}
		abs = filepath.Join(wd, file)
	}
	if root != "" {
		if rel, err := filepath.Rel(root, abs); err == nil && !filepath.IsAbs(rel) && rel != ".." && !hasDotDot(rel) {
			return filepath.ToSlash(rel)
		}
	}
	return filepath.ToSlash(file)
}

func hasDotDot(rel string) bool {
	return len(rel) >= 3 && rel[:3] == ".."+string(filepath.Separator)
}

// uriPath percent-encodes a slash-separated path as a URI reference (RFC
// 3986): every byte but the unreserved characters and "/" is written %XX,
// so that spaces, "%", ":" and non-ASCII names give a valid URI.
func uriPath(p string) string {
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		c := p[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9',
			c == '-', c == '.', c == '_', c == '~', c == '/':
			b.WriteByte(c)
		default:
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}
