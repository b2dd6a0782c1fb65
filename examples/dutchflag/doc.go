// Package dutchflag is Dijkstra's Dutch national flag: a three-way
// partition around a pivot with three pointers, proved to permute its
// input and to return region bounds in range.
package dutchflag
