package ssa

import (
	"go/constant"
	"strings"

	gossa "golang.org/x/tools/go/ssa"

	"github.com/vsynth/vsynth/smt"
)

// errors.New and fmt.Errorf return errors vsynth models by identity
// only: a non-nil interface value of an opaque dynamic type whose payload
// is a fresh address (each call allocates a new error, so two are never
// ==), and for errors.New also its text, for counterexamples. Nothing
// else of them is modelled: calling their Error method is a
// dynamic-call obligation (ifaces_call.go), and fmt.Errorf with %w, whose
// result wraps another error that errors.Is may find, is unsupported.
// fmt.Errorf's arguments are evaluated (their panics are obligations) but
// not formatted: the slice go/ssa builds to pass them is skipped.

// stdlibError lowers a call of errors.New or fmt.Errorf; ok is false for
// any other callee.
func (f *frame) stdlibError(callee *gossa.Function, c *gossa.Call) ([]*smt.Term, bool, error) {
	if callee.Pkg == nil || callee.Signature.Recv() != nil {
		return nil, false, nil
	}
	var kind string
	switch callee.Pkg.Pkg.Path() + "." + callee.Name() {
	case "errors.New":
		kind = opaqueErrorsNew
	case "fmt.Errorf":
		kind = opaqueErrorf
		format, ok := c.Common().Args[0].(*gossa.Const)
		if !ok || format.Value == nil || format.Value.Kind() != constant.String {
			return nil, true, unsupported(c.Pos(), "fmt.Errorf with a format that is not a constant")
		}
		if strings.Contains(constant.StringVal(format.Value), "%w") {
			return nil, true, unsupported(c.Pos(), "fmt.Errorf with %%w (a wrapped error)")
		}
	default:
		return nil, false, nil
	}
	d, err := f.l.opaqueDyn(kind, c.Pos())
	if err != nil {
		return nil, true, err
	}
	addr, err := f.l.allocate(c.Pos(), 1)
	if err != nil {
		return nil, true, err
	}
	payload := addr
	if kind == opaqueErrorsNew {
		text, err := f.value(c.Common().Args[0])
		if err != nil {
			return nil, true, err
		}
		payload = smt.Concat(text, addr)
	}
	payload = smt.ZeroExt(ifacePayloadWidth-payload.Sort().Width(), payload)
	return []*smt.Term{makeIface(d.tag, payload)}, true, nil
}

// formatArgs lists, for fn, the instructions that only build the
// variadic argument slices of its fmt.Errorf calls: the array, the
// stores of the arguments into it, and the slice of it. They are not
// lowered (the arguments themselves are, where they are computed).
func (l *lowering) formatArgs(fn *gossa.Function) map[gossa.Instruction]bool {
	if l.skips == nil {
		l.skips = map[*gossa.Function]map[gossa.Instruction]bool{}
	}
	if s, ok := l.skips[fn]; ok {
		return s
	}
	skip := map[gossa.Instruction]bool{}
	l.skips[fn] = skip
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			c, ok := instr.(*gossa.Call)
			if !ok {
				continue
			}
			callee := c.Common().StaticCallee()
			if callee == nil || callee.Pkg == nil || callee.Pkg.Pkg.Path() != "fmt" || callee.Name() != "Errorf" {
				continue
			}
			args := c.Common().Args
			sl, ok := args[len(args)-1].(*gossa.Slice)
			if !ok {
				continue
			}
			alloc, ok := sl.X.(*gossa.Alloc)
			if !ok || !onlyUsedBy(sl, c) {
				continue
			}
			parts := []gossa.Instruction{alloc, sl}
			clean := true
			for _, r := range *alloc.Referrers() {
				if r == sl {
					continue
				}
				ia, ok := r.(*gossa.IndexAddr)
				if !ok {
					clean = false
					break
				}
				parts = append(parts, ia)
				for _, u := range *ia.Referrers() {
					st, ok := u.(*gossa.Store)
					if !ok || st.Addr != ia {
						clean = false
						break
					}
					parts = append(parts, st)
				}
			}
			if clean {
				for _, p := range parts {
					skip[p] = true
				}
			}
		}
	}
	return skip
}

// onlyUsedBy reports whether v's only referrer is instr.
func onlyUsedBy(v gossa.Value, instr gossa.Instruction) bool {
	refs := v.Referrers()
	return refs != nil && len(*refs) == 1 && (*refs)[0] == instr
}
