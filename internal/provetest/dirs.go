package provetest

import (
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/vsynth/vsynth/ssa"
)

// ConstructDirs are the directories of testdata/prove that hold one
// construct each of issues 17 (real Go: interfaces, generics, closures,
// defer, globals, maps, the shipped standard-library contracts, string
// ranges, map ranges, function-typed parameters, zero-width values,
// clear, interfaces in memory) and 18 (pure functions, multisets,
// frames). ssa/constructstest proves them; ssa/corpustest the others.
var ConstructDirs = []string{"interfaces", "generics", "closures", "defer", "globals", "maps", "pure", "seq", "stdlib", "strrange", "frames", "maprange", "funcparam", "zerowidth", "clear", "ifacemem"}

// CoreDirs are the directories of the testdata/prove module at root that
// are not ConstructDirs (none when root cannot be read: the corpus then
// fails to load).
func CoreDirs(root string) []string {
	entries, _ := os.ReadDir(root)
	var dirs []string
	for _, e := range entries {
		if e.IsDir() && !slices.Contains(ConstructDirs, e.Name()) {
			dirs = append(dirs, e.Name())
		}
	}
	return dirs
}

// DirPatterns are the package patterns of dirs ("./DIR/...").
func DirPatterns(dirs []string) []string {
	var ps []string
	for _, d := range dirs {
		ps = append(ps, "./"+d+"/...")
	}
	return ps
}

// ResultsIn keeps the results of the functions declared below dir.
func ResultsIn(prog *ssa.Program, results []*ssa.FuncResult, dir string) []*ssa.FuncResult {
	var mine []*ssa.FuncResult
	for _, r := range results {
		if strings.HasPrefix(prog.Fset.Position(r.Target.Pos).Filename, dir+string(filepath.Separator)) {
			mine = append(mine, r)
		}
	}
	return mine
}
