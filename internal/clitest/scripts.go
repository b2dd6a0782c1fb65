package clitest

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/vsynth/vsynth/internal/testlimits"
)

// RunGroup runs the scripts of one group (Groups) against the binary
// Main built.
func RunGroup(t *testing.T, group string) {
	t.Helper()
	files, err := GroupFiles(group)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatalf("script group %s has no scripts", group)
	}
	Run(t, files)
}

// GroupFiles lists the script files of a group, in name order.
func GroupFiles(group string) ([]string, error) {
	if _, ok := Groups[group]; !ok {
		return nil, fmt.Errorf("no script group %q", group)
	}
	all, err := ScriptNames()
	if err != nil {
		return nil, err
	}
	var files []string
	for _, name := range all {
		if gs := GroupsOf(name); len(gs) == 1 && gs[0] == group {
			files = append(files, filepath.Join(ScriptDir(), name))
		}
	}
	return files, nil
}

// ScriptNames lists the file names of every script.
func ScriptNames() ([]string, error) {
	entries, err := os.ReadDir(ScriptDir())
	if err != nil {
		return nil, fmt.Errorf("reading the scripts: %w", err)
	}
	var names []string
	for _, e := range entries {
		if !e.IsDir() && strings.HasSuffix(e.Name(), ".txtar") {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	return names, nil
}

// Run runs script files against the binary Main built.
func Run(t *testing.T, files []string) {
	t.Helper()
	if BinDir == "" {
		t.Fatal("clitest.Run without clitest.Main: no vsynth binary")
	}
	goEnv, err := goEnvironment()
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Files: files,
		Setup: func(e *testscript.Env) error {
			e.Setenv("PATH", BinDir+string(os.PathListSeparator)+e.Getenv("PATH"))
			// The scripts' modules use only the standard library; share the
			// caller's build cache so go list does not rebuild it.
			for _, kv := range goEnv {
				e.Setenv(kv[0], kv[1])
			}
			e.Setenv("GOPROXY", "off")
			// The default proof cache is the script's own: no script
			// depends on what an earlier run left in a shared one.
			e.Setenv("XDG_CACHE_HOME", filepath.Join(e.WorkDir, ".cache"))
			e.Setenv("GOFLAGS", "-mod=mod")
			// Verdicts under Z3's deterministic resource limit, not the
			// default 10 s, so that they hold on a loaded machine; the
			// time limit stays only as a safety net. A script's own
			// --timeout or --rlimit overrides these.
			for k, v := range LimitsEnv() {
				e.Setenv(k, v)
			}
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"vsynth":       vsynth,
			"status":       status,
			"corruptcache": corruptCache,
			"validsarif":   validFile(SARIFSchemaFile()),
			"validjson":    validFile(JSONSchemaFile()),
			"svgplot":      svgPlot,
		},
	})
}

// LimitsEnv sets vsynth's --rlimit and --timeout defaults for the tests:
// Z3's deterministic resource limit decides, the time limit is only a
// safety net (internal/testlimits).
func LimitsEnv() map[string]string {
	return map[string]string{
		"VSYNTH_RLIMIT":  strconv.FormatUint(testlimits.RLimit, 10),
		"VSYNTH_TIMEOUT": testlimits.Limits.Timeout.String(),
	}
}

// vsynth runs the vsynth binary, as exec does:
//
//	vsynth prove ./...
//	! vsynth prove ./bad
func vsynth(ts *testscript.TestScript, neg bool, args []string) {
	err := ts.Exec("vsynth", args...)
	switch {
	case err != nil && !neg:
		ts.Fatalf("vsynth: %v", err)
	case err == nil && neg:
		ts.Fatalf("vsynth: unexpected success")
	}
}

// status runs a command and checks its exit status:
//
//	status 3 vsynth prove ./...
//
// Its stdout and stderr are kept for the stdout and stderr checks that
// follow, as with exec.
func status(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: status CODE command [args...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("status: bad exit code %q", args[0])
	}
	got := 0
	if err := ts.Exec(args[1], args[2:]...); err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			ts.Fatalf("status: %v", err)
		}
		got = ee.ExitCode()
	}
	if got != want {
		ts.Fatalf("exit status %d, want %d", got, want)
	}
}

// goEnvironment reads the go command's cache settings.
func goEnvironment() ([][2]string, error) {
	names := []string{"GOCACHE", "GOMODCACHE", "GOPATH", "GOROOT"}
	out, err := exec.Command("go", append([]string{"env"}, names...)...).Output()
	if err != nil {
		return nil, fmt.Errorf("go env: %w", err)
	}
	vals := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(vals) != len(names) {
		return nil, fmt.Errorf("go env: %d values for %d names", len(vals), len(names))
	}
	var env [][2]string
	for i, n := range names {
		env = append(env, [2]string{n, vals[i]})
	}
	return env, nil
}
