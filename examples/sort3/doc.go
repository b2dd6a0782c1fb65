// Package sort3 is the three-element sorting network of AlphaDev's sort3,
// proved sorted and a permutation of its input; Sort3Buggy, missing a
// comparator, is refuted.
package sort3
