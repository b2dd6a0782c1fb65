package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

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
		err = &exitError{code: exitBadInput, err: fmt.Errorf("unknown command %q\nrun 'vsynth --help' for usage", unknownCommand)}
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
	cli.VersionPrinter = func(c *cli.Context) { printVersion(c.App.Writer) }
	cli.VersionFlag = &cli.BoolFlag{Name: "version", Usage: "print vsynth's version, build and Z3 version"}
	cli.FlagStringer = flagString
	app := &cli.App{
		Name:      "vsynth",
		Usage:     "prove Go functions against their contracts, and synthesize them from contracts",
		Version:   version,
		Writer:    stdout,
		ErrWriter: stderr,
		Commands: []*cli.Command{proveCommand(), synthCommand(), benchCommand(), rulesCommand(), learnCommand(), mergeCommand(),
			completionCommand(), manCommand()},
		EnableBashCompletion: true,
		// Usage errors exit 2 like every other bad input, with a hint on
		// stderr rather than the whole help on stdout (which may be a
		// report file).
		OnUsageError: func(c *cli.Context, err error, isSubcommand bool) error {
			return usageError(c, err)
		},
		ExitErrHandler: func(c *cli.Context, err error) {},
	}
	var setUsage func(cmds []*cli.Command)
	setUsage = func(cmds []*cli.Command) {
		for _, cmd := range cmds {
			cmd.OnUsageError = func(c *cli.Context, err error, isSubcommand bool) error {
				return usageError(c, err)
			}
			setUsage(cmd.Subcommands)
		}
	}
	setUsage(app.Commands)
	return app
}

// usageError is a usage error's exit: status 2 and, on stderr, the error
// and where to find the usage.
func usageError(c *cli.Context, err error) error {
	name := "vsynth"
	if c.Command != nil && c.Command.Name != "" {
		name = c.Command.HelpName
	}
	// run prints "vsynth: " before the error.
	prefix := ""
	if rest, ok := strings.CutPrefix(name, "vsynth "); ok {
		prefix = rest + ": "
	}
	return &exitError{code: exitBadInput, err: fmt.Errorf("%s%w\nrun '%s --help' for usage", prefix, err, name)}
}

// flagString renders a flag for --help like urfave/cli, without a
// "(default: ...)" that says nothing (false, empty) or that the usage
// text already gives.
func flagString(f cli.Flag) string {
	s := defaultFlagStringer(f)
	df, ok := f.(cli.DocGenerationFlag)
	if !ok {
		return s
	}
	def, usage := df.GetDefaultText(), df.GetUsage()
	if def == "" || def == "false" || def == `""` || strings.Contains(usage, "default") || strings.Contains(usage, "0: none") {
		s = strings.Replace(s, " (default: "+def+")", "", 1)
	}
	return s
}

// defaultFlagStringer is urfave/cli's own flag renderer.
var defaultFlagStringer = cli.FlagStringer
