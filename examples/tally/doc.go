// Package tally is map code with contracts: a vote counter that adds,
// retracts and reads counts in a map, which vsynth proves (the key test
// of its contracts is the spec helper has(m, k)), and an Add that
// forgets a nil map, whose counterexample is m = nil, and a Total that
// ranges over the map, proved for every order of iteration.
package tally
