// Package provereports runs the vsynth command's scripts about what vsynth prove writes: reports, their formats and the gate's settings, against
// the built binary. The scripts are in cmd/vsynth/testdata/script; the
// group's file-name patterns are in internal/clitest/groups.go.
package provereports
