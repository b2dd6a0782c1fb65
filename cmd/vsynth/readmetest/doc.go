// Package readmetest checks that README.md tells the truth: every command
// shown in it as a "$ vsynth ..." line at the top of a fenced block is run
// with the vsynth command, from the repository root, and must print
// exactly the block (times aside), once with a cold proof cache and once
// with a warm one. It is a package of its own, apart from cmd/vsynth's
// tests, because proving the README's examples is a large share of the
// suite's work: each package's default run stays far from go test's
// 10-minute limit on a loaded machine (docs/soundness.md, "The suite
// under load").
package readmetest
