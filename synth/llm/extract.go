package llm

import (
	"errors"
	"strings"
)

// errNoCode is a response without Go code.
var errNoCode = errors.New("no ```go code block in the answer")

// extractCode returns the first ```go fenced block of a response (or
// the first fenced block of any language, or, failing both, the whole
// response when it starts with a declaration).
func extractCode(resp string) (string, error) {
	if code, ok := fenced(resp, "```go"); ok {
		return code, nil
	}
	if code, ok := fenced(resp, "```"); ok {
		return code, nil
	}
	if s := strings.TrimSpace(resp); strings.HasPrefix(s, "func ") || strings.HasPrefix(s, "package ") {
		return s, nil
	}
	return "", errNoCode
}

func fenced(s, open string) (string, bool) {
	i := strings.Index(s, open)
	if i < 0 {
		return "", false
	}
	rest := s[i+len(open):]
	nl := strings.IndexByte(rest, '\n')
	if nl < 0 {
		return "", false
	}
	if open == "```" && strings.TrimSpace(rest[:nl]) != "" && strings.TrimSpace(rest[:nl]) != "golang" {
		// another language's block: take it anyway only if it holds Go
		if !strings.Contains(rest, "func ") {
			return "", false
		}
	}
	rest = rest[nl+1:]
	end := strings.Index(rest, "```")
	if end < 0 {
		return rest, true // unterminated: let the parser judge
	}
	return rest[:end], true
}
