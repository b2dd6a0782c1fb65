// Package text is string code with contracts: a palindrome test, a
// prefix test, a byte count, a rune count and a rune search over for
// range (UTF-8 decoding), which vsynth proves, a prefix test that
// forgets the length check, whose counterexample is a pair of Go string
// literals, and a rune lookup that takes a byte index for a rune index,
// refuted with a string holding a multi-byte rune.
package text
