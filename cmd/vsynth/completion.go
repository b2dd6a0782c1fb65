package main

import (
	"fmt"

	"github.com/urfave/cli/v2"
)

// bashCompletion asks vsynth itself for the candidates: with
// --generate-bash-completion urfave/cli lists the subcommands, or the
// flags when the word being completed starts with "-". File names come
// from bash's default completion.
const bashCompletion = `# vsynth completion for bash (and zsh with bashcompinit):
#   source <(vsynth completion bash)
_vsynth_complete() {
	local cur="${COMP_WORDS[COMP_CWORD]}" words
	if [[ "$cur" == -* ]]; then
		words=$("${COMP_WORDS[0]}" "${COMP_WORDS[@]:1:COMP_CWORD}" --generate-bash-completion 2>/dev/null)
	else
		words=$("${COMP_WORDS[0]}" "${COMP_WORDS[@]:1:COMP_CWORD-1}" --generate-bash-completion 2>/dev/null)
	fi
	COMPREPLY=($(compgen -W "$words" -- "$cur"))
}
complete -o bashdefault -o default -F _vsynth_complete vsynth
`

func completionCommand() *cli.Command {
	return &cli.Command{
		Name:      "completion",
		Usage:     "print a shell completion script: bash (zsh: with bashcompinit) or fish",
		ArgsUsage: "bash|fish",
		Action: func(c *cli.Context) error {
			switch c.Args().First() {
			case "bash", "zsh":
				_, err := fmt.Fprint(c.App.Writer, bashCompletion)
				return err
			case "fish":
				s, err := c.App.ToFishCompletion()
				if err != nil {
					return &exitError{code: exitBadInput, err: fmt.Errorf("completion: %w", err)}
				}
				_, err = fmt.Fprint(c.App.Writer, s)
				return err
			}
			return usageError(c, fmt.Errorf("want bash, zsh or fish, got %q", c.Args().First()))
		},
	}
}

func manCommand() *cli.Command {
	return &cli.Command{
		Name:  "man",
		Usage: "print vsynth's manual page (troff): vsynth man > vsynth.1",
		Action: func(c *cli.Context) error {
			s, err := c.App.ToManWithSection(1)
			if err != nil {
				return &exitError{code: exitBadInput, err: fmt.Errorf("man: %w", err)}
			}
			_, err = fmt.Fprint(c.App.Writer, s)
			return err
		},
	}
}
