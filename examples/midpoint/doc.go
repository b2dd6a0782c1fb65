// Package midpoint is the overflow bug of binary search: (lo+hi)/2
// wraps around when lo+hi exceeds the largest int32.
package midpoint
