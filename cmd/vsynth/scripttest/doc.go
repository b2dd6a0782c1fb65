// Package scripttest holds, one package per concern, the test packages
// that run the vsynth command's txtar scripts (cmd/vsynth/testdata/script)
// against the built binary: provereports, proveruns, proveconstructs,
// provecontracts, synth and tools. They are separate packages so that go
// test runs them as separate test binaries, none carrying every script
// (internal/clitest tells why).
package scripttest
