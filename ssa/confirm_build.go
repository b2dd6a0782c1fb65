package ssa

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/packages"
)

// The replay program is compiled by one `go build -overlay` for all the
// packages of a run, in the directory and environment the packages were
// loaded with (so the module, go.work, vendor directory and GOFLAGS build
// tags are those of the load), without writing into the user's tree: the
// overlay adds the replay file and a main package (in a directory that
// exists only in the overlay) to each package with counterexamples, and
// replaces the instrumented files. A case whose code does not compile is
// dropped (unknown, with the compiler's message) and the rest rebuilt.

// replayBuild is the compiled replay program.
type replayBuild struct {
	prog       *Program
	work       string // temporary directory: overlay, sources, binaries
	binaries   map[*packages.Package]string
	cases      []*confirmCase // the cases still to run
	toolErrors []string
	// instrumented maps the files of the packages with checks added to
	// their instrumented source.
	instrumented map[string][]byte
	// overlaid maps the files of the last build's overlay (which the
	// compiler names in its errors) to the paths they stand for.
	overlaid map[string]string
}

func (b *replayBuild) cleanup() { os.RemoveAll(b.work) }

// replayPkg is one package of the replay program.
type replayPkg struct {
	pkg     *packages.Package
	cases   []*confirmCase
	mainDir string // the main package's directory (in the overlay)
	file    string // the replay file's path (in the overlay)
}

// buildReplays writes and compiles the replay program of cases. Cases
// that cannot be written or compiled get their verdict.
func (p *Program) buildReplays(ctx context.Context, cases []*confirmCase, opts ConfirmOptions) (*replayBuild, error) {
	work, err := os.MkdirTemp("", "vsynth-confirm-")
	if err != nil {
		return nil, fmt.Errorf("confirm: %w", err)
	}
	b := &replayBuild{prog: p, work: work, binaries: map[*packages.Package]string{}, overlaid: map[string]string{}}
	var pkgs []*replayPkg
	byPkg := map[*packages.Package]*replayPkg{}
	mainDirs := map[string]string{} // mainRoot -> the main package's directory
	for i, c := range cases {
		c.index = i
		pkg := c.res.Target.Package
		rp := byPkg[pkg]
		if rp == nil {
			rp = &replayPkg{pkg: pkg}
			rp.file = filepath.Join(packageDir(pkg), replayFileName)
			// One main package (one link) for all the packages that
			// a main in the same directory may import.
			root := mainRoot(pkg)
			if mainDirs[root] == "" {
				mainDirs[root] = filepath.Join(root, fmt.Sprintf("zzvsynth_replay_%d", len(mainDirs)))
			}
			rp.mainDir = mainDirs[root]
			byPkg[pkg] = rp
			pkgs = append(pkgs, rp)
		}
		c.imports = map[string]string{}
		code, err := p.caseCode(c, c.imports)
		if err != nil {
			c.verdict = "the replay cannot be written: " + err.Error()
			continue
		}
		c.code = code
		rp.cases = append(rp.cases, c)
	}
	// Instrument every loaded package: a counterexample may call into
	// any of them.
	instrumented := map[string][]byte{}
	b.instrumented = instrumented
	for _, pkg := range p.Packages {
		if isTestPackage(pkg) {
			continue // go build compiles no _test.go file (load_tests.go)
		}
		files, err := p.instrumentPackage(pkg)
		if err != nil {
			b.failPackage(byPkg[pkg], "instrumenting the package for the replay: "+err.Error())
			continue
		}
		for name, src := range files {
			instrumented[name] = src
		}
		if byPkg[pkg] == nil && len(files) > 0 {
			// Instrumented code calls the replay helpers.
			rp := &replayPkg{pkg: pkg, file: filepath.Join(packageDir(pkg), replayFileName)}
			byPkg[pkg] = rp
			pkgs = append(pkgs, rp)
		}
	}
	for name, src := range p.foreignRequiresOverlay() {
		instrumented[name] = src
	}
	for attempt := 0; ; attempt++ {
		var live []*replayPkg
		for _, rp := range pkgs {
			if rp.mainDir == "" || len(rp.cases) > 0 {
				live = append(live, rp)
			}
		}
		if !hasCases(live) {
			break
		}
		out, err := p.compile(ctx, b, live, opts)
		if ctx.Err() != nil {
			return nil, fmt.Errorf("confirm: %w", ctx.Err())
		}
		if err == nil {
			for _, rp := range live {
				if rp.mainDir != "" {
					b.binaries[rp.pkg] = filepath.Join(work, "bin", filepath.Base(rp.mainDir)+exeSuffix())
					b.cases = append(b.cases, rp.cases...)
				}
			}
			break
		}
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			// The go command did not run.
			msg := fmt.Sprintf("running %s build: %v", opts.GoCommand, err)
			b.toolErrors = append(b.toolErrors, msg)
			for _, rp := range live {
				b.failPackage(rp, "the replay program cannot be built: "+msg)
			}
			break
		}
		if attempt == 4 || !b.dropFailing(live, out) {
			msg := "the replay program does not build: " + firstLines(out, 3)
			b.toolErrors = append(b.toolErrors, msg)
			for _, rp := range live {
				b.failPackage(rp, msg)
			}
			break
		}
	}
	return b, nil
}

func hasCases(pkgs []*replayPkg) bool {
	for _, rp := range pkgs {
		if len(rp.cases) > 0 {
			return true
		}
	}
	return false
}

// failPackage gives every remaining case of rp the verdict why.
func (b *replayBuild) failPackage(rp *replayPkg, why string) {
	if rp == nil {
		return
	}
	for _, c := range rp.cases {
		if c.verdict == "" {
			c.verdict = why
		}
	}
	rp.cases = nil
}

// compile writes the overlay of pkgs and builds their main packages.
func (p *Program) compile(ctx context.Context, b *replayBuild, pkgs []*replayPkg, opts ConfirmOptions) ([]byte, error) {
	work := b.work
	src := filepath.Join(work, fmt.Sprintf("src%d", len(b.overlaid)))
	if err := os.MkdirAll(src, 0o755); err != nil {
		return nil, fmt.Errorf("confirm: %w", err)
	}
	overlay := map[string]string{}
	n := 0
	add := func(path string, content []byte) error {
		n++
		tmp := filepath.Join(src, fmt.Sprintf("%d_%s", n, filepath.Base(path)))
		if err := os.WriteFile(tmp, content, 0o644); err != nil {
			return fmt.Errorf("confirm: %w", err)
		}
		overlay[path] = tmp
		b.overlaid[tmp] = path
		return nil
	}
	for name, content := range b.instrumented {
		if err := add(name, content); err != nil {
			return nil, err
		}
	}
	var mains []string
	groups := map[string][]*replayPkg{}
	for _, rp := range pkgs {
		if err := add(rp.file, replayFile(rp.pkg, rp.cases)); err != nil {
			return nil, err
		}
		if rp.mainDir == "" || len(rp.cases) == 0 {
			continue
		}
		if groups[rp.mainDir] == nil {
			mains = append(mains, rp.mainDir)
		}
		groups[rp.mainDir] = append(groups[rp.mainDir], rp)
	}
	for _, dir := range mains {
		for name, content := range map[string][]byte{
			"main.go":        replayMain(groups[dir]),
			"limit_linux.go": []byte(replayLimitLinux),
			"limit_other.go": []byte(replayLimitOther),
		} {
			if err := add(filepath.Join(dir, name), content); err != nil {
				return nil, err
			}
		}
	}
	js, err := json.Marshal(map[string]any{"Replace": overlay})
	if err != nil {
		return nil, err
	}
	ovFile := filepath.Join(work, "overlay.json")
	if err := os.WriteFile(ovFile, js, 0o644); err != nil {
		return nil, fmt.Errorf("confirm: %w", err)
	}
	bin := filepath.Join(work, "bin") + string(filepath.Separator)
	args := append(append([]string{"build"}, p.flags...), "-overlay", ovFile, "-o", bin)
	args = append(args, mains...)
	cmd := exec.CommandContext(ctx, opts.GoCommand, args...)
	cmd.Dir = p.dir
	cmd.Env = p.env
	return cmd.CombinedOutput()
}

var compileError = regexp.MustCompile(`(?m)^(?:# .*\n)?(\S[^:\n]*\.go):(\d+)(?::\d+)?: (.*)$`)

// dropFailing gives the cases the compiler output out blames their
// verdict, and drops them (a package whose own or instrumented files do
// not compile loses all its cases). It reports whether it dropped any.
func (b *replayBuild) dropFailing(pkgs []*replayPkg, out []byte) bool {
	dropped := false
	built := map[*replayPkg][]*confirmCase{} // the cases the failed build had
	for _, rp := range pkgs {
		built[rp] = append([]*confirmCase(nil), rp.cases...)
	}
	for _, m := range compileError.FindAllSubmatch(out, -1) {
		file, msg := string(m[1]), string(m[3])
		line, _ := strconv.Atoi(string(m[2]))
		if !filepath.IsAbs(file) {
			file = filepath.Join(b.prog.dir, file)
		}
		if orig, ok := b.overlaid[filepath.Clean(file)]; ok {
			file = orig
		}
		if _, ok := b.instrumented[file]; ok {
			// Checks that do not compile: the package runs without them
			// (its callers' call-requires are then not confirmed).
			for name := range b.instrumented {
				if filepath.Dir(name) == filepath.Dir(file) {
					delete(b.instrumented, name)
				}
			}
			dropped = true
			continue
		}
		for _, rp := range pkgs {
			switch {
			case file == rp.file:
				var blamed *confirmCase
				for _, c := range built[rp] {
					if line >= c.lines[0] && line <= c.lines[1] {
						blamed = c
					}
				}
				if blamed != nil {
					if blamed.verdict == "" {
						blamed.verdict = "the replay of this counterexample does not compile: " + msg
						rp.cases = slices.DeleteFunc(rp.cases, func(c *confirmCase) bool { return c == blamed })
						dropped = true
					}
					continue
				}
				if len(rp.cases) > 0 {
					// The shared part of the replay file.
					b.failPackage(rp, "the replay program does not build: "+msg)
					dropped = true
				}
			case filepath.Dir(file) == rp.mainDir:
				if len(rp.cases) > 0 {
					b.failPackage(rp, "the instrumented package does not build: "+filepath.Base(file)+": "+msg)
					dropped = true
				}
			}
		}
	}
	return dropped
}

// mainRoot is the directory in which a main package may import pkg: the
// parent of its last internal element, or else its module's root (or, out
// of module mode, its own directory).
func mainRoot(pkg *packages.Package) string {
	dir := packageDir(pkg)
	elems := strings.Split(pkg.PkgPath, "/")
	for i := len(elems) - 1; i >= 0; i-- {
		if elems[i] == "internal" {
			// Drop the elements from internal on from the directory.
			for range len(elems) - i {
				dir = filepath.Dir(dir)
			}
			return dir
		}
	}
	if pkg.Module != nil && pkg.Module.Dir != "" {
		return pkg.Module.Dir
	}
	return dir
}

func exeSuffix() string {
	if os.PathSeparator == '\\' {
		return ".exe"
	}
	return ""
}

// firstLines returns up to n lines of out, on one line.
func firstLines(out []byte, n int) string {
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) > n {
		lines = lines[:n]
	}
	return strings.Join(lines, "; ")
}
