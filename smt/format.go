package smt

import "strings"

// Format renders t as one SMT-LIB expression, without let-sharing. It is
// meant for messages and tests; WriteScript prints queries with sharing.
func Format(t *Term) string {
	var b strings.Builder
	writeTerm(&b, t, nil)
	return b.String()
}
