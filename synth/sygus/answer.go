package sygus

import (
	"fmt"
	"strings"

	"github.com/vsynth/vsynth/synth"
)

// Answer prints a solution as the define-fun of the synth-fun, in the
// file's syntax.
func (p *Problem) Answer(t *synth.Term) string {
	if len(p.funs) > 0 {
		// Several synth-funs: one define-fun per line.
		if bodies := p.bodies(t); bodies != nil {
			var lines []string
			for i, f := range p.funs {
				lines = append(lines, p.defineFun(f.name, f.offset, len(f.params), f.result, bodies[i]))
			}
			return strings.Join(lines, "\n")
		}
	}
	return p.defineFun(p.Name, 0, len(p.Params), p.Result, t)
}

// defineFun prints body as the define-fun of name, whose parameters are
// the problem's n parameters from first on.
func (p *Problem) defineFun(name string, first, n int, result synth.Type, body *synth.Term) string {
	var b strings.Builder
	fmt.Fprintf(&b, "(define-fun %s (", name)
	for i := first; i < first+n; i++ {
		if i > first {
			b.WriteByte(' ')
		}
		fmt.Fprintf(&b, "(%s %s)", p.ParamNames[i], sortName(p.Params[i].Type))
	}
	fmt.Fprintf(&b, ") %s ", sortName(result))
	p.write(&b, body)
	b.WriteString(")")
	return b.String()
}

// AnswerSize is the size of the answer as printed: with several
// synth-funs, the sum of their bodies' sizes (the selection among them
// is not part of any).
func (p *Problem) AnswerSize(t *synth.Term) int {
	if len(p.funs) > 0 {
		if bodies := p.bodies(t); bodies != nil {
			n := 0
			for _, b := range bodies {
				n += b.Size()
			}
			return n
		}
	}
	return t.Size()
}

func sortName(t synth.Type) string {
	if t.Bool {
		return "Bool"
	}
	return fmt.Sprintf("(_ BitVec %d)", t.Width)
}

// defaultSyms spells the operators of terms built without a file's
// spelling (the default grammar).
var defaultSyms = map[synth.Op]string{}

func init() {
	for name, s := range opTable {
		if name == "xor" {
			continue
		}
		defaultSyms[s.op] = name
	}
	defaultSyms[synth.OpEq] = "="
	defaultSyms[synth.OpNe] = "distinct"
	defaultSyms[synth.OpIte] = "ite"
	defaultSyms[synth.OpRedOr] = "bvredor"
}

func (p *Problem) write(b *strings.Builder, t *synth.Term) {
	if t.Macro != "" {
		b.WriteString("(" + t.Macro)
		for _, a := range t.MacroArgs {
			b.WriteByte(' ')
			p.write(b, a)
		}
		b.WriteByte(')')
		return
	}
	switch t.Op {
	case synth.OpParam:
		b.WriteString(p.ParamNames[t.Param])
		return
	case synth.OpConst:
		if t.Sym != "" {
			b.WriteString(t.Sym)
			return
		}
		b.WriteString(literal(t.Value, t.Type))
		return
	}
	sym := t.Sym
	if sym == "" {
		sym = defaultSyms[t.Op]
	}
	if sym == "" && t.Op.Width() {
		sym = widthSym(t)
	}
	b.WriteString("(" + sym)
	for _, a := range t.Args {
		b.WriteByte(' ')
		p.write(b, a)
	}
	b.WriteByte(')')
}

func literal(v uint64, t synth.Type) string {
	if t.Bool {
		if v != 0 {
			return "true"
		}
		return "false"
	}
	if t.Width%4 != 0 {
		return fmt.Sprintf("#b%0*b", t.Width, v)
	}
	return fmt.Sprintf("#x%0*x", t.Width/4, v)
}

// widthSym spells a width-changing operator built without a file's
// spelling.
func widthSym(t *synth.Term) string {
	switch t.Op {
	case synth.OpExtract:
		return fmt.Sprintf("(_ extract %d %d)", int(t.Value)+t.Type.Width-1, t.Value)
	case synth.OpZExt:
		return fmt.Sprintf("(_ zero_extend %d)", t.Type.Width-t.Args[0].Type.Width)
	case synth.OpSExt:
		return fmt.Sprintf("(_ sign_extend %d)", t.Type.Width-t.Args[0].Type.Width)
	}
	return "concat"
}
