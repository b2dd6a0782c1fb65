package ssa

import (
	"bytes"
	"fmt"

	"github.com/vsynth/vsynth/specs"
)

// Replaying a modifies counterexample (frame.go): before the call, the
// replay evaluates the frame on the inputs, as address ranges, and takes
// a snapshot of every scalar in memory reachable from the inputs and the
// globals (through pointers, slices up to their capacity, maps' values
// and interfaces); after the call it compares them. The counterexample
// is confirmed when a scalar outside the frame changed: the function
// wrote memory that existed on entry outside its frame. A write that a
// later one undoes is not seen (the obligation then stays unknown).

// frameReplay writes the statements of a modifies case that come before
// the call: the frame (zzvFrame) and the snapshot (zzvSnap).
func (p *Program) frameReplay(c *confirmCase, rw *clauseRewriter, args []string, imports map[string]string) (string, error) {
	tg := c.res.Target
	var b bytes.Buffer
	b.WriteString("\tzzvO.Phase = \"old\"\n\tvar zzvFrame []zzvSpan\n")
	locs, _ := tg.Spec.Func.Frame()
	for _, loc := range locs {
		shape, ok := tg.Spec.FrameShapeOf(loc.Expr)
		if !ok {
			return "", fmt.Errorf("modifies %s: not a location", loc.Text)
		}
		p.clauseImports(tg, loc.Expr, imports)
		rc, err := rw.rewrite(loc.Expr)
		if err != nil {
			return "", err
		}
		if len(rc.hoists) > 0 || len(rc.copies) > 0 {
			return "", fmt.Errorf("modifies %s: old(...) in a frame", loc.Text)
		}
		var span string
		switch shape {
		case specs.FrameVariable:
			span = fmt.Sprintf("zzvSpanOf(zzvunsafe.Pointer(&(%s)), zzvunsafe.Sizeof(%s))", rc.expr, rc.expr)
		case specs.FramePointee:
			span = fmt.Sprintf("func(zzvP any) zzvSpan { zzvV := zzvreflect.ValueOf(zzvP); if zzvV.IsNil() { return zzvSpan{} }; return zzvSpanOf(zzvunsafe.Pointer(zzvV.Pointer()), zzvV.Type().Elem().Size()) }(%s)", rc.expr)
		default:
			span = fmt.Sprintf("func(zzvP any) zzvSpan { zzvV := zzvreflect.ValueOf(zzvP); return zzvSpanOf(zzvunsafe.Pointer(zzvV.Pointer()), uintptr(zzvV.Len())*zzvV.Type().Elem().Size()) }(%s)", rc.expr)
		}
		// A location whose evaluation panics denotes nothing.
		fmt.Fprintf(&b, "\tfunc() {\n\t\tdefer func() { recover() }()\n\t\tzzvFrame = append(zzvFrame, %s)\n\t}()\n", span)
	}
	b.WriteString("\tzzvSnap := &zzvSnapshot{seen: map[zzvSeen]bool{}}\n")
	for _, g := range c.cex.Globals {
		fmt.Fprintf(&b, "\tzzvSnap.mem(zzvreflect.ValueOf(&%s).Elem(), %q)\n", g.Name, g.Name)
	}
	for _, a := range args {
		fmt.Fprintf(&b, "\tzzvSnap.root(zzvreflect.ValueOf(&%s).Elem(), %q)\n", a, a)
	}
	return b.String(), nil
}

// frameJudge judges a modifies case.
func frameJudge(ob *ObligationResult, o *replayOutcome) string {
	if o.Phase == "done" && len(o.Clause) > 0 {
		return confirmedVerdict
	}
	if o.Phase == "done" {
		return "Go changed no memory outside the frame " + ob.Clause
	}
	return o.describe()
}

// frameHelpers are the replay's snapshot of memory (frameReplay).
const frameHelpers = `
// zzvSpan is a range of addresses [lo, hi).
type zzvSpan struct{ lo, hi uintptr }

func zzvSpanOf(p zzvunsafe.Pointer, n uintptr) zzvSpan {
	if p == nil {
		return zzvSpan{}
	}
	return zzvSpan{uintptr(p), uintptr(p) + n}
}

// zzvSlot is a scalar in memory and its bytes on entry.
type zzvSlot struct {
	v    zzvreflect.Value
	path string
	old  []byte
}

type zzvSeen struct {
	addr uintptr
	t    zzvreflect.Type
}

// zzvSnapshot holds the scalars in memory reachable from the inputs.
type zzvSnapshot struct {
	slots []zzvSlot
	seen  map[zzvSeen]bool
}

// zzvMaxSlots bounds the snapshot.
const zzvMaxSlots = 1 << 16

// root follows v, a value not in memory, to the memory it reaches.
func (s *zzvSnapshot) root(v zzvreflect.Value, path string) {
	switch v.Kind() {
	case zzvreflect.Pointer:
		if !v.IsNil() {
			s.mem(v.Elem(), "(*"+path+")")
		}
	case zzvreflect.Slice:
		if v.IsNil() || v.Cap() == 0 {
			return
		}
		full := v.Slice3(0, v.Cap(), v.Cap())
		for i := 0; i < full.Len() && len(s.slots) < zzvMaxSlots; i++ {
			s.mem(full.Index(i), zzvfmt.Sprintf("%s[%d]", path, i))
		}
	case zzvreflect.Map:
		it := v.MapRange()
		for it.Next() {
			s.root(it.Value(), path+"[...]")
		}
	case zzvreflect.Interface:
		if !v.IsNil() {
			s.root(v.Elem(), path)
		}
	case zzvreflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			s.root(v.Field(i), path+"."+v.Type().Field(i).Name)
		}
	case zzvreflect.Array:
		for i := 0; i < v.Len(); i++ {
			s.root(v.Index(i), zzvfmt.Sprintf("%s[%d]", path, i))
		}
	}
}

// mem records v, a variable in memory, and what it reaches.
func (s *zzvSnapshot) mem(v zzvreflect.Value, path string) {
	if !v.CanAddr() || len(s.slots) >= zzvMaxSlots {
		return
	}
	key := zzvSeen{v.UnsafeAddr(), v.Type()}
	if s.seen[key] {
		return
	}
	s.seen[key] = true
	switch v.Kind() {
	case zzvreflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			s.mem(v.Field(i), path+"."+v.Type().Field(i).Name)
		}
		return
	case zzvreflect.Array:
		for i := 0; i < v.Len(); i++ {
			s.mem(v.Index(i), zzvfmt.Sprintf("%s[%d]", path, i))
		}
		return
	}
	s.slots = append(s.slots, zzvSlot{v: v, path: path, old: append([]byte(nil), zzvBytes(v)...)})
	s.root(v, path)
}

func zzvBytes(v zzvreflect.Value) []byte {
	return zzvunsafe.Slice((*byte)(zzvunsafe.Pointer(v.UnsafeAddr())), v.Type().Size())
}

// changed names a scalar outside the frame whose bytes changed, or "".
func (s *zzvSnapshot) changed(frame []zzvSpan) string {
	for _, sl := range s.slots {
		now := zzvBytes(sl.v)
		if string(now) == string(sl.old) {
			continue
		}
		lo := sl.v.UnsafeAddr()
		hi := lo + sl.v.Type().Size()
		inside := false
		for _, f := range frame {
			if f.lo <= lo && hi <= f.hi {
				inside = true
			}
		}
		if !inside {
			return sl.path + " changed"
		}
	}
	return ""
}
`
