// Package geometry has methods on a struct with value and pointer
// receivers: the receiver is named in specs like any parameter.
package geometry
