package synth

import "strconv"

// termKeys names the distinct subterms of the terms a renderer sees:
// equal trees (same operators, types, parameters and constants) get the
// same key, in time linear in the terms' size (printing each subterm as
// its key would be quadratic on deep terms, such as the conjunction of a
// thousand examples).
type termKeys struct {
	byNode map[*Term]string
	byTree map[string]string // operator, type and argument keys -> key
}

func newTermKeys() *termKeys {
	return &termKeys{byNode: map[*Term]string{}, byTree: map[string]string{}}
}

// key is t's key.
func (k *termKeys) key(t *Term) string {
	if s, ok := k.byNode[t]; ok {
		return s
	}
	tree := strconv.Itoa(int(t.Op)) + ":" + t.Type.String() + ":" + strconv.Itoa(t.Param) + ":" + strconv.FormatUint(t.Value, 16) + "("
	for _, a := range t.Args {
		tree += k.key(a) + ","
	}
	s, ok := k.byTree[tree]
	if !ok {
		s = "k" + strconv.Itoa(len(k.byTree))
		k.byTree[tree] = s
	}
	k.byNode[t] = s
	return s
}
