package ssa

import (
	"go/token"
	"go/types"
	"math/big"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vsynth/vsynth/internal/testmod"
	"github.com/vsynth/vsynth/smt"
)

// The overflow hazards (overflow.go) against exact arithmetic: on
// constants every hazard folds to true or false, and it must be true
// exactly when the mathematical result of the operation is not a value
// of its type. Every pair of 8-bit operands, signed and unsigned; every
// 8- and 16-bit value through every conversion between 8- and 16-bit
// types.

var smallIntTypes = []types.Type{types.Typ[types.Int8], types.Typ[types.Uint8], types.Typ[types.Int16], types.Typ[types.Uint16]}

// valueOf is the integer a bit pattern of type it stands for.
func valueOf(pattern int64, it intType) *big.Int {
	v := big.NewInt(pattern & (1<<it.width - 1))
	if it.signed && v.Bit(it.width-1) == 1 {
		v.Sub(v, new(big.Int).Lsh(big.NewInt(1), uint(it.width)))
	}
	return v
}

// fits reports whether v is a value of it.
func fits(v *big.Int, it intType) bool {
	lo, hi := big.NewInt(0), new(big.Int).Lsh(big.NewInt(1), uint(it.width))
	if it.signed {
		hi.Rsh(hi, 1)
		lo.Neg(hi)
	}
	return v.Cmp(lo) >= 0 && v.Cmp(hi) < 0
}

// folded reports what a list of hazards says on constants.
func folded(t *testing.T, hz []hazard) bool {
	t.Helper()
	switch {
	case len(hz) == 0:
		return false
	case len(hz) == 1 && hz[0].kind == Overflow && hz[0].when.IsConst():
		return hz[0].when.BoolValue()
	}
	t.Fatalf("hazards %v do not fold to one overflow constant", hz)
	return false
}

func TestOverflowHazardsExact(t *testing.T) {
	for _, typ := range smallIntTypes[:2] {
		it, _ := intTypeOf(typ)
		count := types.Typ[types.Uint]
		for a := int64(0); a < 256; a++ {
			x, xv := smt.BVInt(8, a), valueOf(a, it)
			// Negation.
			want := !fits(new(big.Int).Neg(xv), it)
			if got := folded(t, negOverflow(x, typ)); got != want {
				t.Errorf("-%v on %s: hazard %v, exact arithmetic says %v", xv, typ, got, want)
			}
			for b := int64(0); b < 256; b++ {
				y, yv := smt.BVInt(8, b), valueOf(b, it)
				exact := map[token.Token]*big.Int{
					token.ADD: new(big.Int).Add(xv, yv),
					token.SUB: new(big.Int).Sub(xv, yv),
					token.MUL: new(big.Int).Mul(xv, yv),
				}
				if b != 0 {
					exact[token.QUO] = new(big.Int).Quo(xv, yv)
				}
				for op, r := range exact {
					v, _, err := binary(op, x, y, typ, typ)
					if err != nil {
						t.Fatal(err)
					}
					if got, want := folded(t, binaryOverflow(op, x, y, v, typ, typ)), !fits(r, it); got != want {
						t.Errorf("%v %s %v on %s: hazard %v, exact arithmetic says %v", xv, op, yv, typ, got, want)
					}
				}
			}
			// Shifts by every count up to past the width.
			for s := int64(0); s <= 12; s++ {
				c := smt.BVInt(wordSize, s)
				v, _, err := binary(token.SHL, x, c, typ, count)
				if err != nil {
					t.Fatal(err)
				}
				want := !fits(new(big.Int).Lsh(xv, uint(s)), it)
				if got := folded(t, binaryOverflow(token.SHL, x, c, v, typ, count)); got != want {
					t.Errorf("%v << %d on %s: hazard %v, exact arithmetic says %v", xv, s, typ, got, want)
				}
			}
		}
	}
	for _, from := range smallIntTypes {
		fi, _ := intTypeOf(from)
		for _, to := range smallIntTypes {
			ti, _ := intTypeOf(to)
			for a := int64(0); a < 1<<fi.width; a++ {
				want := !fits(valueOf(a, fi), ti)
				if got := folded(t, convertOverflow(smt.BVInt(fi.width, a), from, to)); got != want {
					t.Errorf("%s(%v) from %s: hazard %v, exact arithmetic says %v", to, valueOf(a, fi), from, got, want)
				}
			}
		}
	}
}

// TestOverflowChecksInGo runs the replay's checks (confirm_overflow.go)
// in compiled Go on the same inputs: each must panic exactly when the
// exact result does not fit, and return Go's value otherwise.
func TestOverflowChecksInGo(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs a Go program")
	}
	dir := t.TempDir()
	testmod.WriteFile(t, filepath.Join(dir, "go.mod"), "module example.com/ovf\n\ngo 1.24\n")
	testmod.WriteFile(t, filepath.Join(dir, "main.go"), "package main\n"+overflowCheckImports+overflowCheckSource+overflowCheckDriver)
	cmd := exec.Command("go", "run", ".")
	cmd.Dir, cmd.Env = dir, testmod.GoEnv()
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("running the checks: %v\n%s", err, out)
	}
	if got := strings.TrimSpace(string(out)); got != "ok" {
		t.Errorf("the replay's overflow checks disagree with exact arithmetic:\n%s", got)
	}
}

const overflowCheckImports = `
import (
	"fmt"
	"math"
	"math/big"
	"strings"
)
`

// overflowCheckDriver compares the checks with arithmetic on int64 (exact
// for 8- and 16-bit operands), on every pair of 8-bit operands and every
// 16-bit value converted, and on edge values of 64-bit types.
const overflowCheckDriver = `
var bad int

func report(format string, args ...any) {
	if bad < 20 {
		fmt.Printf(format+"\n", args...)
	}
	bad++
}

// panics runs f and reports whether it panicked with an overflow.
func panics(f func()) (p bool) {
	defer func() {
		if r := recover(); r != nil {
			s, _ := r.(string)
			if !strings.HasPrefix(s, "vsynth replay: overflow: ") {
				panic(r)
			}
			p = true
		}
	}()
	f()
	return false
}

func check[T __vsynth_ovf_integer](name string, lo, hi int64) {
	fits := func(v int64) bool { return lo <= v && v <= hi }
	for a := lo; a <= hi; a++ {
		for b := lo; b <= hi; b++ {
			x, y := T(a), T(b)
			if got, want := panics(func() { __vsynth_ovf_add(x, y) }), !fits(a+b); got != want {
				report("%s: %d + %d: check %v, exact %v", name, a, b, got, want)
			}
			if got, want := panics(func() { __vsynth_ovf_sub(x, y) }), !fits(a-b); got != want {
				report("%s: %d - %d: check %v, exact %v", name, a, b, got, want)
			}
			if got, want := panics(func() { __vsynth_ovf_mul(x, y) }), !fits(a*b); got != want {
				report("%s: %d * %d: check %v, exact %v", name, a, b, got, want)
			}
			if b != 0 {
				if got, want := panics(func() { __vsynth_ovf_quo(x, y) }), !fits(a/b); got != want {
					report("%s: %d / %d: check %v, exact %v", name, a, b, got, want)
				}
			}
		}
		x := T(a)
		if got, want := panics(func() { __vsynth_ovf_neg(x) }), !fits(-a); got != want {
			report("%s: -%d: check %v, exact %v", name, a, got, want)
		}
		for s := uint(0); s <= 12; s++ {
			if got, want := panics(func() { __vsynth_ovf_shl(x, s) }), !fits(a<<s); got != want {
				report("%s: %d << %d: check %v, exact %v", name, a, s, got, want)
			}
		}
	}
}

func conv[To, From __vsynth_ovf_integer](name string, lo, hi, tlo, thi int64) {
	for a := lo; a <= hi; a++ {
		if got, want := panics(func() { __vsynth_ovf_conv[To](From(a)) }), a < tlo || a > thi; got != want {
			report("%s: %d: check %v, exact %v", name, a, got, want)
		}
	}
}

func convs[From __vsynth_ovf_integer](name string, lo, hi int64) {
	conv[int8, From](name+" to int8", lo, hi, math.MinInt8, math.MaxInt8)
	conv[uint8, From](name+" to uint8", lo, hi, 0, math.MaxUint8)
	conv[int16, From](name+" to int16", lo, hi, math.MinInt16, math.MaxInt16)
	conv[uint16, From](name+" to uint16", lo, hi, 0, math.MaxUint16)
}

// wide checks 64-bit edge values against math/big.
func wide[T int64 | uint64](name string, vals []T, signed bool) {
	lo, hi := big.NewInt(0), new(big.Int).SetUint64(math.MaxUint64)
	if signed {
		lo, hi = big.NewInt(math.MinInt64), big.NewInt(math.MaxInt64)
	}
	val := func(x T) *big.Int {
		if signed {
			return big.NewInt(int64(x))
		}
		return new(big.Int).SetUint64(uint64(x))
	}
	fits := func(v *big.Int) bool { return v.Cmp(lo) >= 0 && v.Cmp(hi) <= 0 }
	for _, x := range vals {
		for _, y := range vals {
			if got, want := panics(func() { __vsynth_ovf_add(x, y) }), !fits(new(big.Int).Add(val(x), val(y))); got != want {
				report("%s: %d + %d: check %v, exact %v", name, x, y, got, want)
			}
			if got, want := panics(func() { __vsynth_ovf_sub(x, y) }), !fits(new(big.Int).Sub(val(x), val(y))); got != want {
				report("%s: %d - %d: check %v, exact %v", name, x, y, got, want)
			}
			if got, want := panics(func() { __vsynth_ovf_mul(x, y) }), !fits(new(big.Int).Mul(val(x), val(y))); got != want {
				report("%s: %d * %d: check %v, exact %v", name, x, y, got, want)
			}
		}
	}
}

func main() {
	check[int8]("int8", math.MinInt8, math.MaxInt8)
	check[uint8]("uint8", 0, math.MaxUint8)
	convs[int8]("int8", math.MinInt8, math.MaxInt8)
	convs[uint8]("uint8", 0, math.MaxUint8)
	convs[int16]("int16", math.MinInt16, math.MaxInt16)
	convs[uint16]("uint16", 0, math.MaxUint16)
	var sv []int64
	var uv []uint64
	for _, v := range []int64{0, 1, 2, 3, 1 << 31, 1<<32 + 1, math.MaxInt64, math.MaxInt64 - 1, 1 << 62} {
		sv = append(sv, v, -v)
		uv = append(uv, uint64(v), uint64(v)*2, -uint64(v))
	}
	sv = append(sv, math.MinInt64)
	wide("int64", sv, true)
	wide("uint64", uv, false)
	if bad == 0 {
		fmt.Println("ok")
	}
}
`
