package rules

import (
	"fmt"
	"strings"
	"testing"
)

// maxCombos bounds the assignments tried per rule and type.
const maxCombos = 1 << 24

// sample8 are the constants tried when a rule has too many holes and
// constants to try every value: edges and powers of two, as uint8 bit
// patterns.
var sample8 = []int64{0, 1, 2, 3, 4, 5, 7, 8, 15, 16, 31, 32, 63, 64, 127, 128, 129, 192, 254, 255}

// TestRules8Exhaustive checks every rule of the shipped set at int8 and
// uint8 against real Go arithmetic: a generated program, compiled by the
// Go toolchain, evaluates both sides (panics included) for every value of
// the holes and constants that satisfies the condition. When that is more
// than 2^24 assignments, the constants (then the holes, last first) range
// over sample8 instead of all 256 values.
func TestRules8Exhaustive(t *testing.T) {
	rs, err := Shipped()
	if err != nil {
		t.Fatal(err)
	}
	lines := run8(t, rs)
	total := 0
	for _, line := range lines {
		f := strings.Fields(line)
		if len(f) < 4 || f[2] != "ok" {
			t.Errorf("mismatch: %s", line)
			continue
		}
		var c int
		fmt.Sscan(f[3], &c)
		total += c
	}
	t.Logf("%d rule/type pairs, %d assignments satisfying the conditions", len(lines), total)
	// What "every rule" leaves out: rules with no 8-bit type, and pairs
	// with too many holes and constants to try every value.
	var no8 []string
	sampled := 0
	for _, r := range rs {
		has8 := false
		for _, typ := range r.Types {
			if typ.Width != 8 {
				continue
			}
			has8 = true
			n := 1
			for _, h := range r.Holes() {
				if r.boolHoles[h] {
					n *= 2
				} else {
					n *= 256
				}
			}
			for range r.Consts() {
				n *= 256
			}
			if n > maxCombos {
				sampled++
			}
		}
		if !has8 {
			no8 = append(no8, r.Name)
		}
	}
	t.Logf("%d rules in the set; %d pairs on sampled values (more than 2^24 assignments), the rest exhaustive; %d rules have no 8-bit type: %v",
		len(rs), sampled, len(no8), no8)
}

// TestRules8ExhaustiveCatches shows the exhaustive check finds false rules.
func TestRules8ExhaustiveCatches(t *testing.T) {
	rs, err := Parse("false.rules", []byte(falseRules))
	if err != nil {
		t.Fatal(err)
	}
	caught := map[string]bool{}
	for _, line := range run8(t, rs) {
		f := strings.Fields(line)
		if len(f) >= 3 && f[2] == "differ" {
			caught[f[0]] = true
		}
	}
	for _, r := range rs {
		has8 := false
		for _, typ := range r.Types {
			has8 = has8 || typ.Width == 8
		}
		if has8 && !caught[r.Name] {
			t.Errorf("%s: not caught at 8 bits", r.Name)
		}
	}
}

// run8 runs the 8-bit check of rs and returns one line per rule and
// 8-bit type: "rule type ok N" or "rule type differ ...".
func run8(t *testing.T, rs []*Rule) []string {
	var b strings.Builder
	b.WriteString("func main() {\n")
	var funcs strings.Builder
	n := 0
	for i, r := range rs {
		for _, typ := range r.Types {
			if typ.Width != 8 {
				continue
			}
			n++
			name := fmt.Sprintf("check_%d_%s", i, typ.Name)
			fmt.Fprintf(&b, "\tfmt.Println(%q, %q, %s())\n", r.Name, typ.Name, name)
			exhaustiveCheck(&funcs, i, r, typ, name)
		}
	}
	b.WriteString("}\n")
	b.WriteString(funcs.String())
	b.WriteString(`var all_int8, all_uint8 []any

func init() {
	for v := range 256 {
		all_int8 = append(all_int8, int8(v))
		all_uint8 = append(all_uint8, uint8(v))
	}
}
`)
	out := runGo(t, Render(rs), b.String())
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != n {
		t.Fatalf("%d results for %d checks:\n%s", len(lines), n, out)
	}
	return lines
}

// exhaustiveCheck writes func name() string for rule i at 8-bit type typ.
func exhaustiveCheck(b *strings.Builder, i int, r *Rule, typ Type, name string) {
	type variable struct {
		name, typ string
		values    []string
		all       bool
	}
	var vars []*variable
	for _, h := range r.Holes() {
		if r.boolHoles[h] {
			vars = append(vars, &variable{name: h, typ: "bool", values: []string{"false", "true"}})
		} else {
			vars = append(vars, &variable{name: h, typ: typ.Name, all: true})
		}
	}
	for _, c := range r.Consts() {
		vars = append(vars, &variable{name: c, typ: typ.Name, all: true})
	}
	combos := func() int {
		n := 1
		for _, v := range vars {
			switch {
			case v.all:
				n *= 256
			case v.values != nil:
				n *= len(v.values)
			default:
				n *= len(sample8)
			}
		}
		return n
	}
	for k := len(vars) - 1; combos() > maxCombos && k >= 0; k-- {
		vars[k].all = false
	}
	var args []string
	for _, v := range vars {
		args = append(args, v.name)
	}
	a := strings.Join(args, ", ")
	l, rh, c := funcNames(i, typ)
	res := typ.Name
	if exprIsBool(r.LHS, r.boolHoles) {
		res = "bool"
	}
	sig := signature(r, typ)
	for _, f := range []struct{ fn, res string }{{l, res}, {rh, res}, {c, "bool"}} {
		if f.fn == c && r.Cond == nil {
			continue
		}
		fmt.Fprintf(b, "func try_%s(%s) (v %s, p bool) {\n\tdefer func() {\n\t\tif recover() != nil {\n\t\t\tp = true\n\t\t}\n\t}()\n\treturn %s(%s), false\n}\n", f.fn, sig, f.res, f.fn, a)
	}
	fmt.Fprintf(b, "func %s() string {\n\tn := 0\n", name)
	for _, v := range vars {
		var list string
		switch {
		case v.all:
			list = "all_" + typ.Name
		case v.values != nil:
			list = "[]any{" + strings.Join(v.values, ", ") + "}"
		default:
			var s []string
			for _, x := range sample8 {
				s = append(s, fmt.Sprintf("%s(%s)", typ.Name, literal(typ.norm(x), typ)))
			}
			list = "[]any{" + strings.Join(s, ", ") + "}"
		}
		fmt.Fprintf(b, "\tfor _, %s_ := range %s {\n\t%s := %s_.(%s)\n", v.name, list, v.name, v.name, v.typ)
	}
	if r.Cond != nil {
		fmt.Fprintf(b, "\tif ok, p := try_%s(%s); p || !ok {\n\t\tcontinue\n\t}\n", c, a)
	}
	fmt.Fprintf(b, "\tn++\n\tlv, lp := try_%s(%s)\n\trv, rp := try_%s(%s)\n", l, a, rh, a)
	var show []string
	for _, v := range vars {
		show = append(show, fmt.Sprintf("%q, %s", v.name+"=", v.name))
	}
	fmt.Fprintf(b, "\tif lp != rp || !lp && lv != rv {\n\t\treturn fmt.Sprint(\"differ \", %s, \" left \", lv, lp, \" right \", rv, rp)\n\t}\n", strings.Join(show, ", \" \", "))
	for range vars {
		b.WriteString("\t}\n")
	}
	b.WriteString("\treturn fmt.Sprint(\"ok \", n)\n}\n")
}
