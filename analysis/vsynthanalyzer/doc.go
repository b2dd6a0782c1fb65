// Package vsynthanalyzer is vsynth as a golang.org/x/tools/go/analysis
// Analyzer: it proves the functions with contracts of each package it is
// run on, with the same lowering, solver and counterexample replay as
// vsynth prove, and reports every function that is not proved as a
// diagnostic at the function — failed with its counterexample, unknown
// or unsupported with the reason.
//
// Drivers run an analyzer one package at a time, from its syntax and
// types, with the packages it imports known by their types only. So a
// call into another package cannot be inlined: it is lowered with the
// callee's contract, which the callee's package exported as a Fact
// (ContractFact: the contract as a .vspec file, the callee's verdict and
// the memory it may write). A caller's proof that relies on a contract
// counts only if the callee was proved in its own package, whatever
// packages the driver was asked for: go vet ./p runs the analyzer on
// p's dependencies for their facts.
//
// The analyzer is what cmd/vsynth-vet runs under go vet -vettool, and
// what package analysis/vsynthlint registers with golangci-lint's module
// plugin system; nogo in Bazel can list it too (see the README).
package vsynthanalyzer
