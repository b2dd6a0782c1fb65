package sygus

import "github.com/vsynth/vsynth/synth"

// examples returns the input/output examples when every constraint is
// (= (f c...) d) or (= d (f c...)) with constants c and d (programming by
// example), and nil otherwise.
func (p *Problem) examples() []synth.Example {
	var conjuncts []*synth.Term
	var flatten func(t *synth.Term)
	flatten = func(t *synth.Term) {
		if t.Op == synth.OpLAnd {
			for _, a := range t.Args {
				flatten(a)
			}
			return
		}
		conjuncts = append(conjuncts, t)
	}
	flatten(p.Constraint)
	out := len(p.Vars)
	var ex []synth.Example
	for _, c := range conjuncts {
		if c.Op != synth.OpEq || len(c.Args) != 2 {
			return nil
		}
		call, val := c.Args[0], c.Args[1]
		if !(call.Op == synth.OpParam && call.Param >= out) {
			call, val = val, call
		}
		if call.Op != synth.OpParam || call.Param < out || !constantTerm(val) {
			return nil
		}
		k := call.Param - out
		args := make([]uint64, len(p.Invocations[k]))
		for i, a := range p.Invocations[k] {
			if !constantTerm(a) {
				return nil
			}
			v, ok := synth.EvalTerm(a, nil)
			if !ok {
				return nil
			}
			args[i] = v
		}
		v, ok := synth.EvalTerm(val, nil)
		if !ok {
			return nil
		}
		ex = append(ex, synth.Example{Args: args, Out: v})
	}
	return ex
}

// constantTerm reports whether t mentions no variable and no output.
func constantTerm(t *synth.Term) bool {
	if t.Op == synth.OpParam {
		return false
	}
	for _, a := range t.Args {
		if !constantTerm(a) {
			return false
		}
	}
	return true
}

// consistent reports whether no two examples give one input two outputs:
// then a function meeting them exists (the grammar may not hold it).
func consistent(ex []synth.Example) bool {
	seen := map[string]uint64{}
	for _, x := range ex {
		key := string(encodeArgs(x.Args))
		if out, ok := seen[key]; ok && out != x.Out {
			return false
		}
		seen[key] = x.Out
	}
	return true
}

func encodeArgs(args []uint64) []byte {
	b := make([]byte, 0, 8*len(args))
	for _, a := range args {
		for i := range 8 {
			b = append(b, byte(a>>(8*i)))
		}
	}
	return b
}
