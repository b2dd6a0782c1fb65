package main

import (
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/vsynth/vsynth/ssa"
)

// JUnit XML: a test suite per package, a test case per function.

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Time     string       `xml:"time,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name       string           `xml:"name,attr"`
	Tests      int              `xml:"tests,attr"`
	Failures   int              `xml:"failures,attr"`
	Errors     int              `xml:"errors,attr"`
	Time       string           `xml:"time,attr"`
	Properties *junitProperties `xml:"properties,omitempty"`
	Cases      []junitCase      `xml:"testcase"`
}

// junitProperties are a suite's name-value properties: the solver and
// the flags that decided its verdicts.
type junitProperties struct {
	Property []junitProperty `xml:"property"`
}

type junitProperty struct {
	Name  string `xml:"name,attr"`
	Value string `xml:"value,attr"`
}

// junitSolverProperties are the properties of s; nil without a solver.
func junitSolverProperties(s *solverInfo) *junitProperties {
	if s == nil {
		return nil
	}
	p := &junitProperties{Property: []junitProperty{
		{"solver", s.Name}, {"solver.version", s.Version},
		{"solver.rlimit", strconv.FormatUint(s.RLimit, 10)}, {"solver.timeout_ms", strconv.FormatInt(s.TimeoutMS, 10)},
	}}
	if s.CrossCheck != "" {
		p.Property = append(p.Property, junitProperty{"solver.cross_check", s.CrossCheck})
	}
	return p
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	File      string        `xml:"file,attr,omitempty"`
	Line      int           `xml:"line,attr,omitempty"`
	Time      string        `xml:"time,attr"`
	Failure   *junitProblem `xml:"failure,omitempty"`
	Error     *junitProblem `xml:"error,omitempty"`
	SystemOut string        `xml:"system-out,omitempty"`
}

type junitProblem struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

// splitFunction splits "example.com/m/pkg.T.M" into the package path and
// "T.M".
func splitFunction(full string) (pkg, name string) {
	slash := strings.LastIndexByte(full, '/')
	dot := strings.IndexByte(full[slash+1:], '.')
	if dot < 0 {
		return "", full
	}
	return full[:slash+1+dot], full[slash+1+dot+1:]
}

// writeJUnit writes one test case per function: a failure for a refuted
// one (with the counterexample), an error for one not proved.
// With strict, a vacuous proof is a failure.
func (m *reportModel) writeJUnit(w io.Writer, strict bool) error {
	doc := junitSuites{Name: "vsynth"}
	suiteOf := map[string]int{}
	var total int64
	suiteMS := map[string]int64{}
	for i := range m.Results {
		f := &m.Results[i]
		pkg, name := splitFunction(f.Function)
		si, ok := suiteOf[pkg]
		if !ok {
			si = len(doc.Suites)
			suiteOf[pkg] = si
			doc.Suites = append(doc.Suites, junitSuite{Name: pkg})
		}
		file, line, _ := splitPos(f.Pos)
		tc := junitCase{Name: name, Classname: pkg, File: file, Line: line, Time: seconds(f.TimeMS)}
		switch f.Verdict {
		case ssa.Failed:
			o := f.firstFailed()
			refuted := "refuted"
			if o.Confirmation == "unconfirmed" {
				refuted = "refuted, unconfirmed (the counterexample was not replayed in Go)"
			}
			tc.Failure = &junitProblem{Message: describe(o), Type: string(o.Kind),
				Text: fmt.Sprintf("%s: %s is %s (%s)\ncounterexample: %s\n", f.short, describe(o), refuted, o.Pos, formatCounterexample(o.Counterexample))}
			if f.Unconfirmed {
				tc.Failure.Message += " (unconfirmed)"
			}
		case ssa.Unknown:
			if o := f.firstUnknown(); o != nil {
				tc.Error = &junitProblem{Message: "unknown: " + o.Reason, Type: "unknown",
					Text: fmt.Sprintf("%s: %s is not proved (%s): %s\n", f.short, describe(o), o.Pos, o.Reason)}
			} else {
				tc.Error = &junitProblem{Message: "unknown: " + f.Reason, Type: "unknown", Text: f.short + ": " + f.Reason + "\n"}
			}
		case ssa.Unsupported:
			tc.Error = &junitProblem{Message: "unsupported: " + f.Reason, Type: "unsupported",
				Text: fmt.Sprintf("%s: unsupported: %s (%s)\n", f.short, f.Reason, f.ReasonPos)}
		}
		if f.Vacuous {
			msg := fmt.Sprintf("%s: vacuous: %s\n", f.short, f.VacuousReason)
			if strict && tc.Failure == nil {
				tc.Failure = &junitProblem{Message: "vacuous: " + f.VacuousReason, Type: "vacuous", Text: msg}
			} else {
				tc.SystemOut = "warning: " + msg
			}
		}
		for _, a := range f.Assumptions {
			tc.SystemOut += "assumes: " + assumptionText(a) + "\n"
		}
		s := &doc.Suites[si]
		s.Tests++
		doc.Tests++
		if tc.Failure != nil {
			s.Failures++
			doc.Failures++
		}
		if tc.Error != nil {
			s.Errors++
			doc.Errors++
		}
		suiteMS[pkg] += f.TimeMS
		total += f.TimeMS
		s.Cases = append(s.Cases, tc)
	}
	for i := range doc.Suites {
		doc.Suites[i].Time = seconds(suiteMS[doc.Suites[i].Name])
		doc.Suites[i].Properties = junitSolverProperties(m.Solver)
	}
	if m.Error != "" {
		// The tool error is a test case of its own, so that the report
		// does not read as a clean run.
		doc.Suites = append(doc.Suites, junitSuite{Name: "vsynth", Tests: 1, Errors: 1, Time: seconds(0), Properties: junitSolverProperties(m.Solver),
			Cases: []junitCase{{Name: "run", Classname: "vsynth", Time: seconds(0),
				Error: &junitProblem{Message: firstLine(m.Error), Type: "tool-error", Text: m.Error + "\n"}}}})
		doc.Tests++
		doc.Errors++
	}
	// The root's time is the run's wall-clock time: the functions'
	// times overlap when they are proved in parallel.
	doc.Time = seconds(total)
	if m.wall > 0 {
		doc.Time = seconds(m.wall.Milliseconds())
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// seconds writes milliseconds as seconds.
func seconds(ms int64) string {
	return fmt.Sprintf("%.3f", float64(ms)/1000)
}

// firstLine is s up to its first newline.
func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}
