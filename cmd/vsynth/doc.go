// Package main is the vsynth command: it proves Go functions against their
// contracts (vsynth prove) and combines the JSON reports of sharded runs
// (vsynth merge).
//
// Reports are built as a format-neutral model (report_model.go) that
// every format renders: text, json, sarif, junit and github. Each records
// the solver and the flags that decided its verdicts (report_solver.go).
// vsynth bench runs SyGuS benchmarks against cvc5 and draws them
// (--plot, --scatter; the pictures are package synth/benchplot's).
//
// Only this package parses flags, prints and chooses exit codes; the
// packages it drives return data and errors. Exit status: 0 when every
// checked function is proved, 1 when at least one is refuted, 3 when none
// is refuted but some are not proved (unknown or unsupported), 2 for bad
// input, usage errors and internal failures. The gate (gate.go) can
// accept some of the unproved: --fail-on, a baseline file, and
// //vsynth:ignore comments; every requested report is written on every
// exit, 2 included (outputs.always).
package main
