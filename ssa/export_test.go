package ssa

// What this directory's external tests (package ssa_test) use of the
// package's internals. They are external because they use
// internal/provetest, which imports ssa.

// InstrumentDomains is instrumentDomains (replay_domain_test.go).
var InstrumentDomains = instrumentDomains

// CarryCheckSource is carryCheckSource (confirm_domain.go).
const CarryCheckSource = carryCheckSource
