// Package absx is the absolute value and its one bad input, MinInt32,
// whose negation wraps to itself.
package absx
