// Package sumsafe sums a slice of int8 with every addition checked for
// overflow (//vsynth:nooverflow) and bounds on the result, for slices of
// any length up to 2^20.
package sumsafe
