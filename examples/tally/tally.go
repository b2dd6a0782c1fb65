package tally

// Votes counts the votes per candidate (candidates are numbered).
type Votes map[uint16]uint32

// maxVotes bounds a count: one vote per voter of a 2^31-voter election.
const maxVotes = 1 << 31

// Add records a vote for c on a map the caller made.
//
//vsynth:requires v != nil && v[c] < maxVotes
//vsynth:ensures v[c] == old(v[c]) + 1
//vsynth:ensures len(v) == old(len(v)) + 1 || old(has(v, c))
func Add(v Votes, c uint16) {
	v[c]++
}

// Retract takes a vote for c back: the candidate's entry goes when its
// count reaches zero, so that len(v) is the number of candidates with
// votes.
//
//vsynth:ensures !has(v, c) || v[c] == old(v[c]) - 1
//vsynth:ensures old(v[c]) > 1 || !has(v, c)
//vsynth:ensures len(v) <= old(len(v))
func Retract(v Votes, c uint16) {
	n, ok := v[c]
	if !ok {
		return
	}
	if n <= 1 {
		delete(v, c)
		return
	}
	v[c] = n - 1
}

// Leader is the one of a and b with more votes (a on a tie); a nil map
// has no votes.
//
//vsynth:ensures result == a || result == b
//vsynth:ensures v[result] >= v[a] && v[result] >= v[b]
func Leader(v Votes, a, b uint16) uint16 {
	if v[b] > v[a] {
		return b
	}
	return a
}

// New starts a count with one vote for each of two candidates (two
// votes for one candidate when a == b).
//
//vsynth:ensures result != nil && result[a] + result[b] == 2 || a == b && result[a] == 2
//vsynth:ensures len(result) == 2 || a == b
func New(a, b uint16) Votes {
	v := Votes{a: 1}
	v[b] += 1
	return v
}

// AddLazy forgets that the caller's map may be nil: assignment to an
// entry of a nil map panics, which vsynth refutes with v = nil.
//
//vsynth:ensures v[c] == old(v[c]) + 1
func AddLazy(v Votes, c uint16) {
	v[c]++
}

// Total adds the votes of every candidate. Go ranges over a map in an
// order of its own choosing; vsynth proves the contract for every order.
//
//vsynth:requires len(v) <= 4
//vsynth:ensures result >= uint64(v[0]) && result >= uint64(v[1])
//vsynth:ensures len(v) > 0 || result == 0
func Total(v Votes) uint64 {
	var s uint64
	for _, n := range v {
		s += uint64(n)
	}
	return s
}
