package synth

// valStore holds the kept entries' values, n per entry, in chunks of a
// fixed size that are allocated once and never moved. One growing slice
// would be copied whole each time it doubles: hundreds of MB in one copy
// that neither the deadline checks nor the garbage collector's
// stop-the-world can interrupt (a 2.3 s pause was measured on a
// 200-example file under load), and twice the memory while it copies.
type valStore struct {
	n        int        // values per entry
	perChunk int        // entries per chunk
	chunks   [][]uint64 // each of length perChunk*n
	len      int        // entries stored
}

// valChunkWords is the number of values a chunk aims at (8 MB).
const valChunkWords = 1 << 20

// newValStore holds n values per entry for at most maxEntries entries
// (0: no bound): a chunk then holds at most an eighth of them, so that
// the last chunk's unused part stays within the memory budget's
// allowance (Enumerator.maxTerms).
func newValStore(n, maxEntries int) valStore {
	per := max(1, valChunkWords/max(n, 1))
	if maxEntries > 0 {
		per = min(per, max(1, (maxEntries+7)/8))
	}
	return valStore{n: n, perChunk: per}
}

// at returns entry i's values. The slice stays valid while entries are
// added: chunks are never reallocated, so a copy of the store (a view)
// reads the entries stored before it was taken.
func (v *valStore) at(i int) []uint64 {
	c, j := i/v.perChunk, i%v.perChunk
	return v.chunks[c][j*v.n : (j+1)*v.n : (j+1)*v.n]
}

// add appends an entry's values.
func (v *valStore) add(vals []uint64) {
	c, j := v.len/v.perChunk, v.len%v.perChunk
	if c == len(v.chunks) {
		v.chunks = append(v.chunks, make([]uint64, v.perChunk*v.n))
	}
	copy(v.chunks[c][j*v.n:(j+1)*v.n], vals)
	v.len++
}
