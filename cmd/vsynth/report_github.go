package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"
)

// githubAnnotationCap is how many annotations of each level (error,
// warning) GitHub shows for one step; it drops the rest silently.
const githubAnnotationCap = 10

// writeGitHub writes GitHub Actions workflow commands: an ::error or
// ::warning annotation per finding, up to GitHub's cap per level (the
// findings past it as plain log lines, with a line that says how many
// annotations were not shown), then the summary line. When
// $GITHUB_STEP_SUMMARY names a file, a job summary with the totals and the
// findings is appended to it.
func (m *reportModel) writeGitHub(w io.Writer, opts textOptions) error {
	bw := bufio.NewWriter(w)
	root := repoRoot()
	if m.Error != "" {
		fmt.Fprintf(bw, "::error title=vsynth%%3A tool error::%s\n", escapeData(m.Error))
	}
	fs := m.findings(opts.strict)
	shown := map[string]int{}
	var over []finding
	for _, f := range fs {
		if f.suppressed != "" {
			continue // accepted by a //vsynth:ignore in the source
		}
		if shown[f.level] >= githubAnnotationCap {
			over = append(over, f)
			continue
		}
		shown[f.level]++
		var props []string
		if file, line, col := splitPos(f.pos); file != "" {
			props = append(props, "file="+escapeProperty(repoRelative(root, file)))
			if line > 0 {
				props = append(props, fmt.Sprintf("line=%d", line))
			}
			if col > 0 {
				props = append(props, fmt.Sprintf("col=%d", col))
			}
		}
		props = append(props, "title="+escapeProperty(f.title))
		level := f.level
		if level == "note" {
			level = "notice" // GitHub's name for SARIF's note
		}
		fmt.Fprintf(bw, "::%s %s::%s\n", level, strings.Join(props, ","), escapeData(f.message))
	}
	if len(over) > 0 {
		counts := map[string]int{}
		for _, f := range over {
			counts[f.level]++
		}
		fmt.Fprintf(bw, "vsynth: GitHub shows %d annotations of each level per step: %s and %s are not annotated; they follow as log lines, and the SARIF report has them all\n",
			githubAnnotationCap, plural(counts["error"], "error"), plural(counts["warning"], "warning"))
		for _, f := range over {
			fmt.Fprintf(bw, "%s: %s: %s\n", f.pos, f.level, f.title)
		}
	}
	s := m.Summary
	fmt.Fprintf(bw, "vsynth: %d proved, %d failed, %d unknown, %d unsupported (%s)\n",
		s.Proved, s.Failed, s.Unknown, s.Unsupported, functionCount(len(m.Results)))
	if err := bw.Flush(); err != nil {
		return err
	}
	if name := os.Getenv("GITHUB_STEP_SUMMARY"); name != "" {
		if err := appendFile(name, m.stepSummary(fs)); err != nil {
			return fmt.Errorf("writing the job summary: %w", err)
		}
	}
	return nil
}

// plural says "1 error" or "2 errors".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// stepSummary renders a job summary in Markdown: the totals and up to 100
// findings.
func (m *reportModel) stepSummary(fs []finding) string {
	const maxListed = 100
	var b strings.Builder
	s := m.Summary
	b.WriteString("## vsynth\n\n")
	if m.Error != "" {
		fmt.Fprintf(&b, "**Tool error:** %s\n\n", markdownText(m.Error))
	}
	b.WriteString("| proved | failed | unknown | unsupported | functions |\n| ---: | ---: | ---: | ---: | ---: |\n")
	fmt.Fprintf(&b, "| %d | %d | %d | %d | %d |\n", s.Proved, s.Failed, s.Unknown, s.Unsupported, len(m.Results))
	if len(fs) == 0 {
		return b.String()
	}
	b.WriteString("\n| level | where | finding |\n| --- | --- | --- |\n")
	for i, f := range fs {
		if i == maxListed {
			fmt.Fprintf(&b, "\n%d more findings are in the SARIF and JSON reports.\n", len(fs)-maxListed)
			break
		}
		fmt.Fprintf(&b, "| %s | `%s` | %s |\n", f.level, f.pos, markdownText(f.title))
	}
	return b.String()
}

// markdownText keeps text on one table row and out of Markdown's syntax.
func markdownText(s string) string {
	return strings.NewReplacer("\n", " ", "|", "\\|", "<", "&lt;", ">", "&gt;", "*", "\\*", "_", "\\_", "`", "\\`").Replace(s)
}

// appendFile appends text to the file name, creating it.
func appendFile(name, text string) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.WriteString(text); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// escapeData escapes a workflow command's message.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// escapeProperty escapes a workflow command's property value.
func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
