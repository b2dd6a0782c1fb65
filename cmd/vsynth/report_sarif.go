package main

import (
	"encoding/json"
	"io"
	"os"
	"path/filepath"
)

// SARIF 2.1.0, the subset code scanning reads.

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool    sarifTool     `json:"tool"`
	Results []sarifResult `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID               string       `json:"id"`
	Name             string       `json:"name"`
	ShortDescription sarifMessage `json:"shortDescription"`
}

type sarifMessage struct {
	Text string `json:"text"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             sarifMessage      `json:"message"`
	Locations           []sarifLocation   `json:"locations,omitempty"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
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
	driver := sarifDriver{Name: "vsynth", Version: version, InformationURI: "https://github.com/vsynth/vsynth"}
	for i, r := range findingRules {
		index[r.id] = i
		driver.Rules = append(driver.Rules, sarifRule{ID: r.id, Name: r.name, ShortDescription: sarifMessage{r.description}})
	}
	run := sarifRun{Tool: sarifTool{Driver: driver}, Results: []sarifResult{}}
	root := repoRoot()
	for _, f := range m.findings(strict) {
		res := sarifResult{
			RuleID: f.rule, RuleIndex: index[f.rule], Level: f.level,
			Message:             sarifMessage{f.message},
			PartialFingerprints: map[string]string{"vsynthFinding/v1": f.fingerprint},
		}
		if file, line, col := splitPos(f.pos); file != "" {
			loc := sarifLocation{PhysicalLocation: sarifPhysical{ArtifactLocation: sarifArtifact{URI: repoRelative(root, file)}}}
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
