// Package tools runs the vsynth command's scripts about the other commands (rules, learn, bench, merge) and the CLI itself (help, version, completion), against
// the built binary. The scripts are in cmd/vsynth/testdata/script; the
// group's file-name patterns are in internal/clitest/groups.go.
package tools
