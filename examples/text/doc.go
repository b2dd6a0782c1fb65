// Package text is string code with contracts: a palindrome test, a
// prefix test and a byte count, which vsynth proves, and a prefix test
// that forgets the length check, whose counterexample is a pair of Go
// string literals.
package text
