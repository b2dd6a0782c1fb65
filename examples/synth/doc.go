// Package bitops is synthesized: bitops.vspec declares its functions by
// their contracts (synth func), and bitops_synth.go holds what
// vsynth synth -w wrote for them, which vsynth prove re-checks.
package bitops
