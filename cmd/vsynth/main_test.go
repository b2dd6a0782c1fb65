package main

import (
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/vsynth/vsynth/internal/testlimits"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"vsynth": func() { os.Exit(run(os.Args, os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs the CLI scripts in testdata/script: one behaviour each.
func TestScripts(t *testing.T) {
	goEnv := goEnvironment(t)
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(e *testscript.Env) error {
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
			for k, v := range testLimitsEnv() {
				e.Setenv(k, v)
			}
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"status":       status,
			"corruptcache": corruptCache,
			"validsarif":   validFile(sarifSchemaFile),
			"validjson":    validFile(jsonSchemaFile),
			"svgplot":      svgPlot,
		},
	})
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

// corruptCache overwrites every entry of a proof cache directory with
// garbage:
//
//	corruptcache $WORK/cache
func corruptCache(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: corruptcache DIR")
	}
	n := 0
	err := filepath.WalkDir(ts.MkAbs(args[0]), func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		n++
		return os.WriteFile(path, []byte("{\"key\": \"trunc"), 0o644)
	})
	if err != nil {
		ts.Fatalf("corruptcache: %v", err)
	}
	if n == 0 {
		ts.Fatalf("corruptcache: no entries in %s", args[0])
	}
}

// validFile returns a script command that validates a file against the
// JSON schema schemaFile (relative to the package directory):
//
//	validsarif out.sarif
//	validjson out.json
func validFile(schemaFile string) func(ts *testscript.TestScript, neg bool, args []string) {
	abs, err := filepath.Abs(schemaFile)
	if err != nil {
		panic(err)
	}
	return func(ts *testscript.TestScript, neg bool, args []string) {
		if neg || len(args) != 1 {
			ts.Fatalf("usage: valid(sarif|json) FILE")
		}
		schema, err := compileSchemaFile(abs)
		ts.Check(err)
		doc, err := os.ReadFile(ts.MkAbs(args[0]))
		ts.Check(err)
		if err := validateJSON(schema, doc); err != nil {
			ts.Fatalf("%s does not match %s: %v", args[0], filepath.Base(schemaFile), err)
		}
	}
}

// goEnvironment reads the go command's cache settings.
func goEnvironment(t *testing.T) [][2]string {
	t.Helper()
	out, err := exec.Command("go", "env", "GOCACHE", "GOMODCACHE", "GOPATH", "GOROOT").Output()
	if err != nil {
		t.Fatalf("go env: %v", err)
	}
	vals := strings.Split(strings.TrimSpace(string(out)), "\n")
	names := []string{"GOCACHE", "GOMODCACHE", "GOPATH", "GOROOT"}
	var env [][2]string
	for i, n := range names {
		env = append(env, [2]string{n, vals[i]})
	}
	return env
}

// testLimitsEnv sets vsynth's --rlimit and --timeout defaults for the
// tests: Z3's deterministic resource limit decides, the time limit is only
// a safety net (internal/testlimits).
func testLimitsEnv() map[string]string {
	return map[string]string{
		"VSYNTH_RLIMIT":  strconv.FormatUint(testlimits.RLimit, 10),
		"VSYNTH_TIMEOUT": testlimits.Limits.Timeout.String(),
	}
}

// setTestLimits sets testLimitsEnv for the rest of the test.
func setTestLimits(t *testing.T) {
	for k, v := range testLimitsEnv() {
		t.Setenv(k, v)
	}
}
