package readmetest

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/vsynth/vsynth/internal/testlimits"
)

// vsynthBin is the vsynth command built by TestMain for the test.
var vsynthBin string

// TestMain builds cmd/vsynth once (its packages are in the build cache
// from compiling the tests, so this mostly links) and runs the tests.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "vsynth-readme")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	vsynthBin = filepath.Join(dir, "vsynth")
	build := exec.Command("go", "build", "-o", vsynthBin, "github.com/vsynth/vsynth/cmd/vsynth")
	if out, err := build.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "go build ./cmd/vsynth: %v\n%s", err, out)
		os.RemoveAll(dir)
		os.Exit(2)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// TestReadmeOutput runs every command shown in README.md as a
// "$ vsynth ..." line at the top of a fenced block, from the repository
// root, and checks that the block shows exactly what vsynth prints (times
// aside). It keeps the README's examples and their verdicts true.
func TestReadmeOutput(t *testing.T) {
	readme, err := os.ReadFile("../../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir("../../..")
	blocks := readmeCommands(string(readme))
	if len(blocks) < 3 {
		t.Fatalf("README shows %d vsynth commands, want at least 3", len(blocks))
	}
	times := regexp.MustCompile(`"time_ms": \d+`)
	// A proof cache of the test's own: the first pass fills it, the second
	// answers from it and must print exactly the same.
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	// Verdicts under Z3's deterministic resource limit, as in every test
	// that expects one (internal/testlimits).
	t.Setenv("VSYNTH_RLIMIT", strconv.FormatUint(testlimits.RLimit, 10))
	t.Setenv("VSYNTH_TIMEOUT", testlimits.Limits.Timeout.String())
	for pass := range 2 {
		for _, b := range blocks {
			checkReadmeBlock(t, b, times, pass)
		}
	}
}

// checkReadmeBlock runs one README command and compares its output.
func checkReadmeBlock(t *testing.T, b readmeCommand, times *regexp.Regexp, pass int) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(vsynthBin, b.args...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		if _, ok := err.(*exec.ExitError); !ok {
			t.Fatalf("vsynth %s: %v", strings.Join(b.args, " "), err)
		}
	}
	got := solverLimits.ReplaceAllString(times.ReplaceAllString(stdout.String(), `"time_ms": N`), solverLimitsN)
	want := solverLimits.ReplaceAllString(times.ReplaceAllString(b.output, `"time_ms": N`), solverLimitsN)
	if got != want {
		t.Errorf("README (pass %d, cache %s): $ vsynth %s\nshows:\n%s\nvsynth prints:\n%s%s", pass+1, []string{"cold", "warm"}[pass], strings.Join(b.args, " "), want, got, stderr.String())
	}
}

// solverLimits matches the Z3 version and the limits of a JSON report's
// solver: the README shows the defaults and the Z3 it was written with,
// the test runs under the tests' own limits (setTestLimits) and the
// machine's Z3.
var solverLimits = regexp.MustCompile(`("solver": \{\n\s+"name": "[^"]+",\n\s+"version": )"[^"]+"(,\n\s+"rlimit": )\d+(,\n\s+"timeout_ms": )\d+`)

const solverLimitsN = `${1}"V"${2}N${3}N`

type readmeCommand struct {
	args   []string
	output string
}

// readmeCommands finds the fenced blocks that start with "$ vsynth ".
func readmeCommands(readme string) []readmeCommand {
	var cmds []readmeCommand
	lines := strings.Split(readme, "\n")
	for i := 0; i < len(lines); i++ {
		if !strings.HasPrefix(lines[i], "```") || i+1 >= len(lines) || !strings.HasPrefix(lines[i+1], "$ vsynth ") {
			continue
		}
		c := readmeCommand{args: shellFields(strings.TrimPrefix(lines[i+1], "$ vsynth "))}
		var out strings.Builder
		for i += 2; i < len(lines) && !strings.HasPrefix(lines[i], "```"); i++ {
			out.WriteString(lines[i] + "\n")
		}
		c.output = out.String()
		cmds = append(cmds, c)
	}
	return cmds
}

// shellFields splits a command line on spaces, honouring single quotes.
func shellFields(s string) []string {
	var fields []string
	var cur strings.Builder
	quoted, inField := false, false
	for _, r := range s {
		switch {
		case r == '\'':
			quoted, inField = !quoted, true
		case r == ' ' && !quoted:
			if inField {
				fields = append(fields, cur.String())
				cur.Reset()
				inField = false
			}
		default:
			cur.WriteRune(r)
			inField = true
		}
	}
	if inField {
		fields = append(fields, cur.String())
	}
	return fields
}
