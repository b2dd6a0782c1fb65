// Package clamp keeps its contract in a spec file, clamp.vspec, for code
// that would rather not carry annotations.
package clamp
