// Package main is the vsynth command: it proves Go functions against their
// contracts (vsynth prove).
//
// Only this package parses flags, prints and chooses exit codes; the
// packages it drives return data and errors. Exit status: 0 when every
// checked function is proved, 1 when at least one is refuted, 3 when none
// is refuted but some are not proved (unknown or unsupported), 2 for bad
// input, usage errors and internal failures.
package main
