// Package testmod writes and runs the small Go modules that vsynth's
// tests generate: files (WriteFile, WriteModule, CopyDir), the go
// command's environment for them (GoEnv), a test's numeric settings from
// the environment (EnvUint), and the Go judge of the generator tests
// (RunJudge). It depends on no package of the verifier.
package testmod
