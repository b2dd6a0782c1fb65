package main

import "testing"

// TestGitHubEscaping checks the escaping GitHub's workflow commands
// require: %, CR and LF everywhere, and : and , in property values.
func TestGitHubEscaping(t *testing.T) {
	if got, want := escapeData("100% sure\r\nnext: a, b"), "100%25 sure%0D%0Anext: a, b"; got != want {
		t.Errorf("escapeData = %q, want %q", got, want)
	}
	if got, want := escapeProperty("p.F: x, y 5%\n"), "p.F%3A x%2C y 5%25%0A"; got != want {
		t.Errorf("escapeProperty = %q, want %q", got, want)
	}
}
