// Package proveruns runs the vsynth command's scripts about how vsynth prove runs: its proof cache, confirmation, solvers, budgets and the build it checks, against
// the built binary. The scripts are in cmd/vsynth/testdata/script; the
// group's file-name patterns are in internal/clitest/groups.go.
package proveruns
