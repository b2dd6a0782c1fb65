// Package synth runs the vsynth command's scripts about vsynth synth: SyGuS and .vspec synthesis, the LLM strategy, its outputs, against
// the built binary. The scripts are in cmd/vsynth/testdata/script; the
// group's file-name patterns are in internal/clitest/groups.go.
package synth
