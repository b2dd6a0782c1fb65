package synth

// prepareGrammar records the operand type of every template node.
func prepareGrammar(g *Grammar) {
	for _, nt := range g.NTs {
		for _, p := range nt.Prods {
			var walk func(t *Tmpl) Type
			walk = func(t *Tmpl) Type {
				if t.Hole >= 0 {
					return g.NTs[p.Holes[t.Hole]].Type
				}
				var first Type
				for i, a := range t.Args {
					at := walk(a)
					if i == 0 {
						first = at
					}
				}
				t.opType = t.Type
				if len(t.Args) > 0 && (ops[t.Op].compare || t.Op == OpRedOr) {
					t.opType = first
				}
				return t.Type
			}
			walk(p.Tmpl)
		}
	}
}

// evalTmpl evaluates a template at point i, with the holes' values.
func evalTmpl(t *Tmpl, kids [][]uint64, point []uint64, i, n int) (uint64, bool) {
	if t.Hole >= 0 {
		return kids[t.Hole][i], true
	}
	switch t.Op {
	case OpParam:
		return point[t.Param], true
	case OpConst:
		return t.Value, true
	}
	var v [3]uint64
	for j, a := range t.Args {
		x, ok := evalTmpl(a, kids, point, i, n)
		if !ok {
			return 0, false
		}
		v[j] = x
	}
	if t.Op.Width() {
		return EvalWidth(t.Op, t.Type, t.Value, v[0], v[1]), true
	}
	return Eval(t.Op, t.opType, v[0], v[1], v[2])
}

// evalVector applies op to the operands' value vectors into out.
func evalVector(op Op, t Type, kids [][]uint64, out []uint64) bool {
	m := t.mask()
	a := kids[0]
	switch op {
	case OpAdd:
		b := kids[1]
		for i := range out {
			out[i] = (a[i] + b[i]) & m
		}
		return true
	case OpSub:
		b := kids[1]
		for i := range out {
			out[i] = (a[i] - b[i]) & m
		}
		return true
	case OpMul:
		b := kids[1]
		for i := range out {
			out[i] = (a[i] * b[i]) & m
		}
		return true
	case OpAnd:
		b := kids[1]
		for i := range out {
			out[i] = a[i] & b[i]
		}
		return true
	case OpOr:
		b := kids[1]
		for i := range out {
			out[i] = a[i] | b[i]
		}
		return true
	case OpXor:
		b := kids[1]
		for i := range out {
			out[i] = a[i] ^ b[i]
		}
		return true
	case OpNeg:
		for i := range out {
			out[i] = (-a[i]) & m
		}
		return true
	case OpCom:
		for i := range out {
			out[i] = ^a[i] & m
		}
		return true
	}
	var b, c []uint64
	if len(kids) > 1 {
		b = kids[1]
	}
	if len(kids) > 2 {
		c = kids[2]
	}
	for i := range out {
		var y, z uint64
		if b != nil {
			y = b[i]
		}
		if c != nil {
			z = c[i]
		}
		v, ok := Eval(op, t, a[i], y, z)
		if !ok {
			return false
		}
		out[i] = v
	}
	return true
}

func isConstTmpl(t *Tmpl) bool { return !tmplHasParam(t) }

func tmplHasParam(t *Tmpl) bool {
	if t.Op == OpParam && t.Hole < 0 {
		return true
	}
	for _, a := range t.Args {
		if tmplHasParam(a) {
			return true
		}
	}
	return false
}
