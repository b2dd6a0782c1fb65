package ssa

import (
	"fmt"
	"go/types"
	"os"
	"strings"

	"golang.org/x/tools/go/packages"
)

// The target platform. The lowering models int, uint and uintptr as
// wordSize (64) bits, and the size bounds of memory.go and growth.go are
// those of a 64-bit address space. A build for a platform where those
// differ (GOARCH=386, arm, mips, wasm32...) is not what the model says, so
// every function of such a build is unsupported, naming the platform:
// proving it with 64-bit ints would prove claims that are false where int
// is 32 bits.

// platform is the word and pointer size the packages were type-checked
// for, from go/packages' sizes (which follow GOARCH in the go command's
// environment).
type platform struct {
	intBits, ptrBits int64
	goarch           string
}

// platformOf reads the platform from the loaded packages' sizes; env is the
// go command's environment (nil: this process's), for the GOARCH name.
func platformOf(pkgs []*packages.Package, env []string) platform {
	pl := platform{intBits: wordSize, ptrBits: wordSize, goarch: goarchOf(env)}
	for _, pkg := range pkgs {
		if pkg.TypesSizes == nil {
			continue
		}
		pl.intBits = 8 * pkg.TypesSizes.Sizeof(types.Typ[types.Int])
		pl.ptrBits = 8 * pkg.TypesSizes.Sizeof(types.Typ[types.Uintptr])
		break
	}
	return pl
}

// goarchOf is GOARCH as set in env (nil: this process's environment), or
// "" when it is not set there (the go command's own default then applies).
func goarchOf(env []string) string {
	if env == nil {
		return os.Getenv("GOARCH")
	}
	arch := ""
	for _, kv := range env {
		if v, ok := strings.CutPrefix(kv, "GOARCH="); ok {
			arch = v
		}
	}
	return arch
}

// modelled reports whether the model's word size is the platform's; when
// not, why.
func (pl platform) modelled() (string, bool) {
	if pl.intBits == wordSize && pl.ptrBits == wordSize {
		return "", true
	}
	arch := "this target"
	if pl.goarch != "" {
		arch = "GOARCH=" + pl.goarch
	}
	return fmt.Sprintf("build for %s with %d-bit int and %d-bit pointers: vsynth models 64-bit platforms only", arch, pl.intBits, pl.ptrBits), false
}
