package synth

import "strconv"

// Fragments are the component patterns t holds: each subterm of minOps
// to maxOps operators with its parameters made holes (numbered by first
// use, at most 3), and the same with some of its root's compound
// operands made holes too. Constants stay. Keys are patternKey's; each
// is listed once.
func Fragments(t *Term, minOps, maxOps int) []string {
	seen := map[string]bool{}
	var out []string
	emit := func(u *Term) {
		pat, ok := abstractParams(u)
		if !ok || pat.Op == OpParam || pat.Op == OpConst {
			return
		}
		if n := pat.Size(); n < minOps || n > maxOps || checkPattern(pat) != nil {
			return
		}
		k := patternKey(pat)
		if !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	var walk func(u *Term)
	walk = func(u *Term) {
		if u.Op == OpParam || u.Op == OpConst {
			return
		}
		emit(u)
		// Cut compound operands of the root: each subset, as holes.
		n := len(u.Args)
		for mask := 1; mask < 1<<n; mask++ {
			cut := *u
			cut.Args = append([]*Term(nil), u.Args...)
			ok := true
			for i := range n {
				if mask&(1<<i) != 0 {
					if a := u.Args[i]; a.Op == OpParam || a.Op == OpConst {
						ok = false
						break
					}
					cut.Args[i] = &Term{Op: OpParam, Param: 100 + i, Type: u.Args[i].Type}
				}
			}
			if ok {
				emit(&cut)
			}
		}
		for _, a := range u.Args {
			walk(a)
		}
	}
	walk(t)
	return out
}

// abstractParams copies t with its parameters renumbered as holes by
// first use; ok is false past 3 holes.
func abstractParams(t *Term) (*Term, bool) {
	renum := map[int]int{}
	var walk func(t *Term) *Term
	walk = func(t *Term) *Term {
		if t.Op == OpParam {
			n, ok := renum[t.Param]
			if !ok {
				n = len(renum)
				renum[t.Param] = n
			}
			return &Term{Op: OpParam, Type: t.Type, Param: n}
		}
		c := &Term{Op: t.Op, Type: t.Type, Value: t.Value}
		for _, a := range t.Args {
			c.Args = append(c.Args, walk(a))
		}
		return c
	}
	out := walk(t)
	return out, len(renum) <= 3
}

// ComponentName is a short name for a component's pattern.
func ComponentName(kind string, i int) string { return kind + "-" + strconv.Itoa(i) }
