package sygus

import (
	"fmt"
	"math/big"
	"strconv"
	"sync"

	"github.com/vsynth/vsynth/synth"
)

// UnsupportedError names a feature of a well-formed file that vsynth does
// not handle.
type UnsupportedError struct {
	File    string
	Pos     Pos
	Feature string
}

func (e *UnsupportedError) Error() string {
	return fmt.Sprintf("%s:%s: unsupported: %s", e.File, e.Pos, e.Feature)
}

// Problem is a parsed SyGuS problem with one function to synthesize.
type Problem struct {
	File   string
	Logic  string
	Name   string        // the synth-fun
	Params []synth.Param // its parameters (Go-safe names p0, p1, ...)
	Result synth.Type
	// ParamNames and VarNames are the names the file uses.
	ParamNames []string
	Vars       []synth.Param // declared variables (Go-safe names v0, ...)
	VarNames   []string
	Grammar    *synth.Grammar
	Default    bool // the file gives no grammar: the default one is used
	// Constraint is the conjunction of the constraints over Vars followed
	// by one output per invocation; Invocations are the argument terms
	// of the invocations of the function, over Vars.
	Constraint  *synth.Term
	Invocations [][]*synth.Term
	// Symbols records the file's spelling of each operator in the grammar,
	// for printing the answer within the grammar.
	Symbols map[synth.Op]string

	harnessOnce sync.Once
	harness     *harness // see checkHarness

	// funs, for several synth-funs, are their signatures: the problem
	// is then the one function that selects among them (multi.go).
	funs []*synthFunSig
}

type sortInfo struct {
	t     synth.Type
	width int // bit-vector width; 0 for Bool
}

type funDef struct {
	params []string
	sorts  []synth.Type
	result synth.Type
	body   *Sexp
}

type parser struct {
	checking bool // reading a define-fun body for errors only
	file     string
	p        *Problem
	defs     map[string]*funDef
	vars     map[string]int // declared variable -> index
	synth    *Sexp
	invs     map[string]int // invocation key -> output index
	checked  bool
	lets     []map[string]*synth.Term // let bindings in scope, innermost last
	anyConst []anyConst               // (Constant (_ BitVec n)) rules, see harvest.go
	inv      bool                     // the synth-fun is a synth-inv
	funs     []*synthFunSig           // with several synth-funs: all but the last read, then all (multi.go)
	multi    bool                     // the synth-funs are combined into one function
}

func (ps *parser) errorf(s *Sexp, format string, args ...any) error {
	return &SyntaxError{File: ps.file, Pos: s.Pos, Msg: fmt.Sprintf(format, args...)}
}

func (ps *parser) unsupported(s *Sexp, format string, args ...any) error {
	return &UnsupportedError{File: ps.file, Pos: s.Pos, Feature: fmt.Sprintf(format, args...)}
}

// Parse reads a SyGuS-IF v2 file. Malformed input gives a *SyntaxError
// with its position; well-formed input using features vsynth does not
// handle gives an *UnsupportedError naming them.
func Parse(file string, src []byte) (*Problem, error) {
	cmds, err := ReadAll(file, src)
	if err != nil {
		return nil, err
	}
	ps := &parser{file: file, p: &Problem{File: file, Symbols: map[synth.Op]string{}}, defs: map[string]*funDef{}, vars: map[string]int{}, invs: map[string]int{}}
	var constraints []*Sexp
	seenConstraint := map[string]bool{}
	for _, c := range cmds {
		if !c.IsList() || c.Head() == "" {
			return nil, ps.errorf(c, "expected a command in parentheses")
		}
		switch c.Head() {
		case "set-logic":
			if len(c.List) != 2 || c.List[1].Kind != Symbol {
				return nil, ps.errorf(c, "set-logic takes one symbol")
			}
			ps.p.Logic = c.List[1].Atom
			if ps.p.Logic != "BV" && ps.p.Logic != "QF_BV" {
				return nil, ps.unsupported(c.List[1], "logic %s (only BV)", ps.p.Logic)
			}
		case "set-option", "set-info", "set-feature":
		case "define-fun":
			if err := ps.defineFun(c); err != nil {
				return nil, err
			}
		case "synth-fun":
			if ps.inv {
				return nil, ps.unsupported(c, "a synth-fun beside a synth-inv")
			}
			if ps.synth != nil {
				if len(c.List) > 1 && (c.List[1].Atom == ps.p.Name || ps.stashed(c.List[1].Atom) != nil) {
					return nil, ps.errorf(c, "synth-fun %s declared twice", c.List[1].Atom)
				}
				ps.stash()
			}
			ps.synth = c
			if err := ps.synthFun(c); err != nil {
				return nil, err
			}
		case "synth-inv":
			if ps.synth != nil {
				return nil, ps.unsupported(c, "a synth-inv beside another synth-fun")
			}
			ps.inv = true
			fun, err := ps.synthInv(c)
			if err != nil {
				return nil, err
			}
			ps.synth = fun
			if err := ps.synthFun(fun); err != nil {
				return nil, err
			}
		case "inv-constraint":
			cs, err := ps.invConstraint(c)
			if err != nil {
				return nil, err
			}
			for _, ic := range cs {
				if key := ic.String(); !seenConstraint[key] {
					seenConstraint[key] = true
					constraints = append(constraints, ic)
				}
			}
		case "declare-var":
			if len(c.List) != 3 || c.List[1].Kind != Symbol {
				return nil, ps.errorf(c, "declare-var takes a name and a sort")
			}
			t, err := ps.sort(c.List[2])
			if err != nil {
				return nil, err
			}
			name := c.List[1].Atom
			if _, dup := ps.vars[name]; dup {
				return nil, ps.errorf(c.List[1], "variable %s declared twice", name)
			}
			ps.vars[name] = len(ps.p.Vars)
			ps.p.Vars = append(ps.p.Vars, synth.Param{Name: "v" + strconv.Itoa(len(ps.p.Vars)), Type: t})
			ps.p.VarNames = append(ps.p.VarNames, name)
		case "constraint":
			if len(c.List) != 2 {
				return nil, ps.errorf(c, "constraint takes one term")
			}
			// A repeated constraint adds nothing: kept once.
			if key := c.List[1].String(); !seenConstraint[key] {
				seenConstraint[key] = true
				constraints = append(constraints, c.List[1])
			}
		case "check-synth":
			ps.checked = true
		case "declare-primed-var", "declare-datatype", "declare-datatypes",
			"define-sort", "declare-sort", "chc-constraint", "assume", "declare-weight", "optimize-synth", "oracle-constraint",
			"declare-oracle-fun", "oracle-assume", "define-funs-rec", "define-fun-rec":
			return nil, ps.unsupported(c, "command %s", c.Head())
		default:
			return nil, ps.errorf(c, "unknown command %s", c.Head())
		}
	}
	if ps.synth == nil {
		return nil, &SyntaxError{File: file, Pos: Pos{1, 1}, Msg: "no synth-fun"}
	}
	if len(ps.funs) > 0 {
		ps.stash()
		if err := ps.combine(ps.synth); err != nil {
			return nil, err
		}
		ps.p.funs = ps.funs
	}
	if ps.p.Logic == "" {
		return nil, &SyntaxError{File: file, Pos: Pos{1, 1}, Msg: "no set-logic"}
	}
	if !ps.checked {
		return nil, &SyntaxError{File: file, Pos: Pos{1, 1}, Msg: "no check-synth"}
	}
	if len(constraints) == 0 {
		return nil, &SyntaxError{File: file, Pos: ps.synth.Pos, Msg: "no constraint"}
	}
	var conj *synth.Term
	for _, c := range constraints {
		t, err := ps.term(c, nil)
		if err != nil {
			return nil, err
		}
		if !t.Type.Bool {
			return nil, ps.errorf(c, "constraint is not Bool")
		}
		if conj == nil {
			conj = t
		} else {
			conj = &synth.Term{Op: synth.OpLAnd, Type: synth.BoolType, Args: []*synth.Term{conj, t}}
		}
	}
	ps.p.Constraint = conj
	ps.harvest()
	return ps.p, nil
}

// sort reads Bool or (_ BitVec w) for a width Go has.
func (ps *parser) sort(s *Sexp) (synth.Type, error) {
	if !s.IsList() {
		if s.Atom == "Bool" {
			return synth.BoolType, nil
		}
		if s.Atom == "Int" || s.Atom == "Real" || s.Atom == "String" {
			return synth.Type{}, ps.unsupported(s, "sort %s (only Bool and bit vectors)", s.Atom)
		}
		return synth.Type{}, ps.errorf(s, "unknown sort %s", s)
	}
	if len(s.List) == 3 && s.List[0].Atom == "_" && s.List[1].Atom == "BitVec" && s.List[2].Kind == Numeral {
		w, err := ps.width(s.List[2])
		if err != nil {
			return synth.Type{}, err
		}
		return synth.IntType(w, false), nil
	}
	return synth.Type{}, ps.unsupported(s, "sort %s", s)
}

func (ps *parser) sortedVars(s *Sexp) ([]string, []synth.Type, error) {
	if !s.IsList() {
		return nil, nil, ps.errorf(s, "expected a parameter list")
	}
	var names []string
	var types []synth.Type
	for _, v := range s.List {
		if !v.IsList() || len(v.List) != 2 || v.List[0].Kind != Symbol {
			return nil, nil, ps.errorf(v, "expected (name sort)")
		}
		t, err := ps.sort(v.List[1])
		if err != nil {
			return nil, nil, err
		}
		names = append(names, v.List[0].Atom)
		types = append(types, t)
	}
	return names, types, nil
}

func (ps *parser) defineFun(c *Sexp) error {
	if len(c.List) != 5 || c.List[1].Kind != Symbol {
		return ps.errorf(c, "define-fun takes a name, parameters, a sort and a body")
	}
	names, types, err := ps.sortedVars(c.List[2])
	if err != nil {
		return err
	}
	res, err := ps.sort(c.List[3])
	if err != nil {
		return err
	}
	d := &funDef{params: names, sorts: types, result: res, body: c.List[4]}
	// Check the body now, for positions of errors in it.
	scope := map[string]*synth.Term{}
	for i, n := range names {
		scope[n] = &synth.Term{Op: synth.OpParam, Type: types[i], Param: i}
	}
	ps.defs[c.List[1].Atom] = nil // not visible in its own body
	ps.checking = true
	t, err := ps.term(c.List[4], scope)
	ps.checking = false
	if err != nil {
		return err
	}
	if t.Type != res {
		return ps.errorf(c.List[4], "body of %s has sort %s, want %s", c.List[1].Atom, t.Type, res)
	}
	ps.defs[c.List[1].Atom] = d
	return nil
}

// constant reads a #x, #b or true/false literal.
func constant(s *Sexp) (*synth.Term, bool) {
	switch s.Kind {
	case Hex, Binary:
		base, digits := 16, s.Atom[2:]
		width := 4 * len(digits)
		if s.Kind == Binary {
			base, width = 2, len(digits)
		}
		v, ok := new(big.Int).SetString(digits, base)
		if !ok {
			return nil, false
		}
		if width > 64 {
			return nil, false
		}
		return &synth.Term{Op: synth.OpConst, Type: synth.IntType(width, false), Value: v.Uint64()}, true
	case Symbol:
		switch s.Atom {
		case "true":
			return &synth.Term{Op: synth.OpConst, Type: synth.BoolType, Value: 1}, true
		case "false":
			return &synth.Term{Op: synth.OpConst, Type: synth.BoolType, Value: 0}, true
		}
	}
	return nil, false
}
