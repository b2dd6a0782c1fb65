package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/urfave/cli/v2"
)

// Exit statuses.
const (
	exitOK        = 0
	exitFailed    = 1 // a function is refuted
	exitBadInput  = 2 // bad input, usage or internal failure
	exitNotProved = 3 // nothing refuted, something not proved
)

// exitError carries an exit status through urfave/cli.
type exitError struct {
	code int
	err  error // printed to stderr when not nil
}

func (e *exitError) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit status %d", e.code)
	}
	return e.err.Error()
}

func main() {
	os.Exit(run(os.Args, os.Stdout, os.Stderr))
}

// run executes the vsynth command line and returns its exit status.
func run(args []string, stdout, stderr io.Writer) int {
	app := newApp(stdout, stderr)
	unknownCommand := ""
	app.CommandNotFound = func(c *cli.Context, name string) { unknownCommand = name }
	err := app.Run(args)
	if err == nil && unknownCommand != "" {
		err = &exitError{code: exitBadInput, err: fmt.Errorf("unknown command %q", unknownCommand)}
	}
	if err == nil {
		return exitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.err != nil {
			fmt.Fprintln(stderr, "vsynth:", ee.err)
		}
		return ee.code
	}
	fmt.Fprintln(stderr, "vsynth:", err)
	return exitBadInput
}

func newApp(stdout, stderr io.Writer) *cli.App {
	return &cli.App{
		Name:      "vsynth",
		Usage:     "prove Go functions against their contracts, and synthesize them from contracts",
		Writer:    stdout,
		ErrWriter: stderr,
		Commands:  []*cli.Command{proveCommand(), synthCommand(), benchCommand(), rulesCommand(), mergeCommand()},
		// Usage errors exit 2 like every other bad input.
		OnUsageError: func(c *cli.Context, err error, isSubcommand bool) error {
			return &exitError{code: exitBadInput, err: err}
		},
		ExitErrHandler: func(c *cli.Context, err error) {},
	}
}
