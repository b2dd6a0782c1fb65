// Package divide shows division's panics and its exact semantics.
package divide
