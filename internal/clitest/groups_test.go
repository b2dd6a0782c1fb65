package clitest

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// TestEveryScriptInOneGroup checks that every script of cmd/vsynth runs in
// exactly one script package, and that every group has its package.
func TestEveryScriptInOneGroup(t *testing.T) {
	names, err := ScriptNames()
	if err != nil {
		t.Fatal(err)
	}
	if len(names) < 100 {
		t.Fatalf("%d scripts in %s, want the CLI's (over 100)", len(names), ScriptDir())
	}
	count := map[string]int{}
	for _, n := range names {
		gs := GroupsOf(n)
		sort.Strings(gs)
		if len(gs) != 1 {
			t.Errorf("%s is in groups %v, want exactly one (internal/clitest/groups.go)", n, gs)
			continue
		}
		count[gs[0]]++
	}
	for g := range Groups {
		if count[g] == 0 {
			t.Errorf("group %s has no scripts", g)
		}
		src, err := os.ReadFile(filepath.Join(RepoRoot(), "cmd", "vsynth", "scripttest", g, "scripts_test.go"))
		if err != nil {
			t.Errorf("group %s has no package: %v", g, err)
			continue
		}
		if !strings.Contains(string(src), `clitest.RunGroup(t, "`+g+`")`) {
			t.Errorf("cmd/vsynth/scripttest/%s does not run its group", g)
		}
	}
	t.Logf("scripts per group: %v", count)
}
