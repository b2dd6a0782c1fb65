package ssa

import (
	"slices"
	"strings"

	"golang.org/x/tools/go/packages"
)

// Contracts of the module's other packages. A call into a package of the
// module that the patterns did not name is lowered as it is when the
// package is named: with the callee's contract, or by inlining its body.
// So Load also loads, from source, every package of the module that a
// loaded package imports (transitively): their functions with specs are
// the Program's Deps, not its Targets. Prove proves the dependencies
// whose contracts a target's proof relied on, in the same run, without
// reporting them, so that `vsynth prove ./p` and `vsynth prove ./...`
// give p the same verdicts.

// maxDepRounds bounds the reloads that follow the module's imports: each
// round adds the imports of the packages the previous one added.
const maxDepRounds = 16

// loadWithDeps runs go/packages on patterns and then again with the
// module packages they import that are not loaded from source yet,
// until none is missing. It returns the packages and the import paths
// loaded only as dependencies.
func loadWithDeps(cfg *packages.Config, patterns []string) ([]*packages.Package, map[string]bool, error) {
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		return nil, nil, err
	}
	deps := map[string]bool{}
	for range maxDepRounds {
		if packageErrors(pkgs) != nil {
			return pkgs, deps, nil // reported by the caller, as without dependencies
		}
		missing := missingModuleImports(pkgs)
		if len(missing) == 0 {
			break
		}
		for _, m := range missing {
			deps[m] = true
		}
		all := slices.Clone(patterns)
		for d := range deps {
			all = append(all, d)
		}
		slices.Sort(all[len(patterns):])
		if pkgs, err = packages.Load(cfg, all...); err != nil {
			return nil, nil, err
		}
		if cfg.Tests {
			pkgs = slices.DeleteFunc(pkgs, func(p *packages.Package) bool { return deps[testedPath(p)] })
		}
	}
	return pkgs, deps, nil
}

// missingModuleImports lists, sorted, the imports of pkgs that lie in the
// importing package's module and are not among pkgs.
func missingModuleImports(pkgs []*packages.Package) []string {
	loaded := map[string]bool{}
	for _, p := range pkgs {
		loaded[p.PkgPath] = true // a test variant has its package's path
	}
	missing := map[string]bool{}
	for _, p := range pkgs {
		if p.Module == nil || p.Module.Path == "" {
			continue
		}
		for path := range p.Imports {
			if !loaded[path] && inModule(path, p.Module.Path) {
				missing[path] = true
			}
		}
	}
	out := make([]string, 0, len(missing))
	for m := range missing {
		out = append(out, m)
	}
	slices.Sort(out)
	return out
}

// inModule reports whether the import path lies in the module modPath.
func inModule(path, modPath string) bool {
	return path == modPath || strings.HasPrefix(path, modPath+"/")
}

// testedPath is the path of the package that p tests: p's own path for a
// test variant, the external test package or the test main, "" for a
// package that is none of them.
func testedPath(p *packages.Package) string {
	if !strings.HasSuffix(p.ID, ".test") && !strings.HasSuffix(p.ID, ".test]") {
		return ""
	}
	_, forTest, ok := strings.Cut(p.ID, " [")
	if !ok {
		return strings.TrimSuffix(p.ID, ".test")
	}
	return strings.TrimSuffix(forTest, ".test]")
}
