package main

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// writeGitHub writes GitHub Actions workflow commands: an ::error or
// ::warning annotation per finding, then the summary line.
func (m *reportModel) writeGitHub(w io.Writer, opts textOptions) error {
	bw := bufio.NewWriter(w)
	root := repoRoot()
	for _, f := range m.findings(opts.strict) {
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
	s := m.Summary
	fmt.Fprintf(bw, "vsynth: %d proved, %d failed, %d unknown, %d unsupported (%d functions)\n",
		s.Proved, s.Failed, s.Unknown, s.Unsupported, len(m.Results))
	return bw.Flush()
}

// escapeData escapes a workflow command's message.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// escapeProperty escapes a workflow command's property value.
func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
