package ssa

import (
	"fmt"
	"go/types"
	"math/big"
	"sort"
	"strings"

	"github.com/vsynth/vsynth/smt"
)

// A map in a counterexample is written as a Go map literal of its type,
// nil as nil and an empty map as map[K]V{}:
//
//	map[int8]int8{-1: 2, 3: 0}
//
// Its entries are read off the model at the keys the function and its
// spec use (maps.go records them): those the model says are present,
// with their values. A map that existed on entry may have more entries
// than those keys: the model's length says how many, and the literal
// adds that many filler keys — the smallest key values (by their bits)
// that the function never uses — with the zero value, which no run on
// the counterexample can tell from any other entries. The length lemmas
// of maps.go make the filler keys exist. A parameter that is the same
// map as an earlier one is written as that parameter, converted to its
// type (b = map[int]int(a)), which a replay and a playback test declare
// first; two maps at one address otherwise are marked as sharing memory,
// like slices that share an array, which a replay cannot build.

// mapLit writes the map value c (an address) of type t.
func (w *valueWriter) mapLit(c *smt.Term, t types.Type, path string) (string, error) {
	name := types.TypeString(t, w.qf)
	if c.Value().Sign() == 0 {
		return "nil", nil
	}
	a := c.Value().Uint64()
	for _, o := range w.mapObjects {
		if o.from == a && w.params[o.path] {
			// One map for two parameters: the second is the first (a
			// conversion, in case their map types have other names).
			return fmt.Sprintf("%s(%s)", name, o.path), nil
		}
	}
	w.mapObjects = append(w.mapObjects, object{path, a, a + 1})
	mt, err := mapTypeOf(t)
	if err != nil {
		return "", fmt.Errorf("internal error: counterexample map of type %s: %w", t, err)
	}
	unshown := func(why string) (string, error) {
		w.unshown = append(w.unshown, fmt.Sprintf("%s (%s)", path, why))
		return name + "{}", nil
	}
	l := w.vc.lowering
	// The keys used at this map, by their bits.
	used := map[string]*big.Int{}
	if l.maps != nil {
		for _, acc := range l.maps.accesses {
			if acc.mt.region != mt.region {
				continue
			}
			at, err := w.eval(acc.addr)
			if err != nil {
				return "", err
			}
			if at.Value().Cmp(c.Value()) != 0 {
				continue
			}
			k, err := w.eval(bits(acc.key))
			if err != nil {
				return "", err
			}
			used[k.Value().String()] = k.Value()
		}
	}
	var entries []mapEntry
	for _, k := range used {
		key := fromBits(smt.BVBig(mt.key.width, k), mt.key)
		slot, err := w.eval(l.mapEntry(w.mem, mt, c, key))
		if err != nil {
			return "", err
		}
		present, err := w.eval(mt.entryPresent(slot))
		if err != nil {
			return "", err
		}
		if present.BoolValue() {
			entries = append(entries, mapEntry{k, mt.entryValue(slot)})
		}
	}
	n, err := w.eval(l.mapLen(w.mem, c))
	if err != nil {
		return "", err
	}
	length := n.Value()
	if length.Cmp(big.NewInt(int64(len(entries)))) < 0 {
		return unshown(fmt.Sprintf("a map of length %s with %d keys present", length, len(entries)))
	}
	if length.Cmp(big.NewInt(maxMapFilled)) > 0 {
		return unshown(fmt.Sprintf("a map of %s entries: more than a counterexample lists", length))
	}
	fill := int(length.Int64()) - len(entries)
	if fill > 0 && c.Value().Cmp(w.alloc0()) >= 0 {
		return unshown("a map the function made, with more entries than it wrote")
	}
	if _, isInt := intTypeOf(mt.keyT); isInt && len(entries)+fill > maxShownElems {
		if mt.key.width < 64 && big.NewInt(int64(len(used)+fill)).Cmp(new(big.Int).Lsh(big.NewInt(1), uint(mt.key.width))) > 0 {
			return unshown(fmt.Sprintf("a map of length %s: more than its keys", length))
		}
		return w.filledMap(t, mt, c, path, used, entries, fill)
	}
	for k := new(big.Int); fill > 0; k.Add(k, big.NewInt(1)) {
		if k.BitLen() > mt.key.width {
			return unshown(fmt.Sprintf("a map of length %s: more than its keys", length))
		}
		if _, ok := used[k.String()]; ok {
			continue
		}
		entries = append(entries, mapEntry{new(big.Int).Set(k), nil})
		fill--
	}
	first, err := w.rangeOrder(mt, c)
	if err != nil {
		return "", err
	}
	parts, err := w.mapEntries(mt, path, entries, first)
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("%s{%s}", name, strings.Join(parts, ", ")), nil
}

// maxMapFilled bounds the length of a map a counterexample writes.
const maxMapFilled = 1 << 16

// mapEntry is an entry of a map in a counterexample.
type mapEntry struct {
	key *big.Int
	val *smt.Term // nil: the zero value
}

// mapEntries writes the entries as key: value: those in first in its
// order (the keys a range over the map produces, maps_range.go), then
// the others in the order of the keys.
func (w *valueWriter) mapEntries(mt *mapType, path string, entries []mapEntry, first map[string]int) ([]string, error) {
	signed := false
	if it, ok := intTypeOf(mt.keyT); ok {
		signed = it.signed
	}
	keyValue := func(k *big.Int) *big.Int {
		if signed && k.Bit(mt.key.width-1) == 1 {
			return new(big.Int).Sub(k, new(big.Int).Lsh(big.NewInt(1), uint(mt.key.width)))
		}
		return k
	}
	sort.Slice(entries, func(i, j int) bool { return keyValue(entries[i].key).Cmp(keyValue(entries[j].key)) < 0 })
	rank := func(e mapEntry) int {
		if r, ok := first[e.key.String()]; ok {
			return r
		}
		return len(first)
	}
	sort.SliceStable(entries, func(i, j int) bool { return rank(entries[i]) < rank(entries[j]) })
	var parts []string
	for _, e := range entries {
		ks, err := w.mapKey(mt, path, e.key)
		if err != nil {
			return nil, err
		}
		val := e.val
		if val == nil {
			val = mt.zero()
		}
		vs, err := w.value(val, mt.valT, fmt.Sprintf("%s[%s]", path, ks), nil)
		if err != nil {
			return nil, err
		}
		parts = append(parts, ks+": "+vs)
	}
	return parts, nil
}

// mapKey writes the key of bits k.
func (w *valueWriter) mapKey(mt *mapType, path string, k *big.Int) (string, error) {
	return w.value(fromBits(smt.BVBig(mt.key.width, k), mt.key), mt.keyT, path+"[key]", nil)
}

// filledMap writes a map with integer keys and more entries than a
// literal lists: the entries at used keys in a literal, and the filler
// keys added by a loop over the key values from 0 on (by their bits, as
// K(i) converts), skipping the used ones:
//
//	func() M { m := M{1: 2}; skip := map[K]bool{1: true, 5: true}; for i := uint64(0); len(m) < N; i++ { if k := K(i); !skip[k] { m[k] = 0 } }; return m }()
func (w *valueWriter) filledMap(t types.Type, mt *mapType, c *smt.Term, path string, used map[string]*big.Int, entries []mapEntry, fill int) (string, error) {
	name := types.TypeString(t, w.qf)
	key := types.TypeString(mt.keyT, w.qf)
	var listed []mapEntry
	for _, e := range entries {
		if _, ok := used[e.key.String()]; ok {
			listed = append(listed, e)
		}
	}
	first, err := w.rangeOrder(mt, c)
	if err != nil {
		return "", err
	}
	parts, err := w.mapEntries(mt, path, listed, first)
	if err != nil {
		return "", err
	}
	var skip []string
	for _, k := range used {
		ks, err := w.mapKey(mt, path, k)
		if err != nil {
			return "", err
		}
		skip = append(skip, ks+": true")
	}
	sort.Strings(skip)
	zero, err := w.value(mt.zero(), mt.valT, path+"[filler]", nil)
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("func() %s { m := %s{%s}; skip := map[%s]bool{%s}; for i := uint64(0); len(m) < %d; i++ { if k := %s(i); !skip[k] { m[k] = %s } }; return m }()",
		name, name, strings.Join(parts, ", "), key, strings.Join(skip, ", "), len(listed)+fill, key, zero), nil
}

// alloc0 is the model's first address free on entry.
func (w *valueWriter) alloc0() *big.Int {
	a, err := w.eval(w.vc.Alloc0)
	if err != nil {
		return new(big.Int) // every map counts as made: none gets fillers
	}
	return a.Value()
}

// rangeOrder gives the keys a range over the map at c produces in the
// model, by their bits, their rank in the order of the iteration: a
// literal written in that order fills a small map's slots in it, which
// is the order Go's iteration takes from most of its random starting
// points (maps_range.go).
func (w *valueWriter) rangeOrder(mt *mapType, c *smt.Term) (map[string]int, error) {
	first := map[string]int{}
	l := w.vc.lowering
	if l.maps == nil {
		return first, nil
	}
	for _, rk := range l.maps.ranged {
		if rk.mt.region != mt.region {
			continue
		}
		at, err := w.eval(rk.addr)
		if err != nil {
			return nil, err
		}
		if at.Value().Cmp(c.Value()) != 0 {
			continue
		}
		on, err := w.eval(rk.cond)
		if err != nil {
			return nil, err
		}
		if !on.BoolValue() {
			continue
		}
		k, err := w.eval(bits(rk.key))
		if err != nil {
			return nil, err
		}
		if _, ok := first[k.Value().String()]; !ok {
			first[k.Value().String()] = len(first)
		}
	}
	return first, nil
}
