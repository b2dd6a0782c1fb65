// Package isqrt is the integer square root by binary search, proved to
// return the r with r*r <= x < (r+1)*(r+1) for every 16-bit x.
package isqrt
