// Package proveconstructs runs the vsynth command's scripts about the Go constructs vsynth prove models (maps, strings, closures, defer, generics, interfaces...), against
// the built binary. The scripts are in cmd/vsynth/testdata/script; the
// group's file-name patterns are in internal/clitest/groups.go.
package proveconstructs
