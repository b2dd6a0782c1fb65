// Package portfolio combines two solvers into one smt.Solver: a primary
// solver that keeps the assertions and gives models (Z3), and a second
// decision procedure that is handed the whole query at each check (cvc5,
// run as a process).
//
// In Race mode both decide each check at once and the first definite
// answer wins; the other is canceled. In Second mode the second decides
// and the primary is asked only for a model, after the second answered
// sat. Either way a sat answer stands only with a model from the primary
// solver (counterexamples are read from it, and then replayed in Go): when
// the second says sat and the primary cannot give a model, the check is
// unknown, never refuted. Unsat from either solver is a proof.
//
// The solver that decided the last check is DecidedBy's answer, which the
// prover records per obligation (smt.DecidedBy).
package portfolio
