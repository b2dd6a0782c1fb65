package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/urfave/cli/v2"
)

// reportFlags are the report flags that prove and merge share (and rules
// check can take): the format on stdout, side outputs, -v and --strict.
func reportFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "json", Usage: "also write the JSON report to `FILE`"},
		&cli.StringFlag{Name: "sarif", Usage: "also write a SARIF 2.1.0 report to `FILE`"},
		&cli.StringFlag{Name: "junit", Usage: "also write a JUnit XML report to `FILE`"},
		&cli.BoolFlag{Name: "strict", Usage: "a vacuous proof is a failure (exit 1)"},
	}
}

// formats lists the --format values.
var formats = map[string]func(m *reportModel, w io.Writer, opts textOptions) error{
	"text":   func(m *reportModel, w io.Writer, opts textOptions) error { return m.writeText(w, opts) },
	"json":   func(m *reportModel, w io.Writer, _ textOptions) error { return m.writeJSON(w) },
	"sarif":  func(m *reportModel, w io.Writer, opts textOptions) error { return m.writeSARIF(w, opts.strict) },
	"junit":  func(m *reportModel, w io.Writer, opts textOptions) error { return m.writeJUnit(w, opts.strict) },
	"github": func(m *reportModel, w io.Writer, opts textOptions) error { return m.writeGitHub(w, opts) },
}

// writeNothing stands for the text report of a run that stopped on an
// error: stderr has the error.
func writeNothing(*reportModel, io.Writer, textOptions) error { return nil }

// outputs is where and how a report is written.
type outputs struct {
	format  string
	strict  bool
	verbose bool
	side    [][2]string // format, file
	solver  *solverInfo // the solver and its flags, for the reports
	written bool        // the reports have been written
}

func newOutputs(c *cli.Context) (*outputs, error) {
	o := &outputs{format: c.String("format"), strict: c.Bool("strict"), verbose: c.Bool("v")}
	if _, ok := formats[o.format]; !ok {
		return nil, &exitError{code: exitBadInput, err: fmt.Errorf("%s: unknown --format %q (want text, json, sarif, junit or github)", c.Command.Name, o.format)}
	}
	for _, f := range []string{"json", "sarif", "junit"} {
		if name := c.String(f); name != "" {
			o.side = append(o.side, [2]string{f, name})
		}
	}
	return o, nil
}

// write renders m on stdout and into the side files. Side outputs never
// change the exit status: a side file that cannot be written is reported
// on stderr. Each is written whatever became of the others: the side
// files even when stdout cannot be written (which exits 2).
func (o *outputs) write(c *cli.Context, m *reportModel) error {
	o.written = true
	if m.Solver == nil {
		m.Solver = o.solver
	}
	opts := textOptions{verbose: o.verbose, strict: o.strict}
	var stdoutErr error
	render := formats[o.format]
	if o.format == "none" {
		render = writeNothing
	}
	if err := render(m, c.App.Writer, opts); err != nil {
		stdoutErr = &exitError{code: exitBadInput, err: fmt.Errorf("writing the report: %w", err)}
	}
	for _, s := range o.side {
		var b bytes.Buffer
		if err := formats[s[0]](m, &b, opts); err == nil {
			err = os.WriteFile(s[1], b.Bytes(), 0o644)
			if err != nil {
				fmt.Fprintf(c.App.ErrWriter, "vsynth: --%s: %v\n", s[0], err)
			}
		} else {
			fmt.Fprintf(c.App.ErrWriter, "vsynth: --%s: %v\n", s[0], err)
		}
	}
	return stdoutErr
}

// always makes sure that every requested report is written whatever the
// exit: when err is a tool error (exit 2) that stopped the run before its
// report, it writes a report that records the error (a notification in
// SARIF, "error" in JSON, an error test case in JUnit, an annotation for
// GitHub; the text report prints nothing more than the error on stderr),
// so that a CI step uploading the reports finds them. It returns err.
func (o *outputs) always(c *cli.Context, err error) error {
	var ee *exitError
	if o.written || !errors.As(err, &ee) || ee.code != exitBadInput || ee.err == nil {
		return err
	}
	m := &reportModel{Results: []funcReport{}, Error: relText(ee.err.Error())}
	if o.format == "text" {
		// stderr carries the error; stdout stays empty.
		o.format = "none"
	}
	if werr := o.write(c, m); werr != nil {
		fmt.Fprintln(c.App.ErrWriter, "vsynth:", werr)
	}
	return err
}
