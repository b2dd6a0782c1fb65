// Package examples holds runnable examples of vsynth: small Go packages
// whose functions carry contracts, some correct and proved, some with real
// bugs that vsynth refutes with a counterexample. Run
//
//	vsynth prove ./examples/...
//
// from the repository root; README.md shows the output.
package examples
