package main

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/vsynth/vsynth/ssa"
)

// parseShard reads "I/N".
func parseShard(s string) (*shardInfo, error) {
	is, ns, ok := strings.Cut(s, "/")
	i, err1 := strconv.Atoi(is)
	n, err2 := strconv.Atoi(ns)
	if !ok || err1 != nil || err2 != nil || n < 1 || i < 1 || i > n {
		return nil, fmt.Errorf("want I/N with 1 <= I <= N, got %q", s)
	}
	return &shardInfo{Index: i, Count: n}, nil
}

// shardTargets picks shard sh's share of targets: the functions at
// positions Index-1, Index-1+Count, ... of the list sorted by full name.
// The list (and so the share) depends only on the code and the patterns,
// never on the machine; interleaving spreads each package's functions,
// and their cost, over the shards.
func shardTargets(targets []*ssa.Target, sh *shardInfo) []*ssa.Target {
	var out []*ssa.Target
	for i, t := range targets { // Load sorts targets by name
		if i%sh.Count == sh.Index-1 {
			out = append(out, t)
		}
	}
	return out
}
