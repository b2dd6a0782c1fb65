package p

import "strings"

// Strip relies on the shipped contract of strings.TrimPrefix, proved
// against its GOROOT source: a pass uses it as a load does.
//
//vsynth:ensures len(result) <= len(s)
func Strip(s string) string { return strings.TrimPrefix(s, "./") } // want Strip:`vsynth contract \(proved\)`

// Pad calls strings.Repeat outside its domain: the call-requires
// obligation is refuted, and the replay confirms it by Repeat's own panic.
//
//vsynth:ensures true
func Pad(n int) string { return strings.Repeat(" ", n) } // want Pad:`vsynth contract` `p.Pad: failed: call-requires count >= 0 \(stdlib.go:15\): counterexample: n = -\d+$`
