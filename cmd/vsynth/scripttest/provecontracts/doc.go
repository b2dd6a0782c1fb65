// Package provecontracts runs the vsynth command's scripts about the contract language: clauses, .vspec files, loops and calls in clauses, against
// the built binary. The scripts are in cmd/vsynth/testdata/script; the
// group's file-name patterns are in internal/clitest/groups.go.
package provecontracts
